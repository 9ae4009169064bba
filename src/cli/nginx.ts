/**
 * `congtruong nginx`: writes the nginx configuration for the sites published in `<out>/sites/`.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../errors/content-errors.ts';
import { nginxConfig } from '../hosting/nginx.ts';

export async function nginx(args: {
  out?: string | undefined;
  sites?: string | undefined;
  listen?: string | undefined;
  https?: boolean;
  lang: Lang;
}): Promise<number> {
  const sitesDir = path.resolve(args.sites ?? 'dist/sites');
  const entries = await readdir(sitesDir).catch(() => null);
  if (!entries) {
    console.error(
      args.lang === 'vi'
        ? `Không đọc được ${sitesDir}. Chạy \`npm run build\` trước, hoặc chỉ thư mục bằng --sites.`
        : `Cannot read ${sitesDir}. Run \`npm run build\` first, or point to the folder with --sites.`,
    );
    return 2;
  }
  const domains: string[] = [];
  for (const name of entries) {
    if (!name.startsWith('.') && (await stat(path.join(sitesDir, name))).isDirectory()) domains.push(name);
  }
  const config = nginxConfig(domains, { sitesDir, listen: args.listen, https: args.https });
  if (args.out) {
    await writeFile(args.out, config);
    console.log(
      args.lang === 'vi'
        ? `Đã ghi cấu hình nginx cho ${domains.length} trang web vào ${args.out}.`
        : `Wrote the nginx configuration of ${domains.length} sites to ${args.out}.`,
    );
  } else process.stdout.write(config);
  return 0;
}
