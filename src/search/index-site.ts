/**
 * Builds the Pagefind index of one assembled site.
 *
 * Pagefind folds tone marks but not `đ`/`Đ` (no Unicode decomposition), so a parent typing
 * "don xin chuyen truong" would miss "đơn xin chuyển trường". Each page is therefore indexed
 * with an extra, lower-weighted copy of its text folded like the search box folds queries
 * (`foldDiacritics`), plus the text of the PDF/DOCX files it links. The published HTML is not
 * changed: the index is fed from memory (`addHTMLFile`).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { foldDiacritics } from '../util/slug.ts';
import { attachmentText } from './attachment-text.ts';
import { indexChunks } from './pagefind-meta.ts';
import { CHUNKS_PLACEHOLDER, META_HASH_PLACEHOLDER } from './paths.ts';

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

/** Elements that cannot have content, hence no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const IGNORED = /<([a-zA-Z][\w-]*)(?=[\s>/])[^>]*?\sdata-pagefind-ignore(?=[\s=>/])[^>]*>/g;

/**
 * `html` without the elements marked `data-pagefind-ignore` (a news item's related items, print
 * and share links). Pagefind skips them anyway; removed here, they are neither sent to it nor
 * copied into the folded text. Our pages are Astro's well-formed output, so an element ends at
 * the end tag that balances its start tag.
 */
export function withoutIgnored(html: string): string {
  let out = '';
  let from = 0;
  for (const m of html.matchAll(IGNORED)) {
    if (m.index < from) continue; // inside an element already removed
    const name = m[1]!.toLowerCase();
    let end = m.index + m[0].length;
    if (!VOID.has(name) && !m[0].endsWith('/>')) {
      // The name ends at a space, `>` or `/`: `<p-x>` is another element than `<p>`.
      const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi');
      tags.lastIndex = end;
      let depth = 1;
      while (depth > 0) {
        const t = tags.exec(html);
        if (!t) {
          end = html.length; // unbalanced: the rest goes
          break;
        }
        depth += t[1] ? -1 : 1;
        end = t.index + t[0].length;
      }
    }
    out += html.slice(from, m.index);
    from = end;
  }
  return out + html.slice(from);
}

/** Links to a site's own PDF and DOCX files (our pages quote attributes with `"`). */
const ATTACHMENT_LINK = /<a\s[^>]*?href="(\/[^"?#]*\.(?:pdf|docx))(?:[?#][^"]*)?"/gi;

/** One site's search index being fed page by page (`openSiteIndex`). */
export interface SiteIndex {
  /** Indexes one page of the site from its text (`file` is its path inside `siteDir`). */
  addPage(file: string, html: string): Promise<void>;
  /**
   * Waits for every page, writes the index into `siteDir/pagefind/` and returns its files
   * (already written), for the caller to compress without reading them back.
   */
  write(): Promise<{ files: { path: string; content: Uint8Array }[]; result: IndexResult; fillPage: (html: string) => string }>;
  /** Frees Pagefind's index (always call it, also after a failure). */
  close(): Promise<void>;
}

/**
 * Opens the Pagefind index of `siteDir`; `base` is the site's path prefix (`/` or `/<id>/`).
 * Pages are handed in by the caller, which reads each file once for every finishing step
 * (`src/pipeline/finish-site.ts`).
 *
 * Our own pages need no HTML parser: the searchable part is the page's `<main data-pagefind-body>`
 * (filters and meta live in it), sent to Pagefind as it is, with the extra text appended inside
 * it. Text for the folded copy is the fragment without its tags; it stays entity-escaped, which
 * folding leaves alone, so it is inserted as is. The index is written synchronously: the
 * orchestrator has nothing else to do meanwhile, and a promise per file cost more CPU than the
 * indexing itself on a province build.
 */
export async function openSiteIndex(siteDir: string, cacheDir: string, base = '/'): Promise<SiteIndex> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let pages = 0;
  const sent: Promise<void>[] = [];
  // A file linked from several pages (list, detail, sitemap) is read once.
  const attachments = new Map<string, Promise<string>>();
  const textOf = (href: string) => {
    let text = attachments.get(href);
    if (!text) {
      text = attachmentText(path.join(siteDir, href), path.join(cacheDir, 'attachment-text')).catch(() => '');
      attachments.set(href, text);
    }
    return text;
  };
  return {
    async addPage(file, html) {
      const start = html.indexOf('<main');
      const end = html.lastIndexOf('</main>');
      if (start < 0 || end < start) return;
      const open = html.slice(start, html.indexOf('>', start) + 1);
      if (!open.includes('data-pagefind-body')) return;
      const main = withoutIgnored(html.slice(start, end));
      const linked = new Set<string>();
      for (const m of main.matchAll(ATTACHMENT_LINK)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        // The file's path inside the site folder, without the site's path prefix.
        if (raw.startsWith(base)) linked.add(`/${raw.slice(base.length)}`);
      }
      const attached = (await Promise.all([...linked].map(textOf))).filter(Boolean).join(' ');
      const text = main
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const extra: string[] = [];
      if (attached) extra.push(`<div data-pagefind-weight="0.6">${escapeHtml(attached)}</div>`);
      const folded = foldDiacritics(`${text} ${attached ? escapeHtml(attached) : ''}`.trim());
      if (folded !== text) extra.push(`<div data-pagefind-weight="0.5">${folded}</div>`);
      const rel = path.relative(siteDir, file).split(path.sep).join('/');
      const url = `${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const doc = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${main}${extra.join('')}</main></body></html>`;
      // Not awaited here: the next page is prepared while Pagefind indexes this one, in its own
      // process. Pages are still sent in a stable order, so the index is reproducible.
      sent.push(index.addHTMLFile({ url, content: doc }).then((res) => assertOk(res, `indexing ${url}`)));
      pages++;
    },
    async write() {
      await Promise.all(sent);
      // The files come back in memory and are written by Node rather than by Pagefind: a write
      // error (a full disk) then fails this site with a clear error, where the Pagefind process
      // would panic and leave its caller waiting forever.
      const res = await index.getFiles();
      assertOk(res, 'writing the index');
      const outDir = path.join(siteDir, 'pagefind');
      const dirs = new Set<string>();
      let bytes = 0;
      for (const f of res.files) {
        const target = path.join(outDir, f.path);
        const dir = path.dirname(target);
        if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
        dirs.add(dir);
        writeFileSync(target, f.content);
        bytes += f.content.byteLength;
      }
      const hash = metaHash(res.files);
      const meta = hash === undefined ? undefined : res.files.find((f) => f.path === `pagefind.${hash}.pf_meta`);
      const chunks = meta ? indexChunks(meta.content).map((c) => [c.from, c.to, c.hash]) : [];
      // In an attribute: quotes and ampersands escaped (a word of the index may hold any character).
      const chunkList = JSON.stringify(chunks).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      return {
        files: res.files,
        result: { pages, seconds: (performance.now() - started) / 1000, bytes },
        fillPage: (html: string) => html.replaceAll(META_HASH_PLACEHOLDER, hash ?? '').replaceAll(CHUNKS_PLACEHOLDER, chunkList),
      };
    },
    async close() {
      // A failed page rejects `sent`; the others are awaited before the index goes away.
      await Promise.allSettled(sent);
      await index.deleteIndex();
    },
  };
}

/** Indexes `siteDir` into `siteDir/pagefind/` (every page under it, read from disk). */
export async function indexSite(siteDir: string, cacheDir: string, base = '/'): Promise<IndexResult> {
  const index = await openSiteIndex(siteDir, cacheDir, base);
  try {
    const files = readdirSync(siteDir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.split(path.sep).includes('pagefind'))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    /** Search pages, which name the index's metadata hash and chunks once they are known. */
    const waiting: { file: string; html: string }[] = [];
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      if (needsIndexValues(html)) waiting.push({ file, html });
      await index.addPage(file, html);
    }
    const written = await index.write();
    for (const w of waiting) writeFileSync(w.file, written.fillPage(w.html));
    return written.result;
  } finally {
    await index.close();
  }
}

/** The page names the index's metadata hash or chunks (the search page): filled in after `write`. */
export function needsIndexValues(html: string): boolean {
  return html.includes(META_HASH_PLACEHOLDER) || html.includes(CHUNKS_PLACEHOLDER);
}

/**
 * The hash that names the site's Pagefind metadata (`pagefind.<hash>.pf_meta`), read from the
 * entry file Pagefind wrote. It changes whenever the index does. None when the site has no page
 * to index (a host portal whose schools are all held back): the search page then names no hash.
 */
function metaHash(files: { path: string; content: Uint8Array }[]): string | undefined {
  const entry = files.find((f) => f.path === 'pagefind-entry.json');
  const languages = entry
    ? (JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages?: Record<string, { hash?: string }> }).languages
    : undefined;
  const hash = languages?.['vi']?.hash ?? Object.values(languages ?? {})[0]?.hash;
  if (hash === undefined) return undefined;
  if (!/^[\w-]+$/.test(hash)) throw new Error(`Pagefind wrote an unexpected metadata hash in pagefind-entry.json: ${JSON.stringify(hash)}`);
  return hash;
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
