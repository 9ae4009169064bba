/**
 * Writes `.gz` and `.br` next to every text file of a site (brotli quality 5: quality 11 made
 * a full build four times slower for a few percent less), so that nginx (`gzip_static`, and
 * `brotli_static` where the module exists) serves them without compressing on each request.
 */
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walk } from '../build/assemble.ts';
import { limiter, mapLimit } from '../util/concurrency.ts';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg)$/;
/** Smaller files gain nothing worth a second file. */
const MIN_BYTES = 512;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/**
 * Files compressed at once (two zlib calls each, on libuv's thread pool, off the main thread).
 * Kept low on purpose: during a full build compression runs beside the Astro render, which is
 * the critical path; more concurrent compression only slowed the render down (measured).
 */
const CONCURRENCY = 2;

/**
 * Reuses the compressed copies of the published version of `file` when its content is the same:
 * after one news item is edited, most pages of the school (and every Pagefind fragment, named by
 * its hash) are byte-identical, and linking their `.gz`/`.br` costs a fraction of compressing
 * them again. Published files are never written in place, so sharing their inodes is safe.
 */
async function reusePrevious(file: string, data: Buffer, previous: string): Promise<boolean> {
  const old = await readFile(previous).catch(() => null);
  if (!old || !old.equals(data)) return false;
  try {
    await Promise.all(['.gz', '.br'].map((ext) => link(`${previous}${ext}`, `${file}${ext}`)));
    return true;
  } catch {
    // No compressed copy there (or another file system): compress after all.
    await Promise.all(['.gz', '.br'].map((ext) => rm(`${file}${ext}`, { force: true })));
    return false;
  }
}

/**
 * Writes `.gz` and `.br` next to the text files of `dir`, except those `skip` names. `previous`
 * is the folder of the published version of the same site, whose compressed files are reused
 * where the content did not change.
 */
export async function precompressSite(dir: string, skip: (file: string) => boolean = () => false, previous?: string): Promise<number> {
  const files = (await walk(dir)).filter((f) => COMPRESSIBLE.test(f) && !skip(f));
  const zlibSlots = limiter(CONCURRENCY);
  const compressFile = async (file: string): Promise<boolean> => {
    const data = await readFile(file);
    if (data.length < MIN_BYTES) return false;
    if (previous && (await reusePrevious(file, data, path.join(previous, path.relative(dir, file))))) return true;
    const [gz, br] = await zlibSlots(() =>
      Promise.all([
        gzipAsync(data, { level: 6 }),
        brotliAsync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      ]),
    );
    await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
    return true;
  };
  // Reading and comparing is cheap I/O: more files are in flight than compressions.
  return (await mapLimit(files, 4 * CONCURRENCY, compressFile)).filter(Boolean).length;
}
