/**
 * Scheduled publication: a news item dated later than the build's clock is not published —
 * no page, no feed item, no sitemap entry, no attachment — and the build says when it falls
 * due. The first build after that time publishes it, although no file changed; the build after
 * that has nothing to do.
 */
import { copyFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

let base: string;
let content: string;
let out: string;
const SITE = 'beta.thunghiem.edu.vn';
const site = (...p: string[]) => path.join(out, 'sites', SITE, ...p);
const read = (...p: string[]) => readFile(site(...p), 'utf8');
/** Every file of the published site, relative to its root. */
async function allFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) found.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return found;
}

beforeAll(async () => {
  base = await tempDir('congtruong-scheduled-');
  content = path.join(base, 'content');
  out = path.join(base, 'dist');
  await mkdir(content);
  await cp(path.join(FIXTURES, 'content', 'basic', 'host.yaml'), path.join(content, 'host.yaml'));
  await cp(path.join(FIXTURES, 'content', 'basic', 'schools', 'beta'), path.join(content, 'schools', 'beta'), { recursive: true });
  await mkdir(path.join(content, 'schools', 'beta', 'media', 'tep'), { recursive: true });
  await copyFile(
    path.join(FIXTURES, 'content', 'basic', 'schools', 'alpha', 'media', 'tep', 'ke-hoach.pdf'),
    path.join(content, 'schools', 'beta', 'media', 'tep', 'lich-thi-hoc-ky-1.pdf'),
  );
  await writeFile(
    path.join(content, 'schools', 'beta', 'news', 'lich-thi-hoc-ky-1.md'),
    '---\ntitle: Lịch kiểm tra cuối học kỳ I\ndate: 2026-12-20 07:00\ncategory: thong-bao\n---\n\nXem [lịch kiểm tra](media/tep/lich-thi-hoc-ky-1.pdf).\n',
  );
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe('scheduled publication', () => {
  it('leaves an entry dated later out of every output and says when it falls due', async () => {
    const report = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-02', now: '2026-12-02T10:00' });
    expect(report.sites.find((s) => s.id === 'beta')?.status).toBe('built');
    expect(report.nextScheduled).toBe('2026-12-20T07:00');
    expect(await read('index.html')).toContain('Chào mừng ngày Nhà giáo Việt Nam 20/11');
    // Pages, feeds, sitemaps, the search index's text and the manifest: nothing names it.
    const texts = (await allFiles(site())).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    expect(texts).toEqual(expect.arrayContaining(['index.html', 'rss.xml']));
    expect(texts.some((f) => f.startsWith('sitemap'))).toBe(true);
    for (const f of texts) {
      const text = await read(f);
      expect(text, f).not.toContain('Lịch kiểm tra cuối học kỳ I');
      expect(text, f).not.toContain('lich-thi-hoc-ky-1');
    }
    expect((await allFiles(site())).filter((f) => f.includes('lich-thi-hoc-ky-1'))).toEqual([]);
  });

  it('an hour before its time the build has nothing to do; at its time it is published without any file changed', async () => {
    const early = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-20', now: '2026-12-20T06:00' });
    expect(early.sites.find((s) => s.id === 'beta')?.status).toBe('unchanged');
    const due = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-20', now: '2026-12-20T07:00' });
    expect(due.sites.find((s) => s.id === 'beta')?.status).toBe('built');
    expect(due.nextScheduled).toBeUndefined();
    expect(await read('index.html')).toContain('Lịch kiểm tra cuối học kỳ I');
    expect(await read('rss.xml')).toContain('Lịch kiểm tra cuối học kỳ I');
    expect((await allFiles(site())).some((f) => f.endsWith('lich-thi-hoc-ky-1.pdf'))).toBe(true);
    const after = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-20', now: '2026-12-20T09:00' });
    expect(after.sites.find((s) => s.id === 'beta')?.status).toBe('unchanged');
  });

  it('a day later nothing is rebuilt, but the school is checked again: deadlines pass without any file changing', async () => {
    await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-20', now: '2026-12-20T10:00' });
    // What the state remembers of yesterday's check must not be shown today.
    const stateFile = path.join(out, '.state.json');
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as { sites: Record<string, { compliance: unknown; checkedOn: string }> };
    expect(state.sites.beta!.checkedOn).toBe('2026-12-20');
    state.sites.beta!.compliance = { errors: 99, warnings: 99 };
    await writeFile(stateFile, JSON.stringify(state));
    const next = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-21', now: '2026-12-21T10:00' });
    const beta = next.sites.find((s) => s.id === 'beta')!;
    expect(beta.status).toBe('unchanged');
    expect(beta.compliance).not.toEqual({ errors: 99, warnings: 99 });
    expect(beta.compliance!.errors).toBeGreaterThan(0);
    // The same day again answers from the state alone, with that day's result.
    const again = await buildSites({ contentDir: content, outDir: out, schools: ['beta'], date: '2026-12-21', now: '2026-12-21T11:00' });
    expect(again.sites.find((s) => s.id === 'beta')!.compliance).toEqual(beta.compliance);
    expect(again.timings.load).toBe(0);
  });
});
