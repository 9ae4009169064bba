/**
 * Issue 19 ("≤ 1 s save-to-online"): the warm renderer renders again only the pages whose inputs
 * changed and takes the others from the school's last save (`src/site/render-tracking.ts`).
 * Differential test: the demo school THCS Lê Lợi goes through a series of edits a school makes
 * (a news title, a body, a new item, a deleted one, a date that reorders the lists, a category,
 * school.yaml, an attachment, a công khai item). After each, the same build runs through a warm
 * renderer that reuses pages and through one that renders every page; every published file
 * must be byte for byte the same. A body-only edit renders the few pages that show the body, a
 * new school name renders them all.
 */
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AstroWorker } from '../../src/pipeline/astro-workers.ts';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { startFinishPool, type FinishPool } from '../../src/pipeline/finish-pool.ts';
import type { RenderedPages } from '../../src/pipeline/warm-protocol.ts';
import { WarmRenderer } from '../../src/pipeline/warm-renderer.ts';
import { filesUnder, tempDir } from '../helpers.ts';

const SCHOOL = 'thcs-le-loi';
const ROOT = path.resolve(import.meta.dirname, '../..');

let dir: string;
let content: string;
let reusing: WarmRenderer;
let fresh: WarmRenderer;
let pool: FinishPool;
const logs: string[] = [];

const school = (...parts: string[]) => path.join(content, 'schools', SCHOOL, ...parts);
async function edit(rel: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(school(rel), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(school(rel), after);
}

/** Builds the school into `out` through `renderer`; returns the published folder and what the job rendered. */
async function build(renderer: WarmRenderer, out: string): Promise<{ site: string; pages: RenderedPages }> {
  let pages: RenderedPages | undefined;
  const worker: AstroWorker = {
    run: async (jobFile) => {
      const result = await renderer.run(jobFile);
      if (result.ok) pages = result.pages;
      return result;
    },
    cancel: () => {},
  };
  const report = await buildSites({
    contentDir: content,
    outDir: out,
    schools: [SCHOOL],
    date: '2026-12-02',
    now: '2026-12-02T09:00',
    renderer: () => worker,
    finishPool: pool,
    log: (l) => logs.push(l),
  });
  const site = report.sites.find((s) => s.id === SCHOOL);
  expect(site?.error).toBeUndefined();
  expect(site?.status).toBe('built');
  expect(pages).toBeDefined();
  return { site: path.join(out, 'sites', site!.domain!), pages: pages! };
}

/**
 * Builds the current content with both renderers and compares every published file; returns
 * the pages the reusing renderer rendered (paths without the school's prefix).
 */
async function buildAndCompare(): Promise<{ rendered: string[]; reused: number; reusedPaths: string[]; total: number }> {
  const a = await build(reusing, path.join(dir, 'reusing'));
  const b = await build(fresh, path.join(dir, 'fresh'));
  expect(b.pages.reused).toBe(0);
  const list = await filesUnder(a.site);
  expect(list).toEqual(await filesUnder(b.site));
  const differing: string[] = [];
  for (const f of list) {
    const [x, y] = await Promise.all([readFile(path.join(a.site, f)), readFile(path.join(b.site, f))]);
    if (!x.equals(y)) differing.push(f);
  }
  expect(differing).toEqual([]);
  expect(a.pages.rendered.length + a.pages.reused).toBe(b.pages.rendered.length);
  const local = (p: string) => p.replace(`/${SCHOOL}`, '');
  return {
    rendered: a.pages.rendered.map(local),
    reused: a.pages.reused,
    reusedPaths: b.pages.rendered.filter((p) => !a.pages.rendered.includes(p)).map(local),
    total: b.pages.rendered.length,
  };
}

beforeAll(async () => {
  dir = await tempDir('congtruong-warm-reuse-');
  content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  // Two compilations of the theme at once would take twice as long on a small machine.
  reusing = new WarmRenderer({ cacheDir: path.join(dir, 'cache-reusing') });
  expect(await reusing.ready).toBe(true);
  fresh = new WarmRenderer({ cacheDir: path.join(dir, 'cache-fresh'), reuse: false });
  expect(await fresh.ready).toBe(true);
  pool = startFinishPool(2);
}, 300_000);

afterAll(async () => {
  reusing?.close();
  fresh?.close();
  await pool?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * The pages that show a news item's body: its own page, its category's feed (whose items
 * `getStaticPaths` computes: the other categories' feeds are equal props), and the endpoints that
 * compute every feed of the school (`schoolFeeds`) to pick one or to list them.
 */
const BODY_SHOWN = (slug: string, category: string) =>
  [
    `/tin-tuc/${slug}/`,
    `/chuyen-muc/${category}/rss.xml`,
    '/rss.xml',
    '/cong-khai/rss.xml',
    '/van-ban/rss.xml',
    '/rss/',
    '/cong-truong.json',
  ].sort();

describe('the warm renderer after edits of a school', () => {
  it('renders every page the first time', async () => {
    const first = await buildAndCompare();
    expect(first.reused).toBe(0);
    expect(first.total).toBeGreaterThan(80);
    expect(logs.some((l) => new RegExp(`^${SCHOOL}: dựng ${first.total} trang, dùng lại 0 trang không đổi$`).test(l))).toBe(true);
  });

  it('renders the item and the feeds, and nothing else, when only a body changes', async () => {
    await edit('news/2026-09-18-hop-cha-me-hoc-sinh-dau-nam.md', (t) =>
      t.replace('tổ chức họp cha mẹ học sinh đầu năm học', 'tổ chức họp cha mẹ học sinh toàn trường đầu năm học'),
    );
    const { rendered, reused, total } = await buildAndCompare();
    // The item's summary, not its body, is what the lists, the home page and the search show.
    expect(rendered).toEqual(BODY_SHOWN('2026-09-18-hop-cha-me-hoc-sinh-dau-nam', 'thong-bao'));
    expect(reused).toBe(total - rendered.length);
    expect(logs.at(-1)).toBeDefined();
    expect(logs.some((l) => l === `${SCHOOL}: dựng ${rendered.length} trang, dùng lại ${reused} trang không đổi`)).toBe(true);
  });

  it('shows a new news title everywhere it appears, and keeps the pages that do not show it', async () => {
    await edit('news/2026-10-12-lich-sinh-hoat-cau-lac-bo.md', (t) =>
      t.replace(/^title: .*$/m, 'title: Lịch sinh hoạt các câu lạc bộ học kì I'),
    );
    const { rendered, reused } = await buildAndCompare();
    expect(rendered).toContain('/tin-tuc/2026-10-12-lich-sinh-hoat-cau-lac-bo/');
    expect(rendered).toContain('/sitemap.xml');
    expect(reused).toBeGreaterThan(0);
  });

  it('adds and removes news items, reorders the lists on a new date, moves an item to another category', async () => {
    await writeFile(
      school('news/2026-11-28-thi-hoc-sinh-gioi-cap-huyen.md'),
      '---\ntitle: Kết quả thi học sinh giỏi cấp huyện\ndate: 2026-11-28\ncategory: tin-tuc\nsummary: Đội tuyển của trường đạt 12 giải.\n---\n\nĐội tuyển học sinh giỏi lớp 9 của trường đạt 12 giải.\n',
    );
    const added = await buildAndCompare();
    expect(added.rendered).toContain('/tin-tuc/2026-11-28-thi-hoc-sinh-gioi-cap-huyen/');

    await rm(school('news/2026-08-27-tap-huan-chuyen-mon-dau-nam-hoc.md'));
    await buildAndCompare();

    await edit('news/2026-09-10-ra-quan-an-toan-giao-thong.md', (t) => t.replace(/^date: .*$/m, 'date: 2026-11-30'));
    await buildAndCompare();

    await edit('news/2026-10-20-ky-niem-ngay-phu-nu-viet-nam.md', (t) => t.replace(/^category: .*$/m, 'category: thong-bao'));
    await buildAndCompare();
  });

  it('follows an attachment added to an item and a changed công khai item', async () => {
    await cp(
      path.join(ROOT, 'content/schools', SCHOOL, 'media/tep/du-thao-quy-tac-ung-xu.pdf'),
      school('media/tep/lich-hop-phu-huynh.pdf'),
    );
    await appendFile(
      school('news/2026-09-18-hop-cha-me-hoc-sinh-dau-nam.md'),
      '\nLịch họp: [tải về (PDF)](media/tep/lich-hop-phu-huynh.pdf).\n',
    );
    const attached = await buildAndCompare();
    expect(attached.rendered).toContain('/tin-tuc/2026-09-18-hop-cha-me-hoc-sinh-dau-nam/');

    await edit('disclosures/2025-2026/co-so-vat-chat.md', (t) => t.replace('sàn xây dựng: 6.860 m²', 'sàn xây dựng: 6.900 m²'));
    const disclosed = await buildAndCompare();
    expect(disclosed.rendered).toContain('/cong-khai/2025-2026/co-so-vat-chat/');
    expect(disclosed.rendered).not.toContain('/tin-tuc/2026-09-18-hop-cha-me-hoc-sinh-dau-nam/');
  });

  it('renders every page that shows the school’s name again when it changes, and the colours', async () => {
    await edit('school.yaml', (t) => t.replace('name: Trường Trung học cơ sở Lê Lợi', 'name: Trường THCS Lê Lợi'));
    const renamed = await buildAndCompare();
    // Every page shows the name but robots.txt, the sitemap's list of addresses and the colours.
    expect(renamed.reusedPaths).toEqual(['/robots.txt', '/sitemap.xml', '/theme.css']);

    await edit('school.yaml', (t) => t.replace('primary: "#14532d"', 'primary: "#1e3a8a"'));
    const recoloured = await buildAndCompare();
    expect(recoloured.rendered).toContain('/theme.css');
  });
});
