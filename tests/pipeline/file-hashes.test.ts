/**
 * Content fingerprints of a province's files: many files (a first build) are read on a worker
 * thread, a few on the caller's; either way the hash covers names and contents, and an edit is
 * seen whatever the cache remembers.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileHashes } from '../../src/pipeline/fingerprint.ts';
import { PACKAGE_ROOT } from '../../src/util/package-root.ts';
import { tempDir } from '../helpers.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The documented contract: every file's path and content hash, in path order. */
function expected(files: [string, string][]): string {
  const h = createHash('sha256');
  for (const [f, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(path.relative(PACKAGE_ROOT, f)).update('\0').update(sha(text)).update('\n');
  }
  return h.digest('hex');
}

async function makeSchool(count: number): Promise<{ dir: string; files: [string, string][] }> {
  const dir = await tempDir('congtruong-hashes-');
  await mkdir(path.join(dir, 'news'), { recursive: true });
  const files: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, 'news', `tin-${String(i).padStart(4, '0')}.md`);
    const text = `---\ntitle: Tin số ${i}\n---\nNội dung ${i}.\n`;
    await writeFile(file, text);
    files.push([file, text]);
  }
  return { dir, files };
}

describe('FileHashes', () => {
  it('hashes a first build of many files on a worker thread, names and contents', async () => {
    const { dir, files } = await makeSchool(1200);
    const cache = path.join(dir, '..', 'hashes.json');
    const first = await FileHashes.open(cache);
    const [hash] = await first.hashGroups([[dir]]);
    expect(hash).toBe(expected(files));
    await first.save();

    // From the cache (nothing read), then after an edit (one file read, on this thread).
    expect((await (await FileHashes.open(cache)).hashGroups([[dir]]))[0]).toBe(hash);
    await writeFile(files[7]![0], 'đã sửa\n');
    files[7]![1] = 'đã sửa\n';
    const [edited] = await (await FileHashes.open(cache)).hashGroups([[dir]]);
    expect(edited).not.toBe(hash);
    expect(edited).toBe(expected(files));
  });

  it('hashes a few files on the calling thread the same way', async () => {
    const { dir, files } = await makeSchool(5);
    expect((await new FileHashes().hashGroups([[dir], [path.join(dir, 'khong-co')]]))[0]).toBe(expected(files));
  });
});
