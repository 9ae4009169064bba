/**
 * Writes `.gz` and `.br` next to every text file of a site (brotli quality 5: quality 11 made
 * a full build four times slower for a few percent less), so that nginx (`gzip_static`, and
 * `brotli_static` where the module exists) serves them without compressing on each request.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walk } from '../build/assemble.ts';
import { mapLimit } from '../util/concurrency.ts';

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

async function compressFile(file: string): Promise<boolean> {
  const data = await readFile(file);
  if (data.length < MIN_BYTES) return false;
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 6 }),
    brotliAsync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  ]);
  await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
  return true;
}

export async function precompressSite(dir: string, skip: (file: string) => boolean = () => false): Promise<number> {
  const files = (await walk(dir)).filter((f) => COMPRESSIBLE.test(f) && !skip(f));
  return (await mapLimit(files, CONCURRENCY, compressFile)).filter(Boolean).length;
}
