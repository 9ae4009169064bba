/** `congtruong serve`: the publishing server of a hosting unit (see `src/server/server.ts`). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import type { Lang } from '../errors/content-errors.ts';
import { cliError, langOfArgv, parseArgsError } from '../errors/cli-errors.ts';
import { badLang, badPort, isLang, portOf } from './options.ts';

const USAGE = {
  vi: `Cách dùng: congtruong serve [--content THƯ_MỤC] [--out THƯ_MỤC] [--db TỆP] [--port 8080] [--host 127.0.0.1] [--public-url https://soanbai.ten-mien] [--lang vi|en]

Chạy máy chủ soạn bài cho đơn vị chủ quản: giáo viên đăng nhập, soạn nội dung của trường mình trên
trình duyệt; mỗi lần lưu được kiểm tra, ghi vào git (tác giả là người sửa) và đăng ngay lên <out>/sites/.
Đặt sau nginx (congtruong nginx); tạo tài khoản bằng congtruong users add. Xem docs/hosting.md.

  --content   Thư mục nội dung, là một kho git (mặc định: content)
  --out       Thư mục kết quả, như congtruong build (mặc định: dist)
  --db        Tệp cơ sở dữ liệu tài khoản (mặc định: congtruong.db; không đặt trong thư mục nội dung)
  --port      Cổng (mặc định: 8080)
  --host      Địa chỉ lắng nghe (mặc định: 127.0.0.1, sau nginx)
  --public-url  Địa chỉ người dùng mở, ví dụ https://soanbai.pgd.example.edu.vn (bật cookie Secure)
  --oidc TỆP  Cho đăng nhập qua hệ thống OpenID Connect của đơn vị chủ quản (tệp YAML: issuer, clientId, clientSecret…; xem docs/hosting.md)
  --print systemd|nginx  Chỉ in tệp dịch vụ systemd hoặc khối cấu hình nginx cho --public-url rồi thoát`,
  en: `Usage: congtruong serve [--content DIR] [--out DIR] [--db FILE] [--port 8080] [--host 127.0.0.1] [--public-url https://editor.domain] [--lang vi|en]

Runs a hosting unit's publishing server: teachers log in and edit their own school's content in the
browser; every save is validated, committed in git (with the editor as author) and published to <out>/sites/.
Put it behind nginx (congtruong nginx); create accounts with congtruong users add. See docs/hosting.md.

  --content   Content folder, a git repository (default: content)
  --out       Output folder, as for congtruong build (default: dist)
  --db        Accounts database file (default: congtruong.db; keep it outside the content folder)
  --port      Port (default: 8080)
  --host      Listen address (default: 127.0.0.1, behind nginx)
  --public-url  The address users open, e.g. https://editor.example.edu.vn (enables Secure cookies)
  --oidc FILE  Allow login through the hosting unit's OpenID Connect provider (YAML file: issuer, clientId, clientSecret…; see docs/hosting.md)
  --print systemd|nginx  Only print the systemd unit or the nginx server block for --public-url, then exit`,
} as const;

const SERVE_OPTIONS = {
  content: { type: 'string', default: 'content' },
  out: { type: 'string', default: 'dist' },
  db: { type: 'string', default: 'congtruong.db' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  'public-url': { type: 'string' },
  oidc: { type: 'string' },
  print: { type: 'string' },
  lang: { type: 'string', default: 'vi' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every option name of `serve`, to recognise the ones npm kept for itself. */
export const optionNames = (): string[] => Object.keys(SERVE_OPTIONS);

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: SERVE_OPTIONS, allowPositionals: false, strict: true });
  } catch (err) {
    const guess = langOfArgv(argv);
    console.error(`${parseArgsError(err, 'serve', guess)}\n\n${USAGE[guess]}`);
    return 2;
  }
  const { values } = parsed;
  if (!isLang(values.lang)) {
    console.error(badLang(values.lang));
    return 2;
  }
  const lang: Lang = values.lang;
  if (values.help) {
    console.log(USAGE[lang]);
    return 0;
  }
  const port = portOf(values.port, 0);
  if (port === undefined) {
    console.error(badPort(values.port, lang, 0));
    return 2;
  }
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) {
    console.error(cliError('badPublicUrl', { value: publicUrl }, lang));
    return 2;
  }
  if (values.print !== undefined) {
    if ((values.print !== 'systemd' && values.print !== 'nginx') || publicUrl === undefined) {
      console.error(cliError('badPrint', {}, lang));
      return 2;
    }
    const { editorNginxConfig, systemdUnit } = await import('../hosting/editor-service.ts');
    const url = new URL(publicUrl);
    const service = {
      serverName: url.hostname,
      port,
      https: url.protocol === 'https:',
      contentDir: path.resolve(values.content),
      outDir: path.resolve(values.out),
      dataDir: path.dirname(path.resolve(values.db)),
      appDir: PACKAGE_ROOT,
      oidcFile: values.oidc === undefined ? undefined : path.resolve(values.oidc),
    };
    try {
      process.stdout.write(values.print === 'systemd' ? systemdUnit(service) : editorNginxConfig(service));
    } catch (err) {
      console.error((err as Error).message);
      return 2;
    }
    return 0;
  }
  let oidc;
  if (values.oidc !== undefined) {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const { oidcSettingsSchema } = await import('../schemas/oidc-settings.ts');
    let raw: unknown;
    try {
      raw = parse(await readFile(values.oidc, 'utf8'));
    } catch (err) {
      console.error(
        lang === 'vi'
          ? `Không đọc được tệp cấu hình OpenID Connect ${values.oidc}: ${(err as Error).message}`
          : `Cannot read the OpenID Connect settings ${values.oidc}: ${(err as Error).message}`,
      );
      return 2;
    }
    const checked = oidcSettingsSchema.safeParse(raw);
    if (!checked.success) {
      const fields = [...new Set(checked.error.issues.map((i) => i.path.join('.') || '(tệp)'))].join(', ');
      console.error(
        lang === 'vi'
          ? `Tệp ${values.oidc} chưa đúng ở: ${fields}. Cần issuer (https://…), clientId, clientSecret; tuỳ chọn label, claim, matchAccount (email|login), scope. Xem docs/hosting.md.`
          : `${values.oidc} is wrong at: ${fields}. It needs issuer (https://…), clientId, clientSecret; optionally label, claim, matchAccount (email|login), scope. See docs/hosting.md.`,
      );
      return 2;
    }
    oidc = checked.data;
  }
  const { startServer, ServeError } = await import('../server/server.ts');
  let server;
  try {
    server = await startServer({
      contentDir: values.content,
      outDir: values.out,
      database: values.db,
      port,
      host: values.host,
      publicUrl,
      oidc,
      lang,
    });
  } catch (err) {
    if (err instanceof ServeError) console.error(err.render(lang));
    else console.error(cliError('serveFailed', { reason: err instanceof Error ? err.message : String(err) }, lang));
    return 1;
  }
  // Runs until a SIGTERM from systemd or Ctrl-C; a save in progress finishes first.
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const forced = setTimeout(() => process.exit(0), 60_000);
  forced.unref();
  await server.stop();
  console.log(lang === 'vi' ? 'Đã dừng.' : 'Stopped.');
  return 0;
}
