/**
 * Reads a site folder (a built `dist/sites/<domain>/`, or a copy saved by a website copier) as
 * the HTML input of the checker, through the same reader as the ranking job.
 *
 * The site's address comes from the pages themselves when the caller does not give it: a
 * copier's "Mirrored from <host>/<path>" note, `<link rel=canonical>` or `og:url`. A folder name
 * is taken as the host only when it looks like one (`thcs.example.edu.vn`, not `mycam`).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { walk } from '../util/walk.ts';
import { readSite, type SiteReading } from '../html/site.ts';
import type { Level } from '../schemas/level.ts';
import { SECTION_KEYS, type SiteFacts } from '../site/facts.ts';

/** The part of a Cổng Trường site's `/cong-truong.json` that lists its sections. */
const declaredSchema = z.object({ sections: z.array(z.object({ key: z.enum(SECTION_KEYS), url: z.string(), title: z.string() })) });

export interface SiteFolderOptions {
  /** The site's host, e.g. `thcs.example.edu.vn`; found in the pages when absent. */
  domain?: string | undefined;
  levels: Level[];
  /** Path of the home page inside the site (a tenant path such as `/truong-x/`); default `/`. */
  entry?: string | undefined;
}

const LOOKS_LIKE_HOST = /^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i;

/** The public address a page says it was copied from, or its canonical URL. */
export function addressInPage(html: string): { host: string; path: string } | undefined {
  const mirrored = /Mirrored from ([a-z0-9.-]+\.[a-z]{2,})(\/[^\s]*)? by HTTrack/i.exec(html);
  if (mirrored) return { host: mirrored[1]!.toLowerCase(), path: (mirrored[2] ?? '/').split('?')[0]! };
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]*href=["'](https?:\/\/[^"']+)/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:\/\/[^"']+)/i.exec(html)?.[1];
  if (canonical && URL.canParse(canonical)) {
    const u = new URL(canonical);
    return { host: u.hostname, path: u.pathname };
  }
  return undefined;
}

export async function readSiteFolder(dir: string, opts: SiteFolderOptions): Promise<SiteReading> {
  const root = path.resolve(dir);
  const files = await walk(root);
  const htmlFiles = files.filter((f) => /\.html?$/i.test(f));
  let domain = opts.domain;
  if (!domain) {
    const entryFile = path.join(root, (opts.entry ?? '/').replace(/\/$/, '/index.html'));
    const candidates = [entryFile, path.join(root, 'index.html'), ...htmlFiles.slice(0, 20)];
    for (const f of candidates) {
      const found = addressInPage(await readFile(f, 'utf8').catch(() => ''));
      if (found) {
        domain = found.host;
        break;
      }
    }
  }
  const folderName = path.basename(root);
  domain ??= LOOKS_LIKE_HOST.test(folderName) ? folderName.toLowerCase() : 'localhost';
  const origin = `https://${domain}`;
  const toUrl = (f: string) =>
    new URL(
      path
        .relative(root, f)
        .split(path.sep)
        .map(encodeURIComponent)
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1'),
      `${origin}/`,
    ).href;
  const pages = await Promise.all(htmlFiles.map(async (f) => ({ url: toUrl(f), html: await readFile(f, 'utf8') })));
  const stylesheets = new Map<string, string>();
  for (const f of files.filter((x) => x.endsWith('.css'))) stylesheets.set(toUrl(f), await readFile(f, 'utf8'));
  const sitemapXml = await stat(path.join(root, 'sitemap.xml')).then(
    () => true,
    () => false,
  );
  let entry = opts.entry;
  if (!entry) {
    // A copier's root page that only redirects (to itself, on a multi-tenant portal copied at
    // its tenant path): the tenant's folder with the most pages is the site.
    const rootHtml = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => '');
    if (/http-equiv=["']?refresh/i.test(rootHtml) && rootHtml.replace(/<[^>]+>/g, '').trim().length < 300) {
      const counts = new Map<string, number>();
      for (const f of htmlFiles) {
        const top = path.relative(root, f).split(path.sep);
        if (top.length > 1) counts.set(top[0]!, (counts.get(top[0]!) ?? 0) + 1);
      }
      const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const target = /content=["'][^"']*url=([^"'\s>]+)/i.exec(rootHtml)?.[1] ?? '';
      const selfLoop = /^(\.\/|\/)?(index\.html?)?$/i.test(target);
      if (selfLoop && best && htmlFiles.includes(path.join(root, best, 'index.html'))) entry = `/${best}/`;
    }
  }
  const baseUrl = new URL(entry ?? '/', `${origin}/`).href;
  // A site built by Cổng Trường lists its own sections; the pages must still be there.
  let declaredSections: { key: (typeof SECTION_KEYS)[number]; url: string; title: string }[] | undefined;
  try {
    const parsed = declaredSchema.safeParse(JSON.parse(await readFile(path.join(root, 'cong-truong.json'), 'utf8')));
    if (parsed.success) declaredSections = parsed.data.sections.map((s) => ({ ...s, url: new URL(s.url, baseUrl).href }));
  } catch {
    /* not a Cổng Trường site */
  }
  const reading = readSite({ id: domain, baseUrl, levels: opts.levels, pages, sitemapXml, stylesheets, declaredSections });
  // Without any address in the pages, the host is unknown: rules that need it do not apply.
  if (domain === 'localhost') reading.facts.domain = undefined;
  return reading;
}

export async function factsFromSiteFolder(dir: string, opts: SiteFolderOptions): Promise<SiteFacts> {
  return (await readSiteFolder(dir, opts)).facts;
}
