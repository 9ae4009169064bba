/**
 * A build that runs out of disk space keeps every published site exactly as it was, reports a
 * clear "disk full" reason per site, leaves no staging files behind, and the next build after
 * space is freed publishes normally. The output lives on a small tmpfs, so this needs root to
 * mount it (CI runs as root); elsewhere the test fails and says so (never skipped in silence).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walk } from '../../src/util/walk.ts';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const base = await tempDir('congtruong-full-disk-');
const mnt = path.join(base, 'small-disk');
await mkdir(mnt);
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mnt], { stdio: 'ignore' });
  mounted = true;
} catch {
  // Not root, or no mount permission in this sandbox.
}

afterAll(() => {
  if (mounted) execFileSync('umount', [mnt]);
});

/** A hash of every file's path and content under `dir`. */
async function treeHash(dir: string): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await walk(dir)).sort()) {
    // The host links the schools' search indexes: a link is its target.
    const content = (await lstat(f)).isSymbolicLink() ? await readlink(f) : await readFile(f);
    h.update(path.relative(dir, f)).update(content);
  }
  return h.digest('hex');
}

const usedKb = () => Number(execFileSync('df', ['--output=used', '-k', mnt]).toString().split('\n')[1]);

describe('a build on a full disk', () => {
  it('keeps the published sites intact and says the disk is full', { timeout: 120_000 }, async () => {
    expect(mounted, 'mounting a 64 MB tmpfs needs root: run the tests as root (as CI does)').toBe(true);
    const content = path.join(base, 'content');
    const out = path.join(mnt, 'dist');
    const cache = path.join(base, 'cache');
    await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
    const first = await buildSites({ contentDir: content, outDir: out, cacheDir: cache, date: '2026-11-23' });
    expect(first.sites.filter((s) => s.status === 'built').map((s) => s.id)).toEqual(['alpha', 'beta', 'host']);
    const sites = path.join(out, 'sites');
    const before = new Map<string, string>();
    for (const d of await readdir(sites)) before.set(d, await treeHash(path.join(sites, d)));

    // Shrink the disk to what is used plus a little: a forced rebuild cannot stage new copies.
    execFileSync('mount', ['-o', `remount,size=${usedKb() + 256}k`, mnt]);
    const full = await buildSites({ contentDir: content, outDir: out, cacheDir: cache, date: '2026-11-23', force: true });
    expect(full.ok).toBe(false);
    const failed = full.sites.filter((s) => s.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const s of failed) {
      expect(s.keptPrevious).toBe(true);
      expect(s.error).toContain('Hết dung lượng ổ đĩa');
    }
    // Every published site is byte for byte what it was; nothing half-written is left around.
    expect(new Set(await readdir(sites))).toEqual(new Set(before.keys()));
    for (const [d, hash] of before) expect(await treeHash(path.join(sites, d)), d).toBe(hash);
    expect(await readdir(out)).not.toContain('.staging');

    // Space freed: the next build publishes every site again.
    execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
    const again = await buildSites({ contentDir: content, outDir: out, cacheDir: cache, date: '2026-11-23', force: true });
    expect(again.sites.filter((s) => s.status === 'built').map((s) => s.id)).toEqual(['alpha', 'beta', 'host']);
  });
});
