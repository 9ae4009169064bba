/**
 * Finish stage, per site: ONE pass over an assembled site. Each file is listed once and read
 * once, then handed on in memory: rebased for a path prefix (path mode), indexed for search
 * (HTML pages), precompressed (text files); the search index Pagefind returns is written and
 * compressed from memory too. Before, the site was walked and every page re-read four times
 * (page count, rebase, index, compress).
 *
 * Every page is sent to Pagefind before anything is compressed, and the index is asked for at
 * once: Pagefind indexes and builds in its own process (the other core) while this thread
 * compresses, and the index arrives when the compression is done. Compressing page by page
 * between sends, as before, left Pagefind's build (the largest part of a save's finishing time)
 * to run alone afterwards.
 *
 * Runs on a finishing thread (`finish-thread.ts`): all of it is synchronous file I/O, string
 * work and zlib.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compressFile, isCompressible } from '../hosting/precompress.ts';
import { needsIndexValues, openSiteIndex, type IndexResult } from '../search/index-site.ts';
import { rebaseCss, rebaseHtml } from './rebase.ts';

export interface FinishSiteInput {
  /** The assembled site (staged, not yet published). */
  dir: string;
  /** The build's cache folder (text of attachments for the search index). */
  cacheDir: string;
  /** Path prefix of the site: `/` at the root of a domain, `/<id>/` in path mode. */
  base: string;
  /** Files under folders of this name are left uncompressed (the host's links to school indexes). */
  skipDir?: string | undefined;
  /** The published version of the site, whose compressed copies are reused for unchanged files. */
  previous?: string | undefined;
}

export interface FinishSiteResult {
  /** HTML pages of the site. */
  pages: number;
  index: IndexResult;
  /** Files compressed (or whose compressed copies were reused). */
  compressed: number;
  /** Seconds spent in each step, for the build's timings. */
  seconds: { index: number; compress: number };
}

export async function finishSite(input: FinishSiteInput): Promise<FinishSiteResult> {
  const { dir, base } = input;
  const rebase = base !== '/';
  const skipped = (rel: string) => input.skipDir !== undefined && `${path.sep}${rel}`.includes(`${path.sep}${input.skipDir}${path.sep}`);
  const previousOf = (rel: string) => input.previous && path.join(input.previous, rel);
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const seconds = { index: 0, compress: 0 };
  const time = async <T>(step: keyof typeof seconds, task: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await task();
    } finally {
      seconds[step] += (performance.now() - t0) / 1000;
    }
  };
  let pages = 0;
  let compressed = 0;
  /** Search pages: written and compressed once the index's metadata hash and chunks are known. */
  const waiting: { file: string; rel: string; text: string; compressible: boolean }[] = [];
  /** The other text files, compressed while Pagefind builds the index. */
  const later: { file: string; rel: string; data: Buffer }[] = [];
  const index = await openSiteIndex(dir, input.cacheDir, base);
  try {
    for (const file of files) {
      const rel = path.relative(dir, file);
      const html = file.endsWith('.html');
      const css = file.endsWith('.css');
      const compressible = isCompressible(file) && !skipped(rel);
      if (!html && !(css && rebase) && !compressible) continue;
      let data = readFileSync(file);
      let text: string | undefined;
      if (rebase && (html || css)) {
        // Path mode: the root-relative links of the theme get the school's `/<id>/` prefix.
        text = data.toString('utf8');
        text = html ? rebaseHtml(text, base) : rebaseCss(text, base);
        data = Buffer.from(text, 'utf8');
        writeFileSync(file, data);
      }
      if (html) {
        pages++;
        if (!rel.split(path.sep).includes('pagefind')) {
          const page = text ?? data.toString('utf8');
          await time('index', () => index.addPage(file, page));
          if (needsIndexValues(page)) {
            waiting.push({ file, rel, text: page, compressible });
            continue;
          }
        }
      }
      if (compressible) later.push({ file, rel, data });
    }
    // Asked for now, answered once Pagefind has every page and has built the index.
    const writing = index.write();
    writing.catch(() => {}); // awaited below, after the compression
    for (const c of later) {
      if (await time('compress', () => compressFile(c.file, c.data, c.rel, previousOf(c.rel)))) compressed++;
      // Lets the pages still queued for Pagefind go out, and its answer come in, between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The time the index adds to the compression it ran beside.
    const written = await time('index', () => writing);
    for (const w of waiting) {
      const data = Buffer.from(written.fillPage(w.text), 'utf8');
      writeFileSync(w.file, data);
      if (w.compressible && (await time('compress', () => compressFile(w.file, data, w.rel, previousOf(w.rel))))) compressed++;
    }
    for (const f of written.files) {
      const rel = path.join('pagefind', f.path);
      if (!isCompressible(f.path) || skipped(rel)) continue;
      const data = Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength);
      if (await time('compress', () => compressFile(path.join(dir, rel), data, rel, previousOf(rel)))) compressed++;
    }
    return { pages, index: written.result, compressed, seconds };
  } finally {
    await index.close();
  }
}
