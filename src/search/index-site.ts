/**
 * Builds the Pagefind index of one assembled site.
 *
 * Pagefind folds tone marks but not `đ`/`Đ` (no Unicode decomposition), so a parent typing
 * "don xin chuyen truong" would miss "đơn xin chuyển trường". Each page is therefore indexed
 * with an extra, lower-weighted copy of its text folded like the search box folds queries
 * (`foldDiacritics`), plus the text of the PDF/DOCX files it links. The published HTML is not
 * changed: the index is fed from memory (`addHTMLFile`).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import * as pagefind from 'pagefind';
import { walk } from '../build/assemble.ts';
import { foldDiacritics } from '../util/slug.ts';
import { attachmentText } from './attachment-text.ts';

export interface IndexResult {
  pages: number;
  seconds: number;
  /** Size of the written index on disk. */
  bytes: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function assertOk(res: { errors: string[] }, what: string): void {
  if (res.errors.length > 0) throw new Error(`Pagefind ${what}: ${res.errors.join('; ')}`);
}

/** Indexes `siteDir` into `siteDir/pagefind/`; `base` is the site's path prefix (`/` or `/<id>/`). */
export async function indexSite(siteDir: string, cacheDir: string, base = '/'): Promise<IndexResult> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  const sent: Promise<void>[] = [];
  try {
    const files = (await walk(siteDir)).filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}pagefind${path.sep}`));
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      // Only the page's <main> is indexed (data-pagefind-body, filters and meta all live there):
      // parsing and sending just that fragment halves the work of a province-wide build.
      const start = html.indexOf('<main');
      const end = html.lastIndexOf('</main>');
      if (start < 0 || end < start) continue;
      const main = html.slice(start, end + '</main>'.length);
      if (!main.includes('data-pagefind-body')) continue;
      // htmlparser2 is several times faster than the default parse5 and enough for our own pages.
      const $ = cheerio.load(main, { xml: { xmlMode: false, decodeEntities: true } }, false);
      const body = $('[data-pagefind-body]').first();
      const extra: string[] = [];
      const attachments: string[] = [];
      for (const a of body.find('a[href^="/"]').toArray()) {
        const raw = $(a).attr('href')!.split(/[?#]/)[0]!;
        if (!raw.startsWith(base)) continue;
        // The file's path inside the site folder, without the site's path prefix.
        const href = `/${raw.slice(base.length)}`;
        if (!/\.(pdf|docx)$/i.test(href)) continue;
        const text = await attachmentText(path.join(siteDir, href), path.join(cacheDir, 'attachment-text'));
        if (text) attachments.push(text);
      }
      const text = `${body.text()} ${attachments.join(' ')}`.replace(/\s+/g, ' ').trim();
      if (attachments.length > 0) extra.push(`<div data-pagefind-weight="0.6">${escapeHtml(attachments.join(' '))}</div>`);
      const folded = foldDiacritics(text);
      if (folded !== text) extra.push(`<div data-pagefind-weight="0.5">${escapeHtml(folded)}</div>`);
      body.append(extra.join(''));
      const rel = path.relative(siteDir, file).split(path.sep).join('/');
      const url = `${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const doc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${$.html()}</body></html>`;
      // Not awaited here: the next page is parsed while Pagefind indexes this one, in its own
      // process. Pages are still sent in a stable order, so the index is reproducible.
      sent.push(index.addHTMLFile({ url, content: doc }).then((res) => assertOk(res, `indexing ${url}`)));
      pages++;
    }
    await Promise.all(sent);
    // The files come back in memory and are written by Node rather than by Pagefind: a write
    // error (a full disk) then fails this site with a clear error, where the Pagefind process
    // would panic and leave its caller waiting forever.
    const res = await index.getFiles();
    assertOk(res, 'writing the index');
    const outDir = path.join(siteDir, 'pagefind');
    for (const f of res.files) {
      const target = path.join(outDir, f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
  } finally {
    // A failed page rejects `sent`; the others are awaited before the index goes away.
    await Promise.allSettled(sent);
    await index.deleteIndex();
  }
  const written = await walk(path.join(siteDir, 'pagefind'));
  const sizes = await Promise.all(written.map((f) => stat(f).then((s) => s.size)));
  return { pages, seconds: (performance.now() - started) / 1000, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/**
 * Starts the Pagefind service (and loads this module) before the first site needs it: called
 * while Astro renders, its start-up then stays off a small rebuild's critical path.
 */
export async function warmUpSearchIndexer(): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  await index?.deleteIndex();
}

/** Stops the Pagefind service process (call once at the end of a build). */
export async function closeSearchIndexer(): Promise<void> {
  await pagefind.close();
}
