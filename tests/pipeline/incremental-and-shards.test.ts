/**
 * Incremental builds (only changed schools are rebuilt, the host whenever anything changed) and
 * deterministic shards (every school in exactly one shard).
 */
import { appendFile, cp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSites, type BuildReport } from '../../src/pipeline/build-sites.ts';
import { shardOf } from '../../src/pipeline/fingerprint.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

let content: string;
let out: string;
const statusOf = (r: BuildReport) => Object.fromEntries(r.sites.map((s) => [s.id, s.status]));

beforeAll(async () => {
  const base = await tempDir('congtruong-incremental-');
  content = path.join(base, 'content');
  out = path.join(base, 'dist');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
  const first = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
  expect(statusOf(first)).toMatchObject({ alpha: 'built', beta: 'built', host: 'built' });
});

describe('incremental builds', () => {
  it('skips every school and the host when nothing changed', async () => {
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(statusOf(r)).toEqual({ alpha: 'unchanged', beta: 'unchanged', broken: 'invalid', host: 'unchanged' });
  });

  it('rebuilds only the school whose news changed, and the host portal', async () => {
    const news = path.join(content, 'schools', 'beta', 'news', 'chao-mung.md');
    await appendFile(news, '\nCác em tặng hoa và thiếp chúc mừng thầy cô.\n');
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(statusOf(r)).toEqual({ alpha: 'unchanged', beta: 'built', broken: 'invalid', host: 'built' });
    const html = await readFile(path.join(out, 'sites', 'beta.thunghiem.edu.vn', 'tin-tuc', 'chao-mung', 'index.html'), 'utf8');
    expect(html).toContain('Các em tặng hoa và thiếp chúc mừng thầy cô.');
    // The unchanged school was not loaded again, yet the host still lists it, with its news,
    // compliance status and search index (from the build cache).
    const hostDir = path.join(out, 'sites', 'pgd.thunghiem.edu.vn');
    const home = await readFile(path.join(hostDir, 'index.html'), 'utf8');
    expect(home).toContain('Trường Trung học cơ sở Alpha');
    expect(home).toContain('Trường Tiểu học Beta');
    expect(await readFile(path.join(hostDir, 'tuan-thu', 'index.html'), 'utf8')).toContain('alpha');
    expect((await readdir(path.join(hostDir, 'pagefind-truong'))).sort()).toEqual(['alpha', 'beta']);
    expect(r.sites.find((s) => s.id === 'alpha')?.compliance).toBeDefined();
  });

  it('reuses the compressed copies of unchanged pages and compresses changed ones again', async () => {
    const site = path.join(out, 'sites', 'beta.thunghiem.edu.vn');
    const unchanged = path.join(site, 'lien-he', 'index.html');
    const edited = path.join(site, 'tin-tuc', 'chao-mung', 'index.html');
    const before = { unchanged: await stat(`${unchanged}.br`), edited: await stat(`${edited}.br`) };
    await appendFile(path.join(content, 'schools', 'beta', 'news', 'chao-mung.md'), '\nBuổi lễ kết thúc lúc 10 giờ.\n');
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(statusOf(r).beta).toBe('built');
    // Same bytes as published: the very same compressed file (a hard link), not a new one.
    expect((await stat(`${unchanged}.br`)).ino).toBe(before.unchanged.ino);
    expect((await stat(`${edited}.br`)).ino).not.toBe(before.edited.ino);
    for (const file of [unchanged, edited]) {
      const html = await readFile(file);
      expect(gunzipSync(await readFile(`${file}.gz`)).equals(html)).toBe(true);
      expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(html)).toBe(true);
    }
    expect(await readFile(edited, 'utf8')).toContain('Buổi lễ kết thúc lúc 10 giờ.');
  });

  it('checks unchanged schools again on a new day, from their cached facts', async () => {
    const summary = path.join(path.dirname(out), '.cache', 'congtruong', 'schools', 'alpha.json');
    const checkedOn = async () => (JSON.parse(await readFile(summary, 'utf8')) as { check?: { date: string } }).check?.date;
    expect(await checkedOn()).toBe('2026-11-23');
    await appendFile(path.join(content, 'schools', 'beta', 'news', 'chao-mung.md'), '\nẢnh buổi lễ sẽ được đăng sau.\n');
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-24' });
    expect(statusOf(r)).toMatchObject({ alpha: 'unchanged', beta: 'built', host: 'built' });
    expect(await checkedOn()).toBe('2026-11-24');
    const alpha = r.sites.find((s) => s.id === 'alpha')!;
    expect(alpha.compliance).toBeDefined();
    // Without its cached facts the school is simply loaded again.
    await rm(path.join(path.dirname(summary), 'alpha.facts.json'));
    await appendFile(path.join(content, 'schools', 'beta', 'news', 'chao-mung.md'), '\nCảm ơn quý phụ huynh.\n');
    const again = await buildSites({ contentDir: content, outDir: out, date: '2026-11-25' });
    expect(statusOf(again)).toMatchObject({ alpha: 'unchanged', beta: 'built' });
    expect(again.sites.find((s) => s.id === 'alpha')!.compliance).toEqual(alpha.compliance);
    expect(await checkedOn()).toBe('2026-11-25');
  });

  it('notices an edit whatever the file times say', async () => {
    // Same size, same modification time: the change time and content still differ.
    const file = path.join(content, 'schools', 'alpha', 'school.yaml');
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Alpha', 'Alfa!'));
    await utimes(file, before.atime, before.mtime);
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(statusOf(r).alpha).toBe('built');
    await writeFile(file, text);
  });

  it('refuses a changed school that takes the domain of an unchanged one', async () => {
    await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    const yaml = path.join(content, 'schools', 'beta', 'school.yaml');
    const text = await readFile(yaml, 'utf8');
    await writeFile(yaml, text.replace('domain: beta.thunghiem.edu.vn', 'domain: alpha.thunghiem.edu.vn'));
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(statusOf(r)).toMatchObject({ alpha: 'unchanged', beta: 'invalid' });
    expect(r.issues.some((i) => i.name === 'domainOwned' && i.file.includes('beta'))).toBe(true);
    await writeFile(yaml, text);
  });

  it('rebuilds everything with --force', async () => {
    const r = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23', force: true });
    expect(statusOf(r)).toEqual({ alpha: 'built', beta: 'built', broken: 'invalid', host: 'built' });
  });
});

describe('shards', () => {
  it('put every school in exactly one shard, the same one every time', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `truong-${i}`);
    for (const n of [1, 2, 3, 7]) {
      const counts = new Array(n).fill(0);
      for (const id of ids) {
        const s = shardOf(id, n);
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(n);
        expect(shardOf(id, n)).toBe(s);
        counts[s - 1]++;
      }
      expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
      // Roughly balanced.
      for (const c of counts) expect(c).toBeGreaterThan(ids.length / n / 2);
    }
  });

  it('build disjoint sets of schools that together cover all, without the host', async () => {
    const built: string[] = [];
    for (const index of [1, 2]) {
      const r = await buildSites({
        contentDir: content,
        outDir: path.join(out, `shard-${index}`),
        date: '2026-11-23',
        shard: { index, count: 2 },
      });
      expect(r.sites.some((s) => s.id === 'host')).toBe(false);
      built.push(...r.sites.filter((s) => s.status === 'built').map((s) => s.id));
    }
    expect(built.sort()).toEqual(['alpha', 'beta']);

    // The CI merge step: the shards' sites in one folder, then the host portal alone on top.
    const merged = path.join(out, 'merged');
    for (const index of [1, 2]) {
      const sites = path.join(out, `shard-${index}`, 'sites');
      // A shard may have no school at all with two schools in the fixture.
      if (await stat(sites).catch(() => null)) await cp(sites, path.join(merged, 'sites'), { recursive: true });
    }
    const host = await buildSites({ contentDir: content, outDir: merged, date: '2026-11-23', hostOnly: true });
    expect(statusOf(host)).toEqual({ broken: 'invalid', host: 'built' });
    const hostDir = path.join(merged, 'sites', 'pgd.thunghiem.edu.vn');
    const home = await readFile(path.join(hostDir, 'index.html'), 'utf8');
    expect(home).toContain('Trường Trung học cơ sở Alpha');
    expect(home).toContain('Trường Tiểu học Beta');
    // The district search reaches both schools' indexes through the links.
    for (const id of ['alpha', 'beta']) await stat(path.join(hostDir, 'pagefind-truong', id, 'pagefind-entry.json'));
  });
});
