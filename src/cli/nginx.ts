/**
 * `congtruong nginx`: writes the nginx configuration for the sites published in `<out>/sites/`.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../errors/content-errors.ts';
import { isListenValue, isSiteFolder, nginxConfig, nginxPathProblem } from '../hosting/nginx.ts';

export async function nginx(args: {
  out?: string | undefined;
  sites?: string | undefined;
  listen?: string | undefined;
  https?: boolean;
  /** Folder of the certificates, one sub-folder per domain (certbot's `/etc/letsencrypt/live`). */
  tlsCerts?: string | undefined;
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
  const certDir = args.tlsCerts === undefined ? undefined : path.resolve(args.tlsCerts);
  const unsafeCerts = certDir === undefined ? undefined : nginxPathProblem(certDir);
  if (certDir !== undefined && unsafeCerts) {
    return fail({
      vi: `Đường dẫn chứng chỉ ${certDir} có ký tự ${unsafeCerts} mà nginx không đọc đúng được. Cách sửa: dùng một thư mục không có ký tự đó, ví dụ /etc/letsencrypt/live.`,
      en: `The certificate path ${certDir} contains ${unsafeCerts}, which nginx cannot read safely. Fix: use a folder without it, e.g. /etc/letsencrypt/live.`,
    });
  }
  const config = nginxConfig(domains, {
    sitesDir,
    listen: args.listen,
    https: args.https,
    tls: certDir === undefined ? undefined : { certDir },
  });
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
