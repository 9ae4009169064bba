/**
 * Writes `.gz` and `.br` next to every text file of a site (brotli quality 5: quality 11 made
 * a full build four times slower for a few percent less), so that nginx (`gzip_static`, and
 * `brotli_static` where the module exists) serves them without compressing on each request.
 *
 * Synchronous on purpose: a site's text files are small (a few KB each) and compress in well
 * under a millisecond, while a promise round trip through libuv's thread pool for every read,
 * write and zlib call cost three times the compression itself on a province build. It also
 * keeps compression to one core, leaving the other to the Astro render that runs beside it.
 */
import { createHash } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg)$/;
/** Smaller files gain nothing worth a second file. */
const MIN_BYTES = 512;

/**
 * Folders whose files are the same in every site of a build (Pagefind's 500 KB runtime, the
 * theme's hashed assets): compressed once per build (and thread), by content.
 */
const SHARED = new RegExp(`(^|\\${path.sep})(pagefind|_astro)\\${path.sep}`);
const sharedCompressed = new Map<string, { gz: Buffer; br: Buffer }>();

function compress(data: Buffer): { gz: Buffer; br: Buffer } {
  return {
    gz: gzipSync(data, { level: 6 }),
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  };
}

/**
 * Reuses the compressed copies of the published version of `file` when its content is the same:
 * after one news item is edited, most pages of the school are byte-identical, and linking their
 * `.gz`/`.br` costs a fraction of compressing them again. Published files are never written in
 * place, so sharing their inodes is safe.
 */
function reusePrevious(file: string, data: Buffer, previous: string): boolean {
  let old: Buffer;
  try {
    old = readFileSync(previous);
  } catch {
    return false;
  }
  if (!old.equals(data)) return false;
  try {
    for (const ext of ['.gz', '.br']) linkSync(`${previous}${ext}`, `${file}${ext}`);
    return true;
  } catch {
    // No compressed copy there (or another file system): compress after all.
    for (const ext of ['.gz', '.br']) rmSync(`${file}${ext}`, { force: true });
    return false;
  }
}

/** Whether a file of this name gets compressed copies (a text format). */
export const isCompressible = (name: string): boolean => COMPRESSIBLE.test(name);

/**
 * Writes `file.gz` and `file.br` from `data`, the file's content already in memory; `rel` is its
 * path inside the site (shared folders are compressed once per build) and `previous` the path of
 * the published version, whose compressed copies are reused when the content is the same.
 * Returns whether the file counts as compressed (small files are left alone).
 */
export function compressFile(file: string, data: Buffer, rel: string, previous?: string): boolean {
  if (data.length < MIN_BYTES) return false;
  if (previous && reusePrevious(file, data, previous)) return true;
  let out: { gz: Buffer; br: Buffer };
  if (SHARED.test(rel)) {
    const key = createHash('sha256').update(data).digest('hex');
    out = sharedCompressed.get(key) ?? compress(data);
    sharedCompressed.set(key, out);
  } else {
    out = compress(data);
  }
  writeFileSync(`${file}.gz`, out.gz);
  writeFileSync(`${file}.br`, out.br);
  return true;
}

/**
 * Writes `.gz` and `.br` next to the text files of `dir`, except those `skip` names. `previous`
 * is the folder of the published version of the same site, whose compressed files are reused
 * where the content did not change. Returns the number of files compressed or reused.
 */
export async function precompressSite(dir: string, skip: (file: string) => boolean = () => false, previous?: string): Promise<number> {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !skip(f));
  let count = 0;
  for (const file of files) {
    const rel = path.relative(dir, file);
    if (compressFile(file, readFileSync(file), rel, previous && path.join(previous, rel))) count++;
  }
  return count;
}
