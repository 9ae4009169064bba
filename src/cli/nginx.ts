/**
 * `congtruong nginx`: writes the nginx configuration for the sites published in `<out>/sites/`.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../errors/content-errors.ts';
import { editorNginxConfig } from '../hosting/editor-service.ts';
import { isListenValue, isSiteFolder, nginxConfig, nginxPathProblem } from '../hosting/nginx.ts';
import { portOf } from './options.ts';

export async function nginx(args: {
  out?: string | undefined;
  sites?: string | undefined;
  listen?: string | undefined;
  https?: boolean;
  /** Also the editor's block (`congtruong serve`), at this host name. */
  editor?: string | undefined;
  editorPort?: string | undefined;
  editorHttp?: boolean;
  editorCert?: string | undefined;
  editorKey?: string | undefined;
  lang: Lang;
}): Promise<number> {
  const vi = args.lang === 'vi';
  const fail = (message: { vi: string; en: string }, code = 2) => {
    console.error(vi ? message.vi : message.en);
    return code;
  };
  if (args.listen !== undefined && !isListenValue(args.listen)) {
    return fail({
      vi: `--listen phải là một cổng (1–65535), có thể kèm địa chỉ, ví dụ 80, 8080 hoặc 127.0.0.1:8080 (không phải ${JSON.stringify(args.listen)}).`,
      en: `--listen must be a port (1–65535), optionally with an address, e.g. 80, 8080 or 127.0.0.1:8080 (not ${JSON.stringify(args.listen)}).`,
    });
  }
  let editorBlock = '';
  if (args.editor !== undefined || args.editorPort !== undefined || args.editorCert !== undefined || args.editorKey !== undefined) {
    const port = portOf(args.editorPort ?? '8080', 1);
    if (args.editor === undefined || !isSiteFolder(args.editor) || args.editor.includes('+')) {
      return fail({
        vi: `--editor cần tên máy của trang soạn bài, chữ thường, ví dụ soanbai.pgd.example.edu.vn (không phải ${JSON.stringify(args.editor ?? '')}).`,
        en: `--editor needs the editor's host name, in lower case, e.g. editor.example.edu.vn (not ${JSON.stringify(args.editor ?? '')}).`,
      });
    }
    if (port === undefined) {
      return fail({
        vi: `--editor-port phải là số từ 1 đến 65535 (không phải ${JSON.stringify(args.editorPort)}).`,
        en: `--editor-port must be 1 to 65535 (not ${JSON.stringify(args.editorPort)}).`,
      });
    }
    const file = [args.editorCert, args.editorKey].find((f) => f !== undefined && !/^\/[A-Za-z0-9_./:+-]+$/.test(f));
    if (file !== undefined) {
      return fail({
        vi: `--editor-cert và --editor-key cần đường dẫn tuyệt đối, không dấu cách hay ký tự đặc biệt (không phải ${JSON.stringify(file)}).`,
        en: `--editor-cert and --editor-key need absolute paths without spaces or special characters (not ${JSON.stringify(file)}).`,
      });
    }
    editorBlock = editorNginxConfig({
      serverName: args.editor,
      port,
      https: !args.editorHttp,
      listen: args.listen,
      certificate: args.editorCert,
      certificateKey: args.editorKey,
    });
  }
  const sitesDir = path.resolve(args.sites ?? 'dist/sites');
  const unsafe = nginxPathProblem(sitesDir);
  if (unsafe) {
    return fail({
      vi: `Đường dẫn ${sitesDir} có ký tự ${unsafe} mà nginx không đọc đúng được. Cách sửa: chuyển thư mục kết quả sang đường dẫn không có ký tự đó (ví dụ /srv/congtruong/sites) rồi chỉ tới nó bằng --sites.`,
      en: `The path ${sitesDir} contains ${unsafe}, which nginx cannot read safely. Fix: move the output folder to a path without it (e.g. /srv/congtruong/sites) and point to it with --sites.`,
    });
  }
  const entries = await readdir(sitesDir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    return fail({
      vi: `Không đọc được ${sitesDir}. Chạy \`npm run build\` trước, hoặc chỉ thư mục bằng --sites.`,
      en: `Cannot read ${sitesDir}. Run \`npm run build\` first, or point to the folder with --sites.`,
    });
  }
  const domains: string[] = [];
  const skipped: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const dir = e.isDirectory() || (e.isSymbolicLink() && (await stat(path.join(sitesDir, e.name)).catch(() => null))?.isDirectory());
    if (!dir) continue;
    // Only names the build writes (a domain, or `<domain>+<id>`): a folder put there by hand
    // with quotes, spaces or `;` in its name would otherwise write directives of its own.
    if (isSiteFolder(e.name)) domains.push(e.name);
    else skipped.push(JSON.stringify(e.name));
  }
  domains.sort();
  if (skipped.length > 0) {
    fail({
      vi: `Bỏ qua ${skipped.length} thư mục không phải tên miền trong ${sitesDir}: ${skipped.join(', ')}. Thư mục của một trang web được đặt tên theo tên miền, chữ thường (ví dụ thcsleloi.songxanh.edu.vn).`,
      en: `Skipped ${skipped.length} folder(s) of ${sitesDir} that are not domains: ${skipped.join(', ')}. A site's folder is named after its domain, in lower case (e.g. thcsleloi.songxanh.edu.vn).`,
    });
  }
  const config = nginxConfig(domains, { sitesDir, listen: args.listen, https: args.https }) + (editorBlock ? `\n${editorBlock}` : '');
  if (args.out) {
    try {
      await writeFile(args.out, config);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      return fail(
        {
          vi: `Không ghi được ${args.out} (${code}). Kiểm tra thư mục có tồn tại và quyền ghi (tệp trong /etc/nginx cần chạy bằng sudo).`,
          en: `Cannot write ${args.out} (${code}). Check that the folder exists and is writable (files in /etc/nginx need sudo).`,
        },
        1,
      );
    }
    console.log(
      vi
        ? `Đã ghi cấu hình nginx cho ${domains.length} trang web vào ${args.out}.`
        : `Wrote the nginx configuration of ${domains.length} sites to ${args.out}.`,
    );
  } else process.stdout.write(config);
  return 0;
}
