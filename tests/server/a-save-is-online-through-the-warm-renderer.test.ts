/**
 * Issue 19, item 4: the server keeps the theme compiled in a warm renderer, and a save renders
 * its school there instead of starting Astro. Through the real server on 127.0.0.1 with real
 * git: an edited news item is online (its page, the news list, the feed and the search index
 * show the new title), the warm output is byte for byte what `buildSites` publishes for the same
 * content, and a failing warm renderer falls back to the usual build, saying why in the log.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { filesUnder, tempDir } from '../helpers.ts';
import { api, login, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let alpha: Session;
const logs: string[] = [];
const site = () => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn');

const edit = async (rel: string, title: string) => {
  const file = path.join(host.content, 'schools', 'alpha', rel);
  const raw = (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${title}`);
  return api(base, alpha, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: path.basename(rel, '.md'), path: rel, raw }],
    assets: [],
    options: { commitMessage: `Update News “${path.basename(rel, '.md')}”` },
  });
};

/** The search index's record of one page: Pagefind fragments are gzipped JSON after a signature. */
async function searchRecord(siteDir: string, url: string): Promise<{ content: string; meta: { title?: string } } | undefined> {
  const dir = path.join(siteDir, 'pagefind', 'fragment');
  for (const name of await readdir(dir)) {
    const text = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
    const record = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; meta: { title?: string } };
    if (record.url === url) return record;
  }
  return undefined;
}

beforeAll(async () => {
  host = await startTestHost('2026-12-02T09:00', undefined, { log: (line) => logs.push(line) });
  base = host.server.url;
  alpha = (await login(base, 'gv.alpha')).session!;
  expect(await host.server.publisher.warmReady()).toBe(true);
}, 300_000);

afterAll(async () => {
  await host?.close();
});

describe('a save rendered by the warm renderer', () => {
  it('puts the new title online: the item, the news list, the feed and the search index', async () => {
    // The newest item of alpha (16/11/2026): first in the news list and in the feed.
    const res = await edit('news/tin-so-11.md', 'Hội khỏe Phù Đổng cấp trường năm học 2026–2027');
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(logs.find((l) => l.startsWith('save alpha gv.alpha'))).toContain('bộ dựng nóng');
    const page = await readFile(path.join(site(), 'tin-tuc', 'tin-so-11', 'index.html'), 'utf8');
    expect(page).toContain('<title>Hội khỏe Phù Đổng cấp trường năm học 2026–2027');
    expect(page).not.toContain('Tin số 11 về hoạt động của trường');
    const list = await readFile(path.join(site(), 'tin-tuc', 'index.html'), 'utf8');
    expect(list).toContain('Hội khỏe Phù Đổng cấp trường năm học 2026–2027');
    const feed = await readFile(path.join(site(), 'rss.xml'), 'utf8');
    expect(feed).toContain('<title>Hội khỏe Phù Đổng cấp trường năm học 2026–2027</title>');
    const record = await searchRecord(site(), '/tin-tuc/tin-so-11/');
    expect(record?.meta.title).toContain('Hội khỏe Phù Đổng cấp trường năm học 2026–2027');
    // The compressed copies nginx serves are those of the new page.
    const gz = gunzipSync(await readFile(path.join(site(), 'tin-tuc', 'index.html.gz'))).toString('utf8');
    expect(gz).toBe(list);
  });

  it('publishes byte for byte what the usual build publishes for the same content', async () => {
    const res = await edit('news/tin-so-8.md', 'Ngày hội đọc sách của học sinh khối 6');
    expect(res.status).toBe(200);
    expect(logs.filter((l) => l.startsWith('save alpha gv.alpha')).at(-1)).toContain('bộ dựng nóng');
    const out = await tempDir('congtruong-cold-');
    const report = await buildSites({
      contentDir: host.content,
      outDir: out,
      schools: ['alpha'],
      date: '2026-12-02',
      now: '2026-12-02T09:00',
    });
    expect(report.sites.find((s) => s.id === 'alpha')?.status).toBe('built');
    const cold = path.join(out, 'sites', 'alpha.thunghiem.edu.vn');
    const warmFiles = await filesUnder(site());
    expect(warmFiles).toEqual(await filesUnder(cold));
    expect(warmFiles.length).toBeGreaterThan(100);
    const differing: string[] = [];
    for (const f of warmFiles) {
      const [a, b] = await Promise.all([readFile(path.join(site(), f)), readFile(path.join(cold, f))]);
      if (!a.equals(b)) differing.push(f);
    }
    expect(differing).toEqual([]);
  }, 120_000);

  it('falls back to the usual build when the warm renderer fails, and says why in the log', async () => {
    process.env.CONGTRUONG_TEST_FAIL_WARM = 'alpha';
    try {
      const res = await edit('news/tin-so-5.md', 'Tuyên dương học sinh giỏi cấp huyện');
      expect(res.status).toBe(200);
      expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
      expect(logs.some((l) => l.includes('Bộ dựng nóng lỗi ở alpha') && l.includes('Simulated warm render failure of alpha'))).toBe(true);
      expect(logs.filter((l) => l.startsWith('save alpha gv.alpha')).at(-1)).toContain('Astro khởi động mới');
      const page = await readFile(path.join(site(), 'tin-tuc', 'tin-so-5', 'index.html'), 'utf8');
      expect(page).toContain('Tuyên dương học sinh giỏi cấp huyện');
    } finally {
      delete process.env.CONGTRUONG_TEST_FAIL_WARM;
    }
    // The renderer still works for the next save.
    const next = await edit('news/tin-so-5.md', 'Tuyên dương học sinh giỏi cấp tỉnh');
    expect(next.status).toBe(200);
    expect(logs.filter((l) => l.startsWith('save alpha gv.alpha')).at(-1)).toContain('bộ dựng nóng');
    expect(await readFile(path.join(site(), 'tin-tuc', 'tin-so-5', 'index.html'), 'utf8')).toContain('Tuyên dương học sinh giỏi cấp tỉnh');
  }, 120_000);
});
