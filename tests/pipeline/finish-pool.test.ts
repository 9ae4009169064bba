/**
 * The pool of threads that indexes and precompresses assembled sites: results come back from
 * the threads, and so do error codes (the build explains ENOSPC to the host administrator).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startFinishPool } from '../../src/pipeline/finish-pool.ts';
import { tempDir } from '../helpers.ts';

const pool = startFinishPool(2);
afterAll(() => pool.close());

const page = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><main id="main" data-pagefind-body>` +
  `<h1>${title}</h1><p>${body}</p></main></body></html>`;

describe('finishing pool', () => {
  it('indexes and precompresses a site on its threads', async () => {
    const site = await tempDir('congtruong-pool-');
    await mkdir(path.join(site, 'tin-tuc', 'don-xin'), { recursive: true });
    const html = page('Đơn xin chuyển trường', 'Mẫu đơn dành cho cha mẹ học sinh. '.repeat(40));
    await writeFile(path.join(site, 'tin-tuc', 'don-xin', 'index.html'), html);
    await writeFile(path.join(site, 'index.html'), page('Trang chủ', 'Chào mừng quý phụ huynh. '.repeat(40)));

    const indexed = await pool.index(site, path.join(site, '..', 'cache'), '/');
    expect(indexed.pages).toBe(2);
    expect(indexed.bytes).toBeGreaterThan(0);
    expect(await readdir(path.join(site, 'pagefind'))).toContain('pagefind.js');

    expect(await pool.compress(site)).toBeGreaterThanOrEqual(2);
    const gz = await readFile(path.join(site, 'tin-tuc', 'don-xin', 'index.html.gz'));
    expect(gunzipSync(gz).toString('utf8')).toBe(html);
  });

  it('rejects with the error code of the thread', async () => {
    const missing = path.join(await tempDir('congtruong-pool-'), 'khong-co');
    await expect(pool.compress(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
