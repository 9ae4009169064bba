/**
 * Reads a built site folder (`dist/sites/<domain>/`) as the HTML input of the checker.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { walk } from '../build/assemble.ts';
import type { Level } from '../schemas/level.ts';
import { factsFromHtml } from './facts-from-html.ts';
import type { SiteFacts } from './facts.ts';

export async function factsFromSiteFolder(dir: string, opts: { domain?: string | undefined; levels: Level[] }): Promise<SiteFacts> {
  const root = path.resolve(dir);
  const domain = opts.domain ?? path.basename(root);
  const base = `https://${domain}/`;
  const files = await walk(root);
  const toUrl = (f: string) =>
    new URL(
      path
        .relative(root, f)
        .split(path.sep)
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1'),
      base,
    ).href;
  const pages = await Promise.all(
    files.filter((f) => f.endsWith('.html')).map(async (f) => ({ url: toUrl(f), html: await readFile(f, 'utf8') })),
  );
  const stylesheets = new Map<string, string>();
  for (const f of files.filter((x) => x.endsWith('.css'))) stylesheets.set(toUrl(f), await readFile(f, 'utf8'));
  const sitemapXml = await stat(path.join(root, 'sitemap.xml')).then(
    () => true,
    () => false,
  );
  return factsFromHtml({ id: domain, baseUrl: base, levels: opts.levels, pages, sitemapXml, stylesheets });
}
