/**
 * Issue 18: the host's compliance dashboard (`/tuan-thu/`) must serve hundreds of schools. It
 * shows one summary row per school (errors, warnings, next deadline, commune or ward), worst
 * first; filters and sorting work in Chromium; each school has a page in plain Vietnamese; the
 * schools × rules matrix stays as a detail view; a host can keep the dashboard off its portal.
 */
import { appendFile, cp, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';
import { startDemoSites, type DemoSites } from './demo-sites.ts';

let demo: DemoSites;
let page: Page;

beforeAll(async () => {
  demo = await startDemoSites('congtruong-dashboard-');
  page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await page?.close();
  await demo?.close();
});

/** The summary rows as a reader sees them, visible ones only. */
const rows = () =>
  page.$$eval('.summary tbody tr', (trs) =>
    trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')),
  );

describe('the compliance dashboard of the demo host', () => {
  it('has one summary row per school, schools with errors first, with the next deadline', async () => {
    await page.goto(`${demo.host.url}/tuan-thu/`);
    const all = await rows();
    expect(all.map((r) => r[0]).sort()).toEqual(['Trường Mầm non Hoa Sen', 'Trường Tiểu học Kim Đồng', 'Trường Trung học cơ sở Lê Lợi']);
    // Columns: school, level, commune, errors, warnings, next deadline, status.
    for (const r of all) {
      expect(r[2]).toBe('thị trấn Sông Xanh');
      expect(r[5]).toMatch(/^trước \d{2}\/\d{2}\/\d{4}: \S/);
      expect(r[6]).toBe(Number(r[3]) > 0 ? 'Có lỗi' : Number(r[4]) > 0 ? 'Có cảnh báo' : 'Đạt');
    }
    const order = all.map((r) => (Number(r[3]) > 0 ? 0 : Number(r[4]) > 0 ? 1 : 2));
    expect(order).toEqual([...order].sort());
    // Checked on Monday 23/11/2026: a mầm non school's next duty is next month's plan, before
    // the 25th (TT 09/2024 Điều 15 khoản 1 điểm a); a THCS serving no meals has 30/6 (công khai).
    const mn = all.find((r) => r[0] === 'Trường Mầm non Hoa Sen')!;
    expect(mn[5]).toBe('trước 25/11/2026: kế hoạch giáo dục tháng sau');
  });

  it('filters by level and by status', async () => {
    await page.goto(`${demo.host.url}/tuan-thu/`);
    await page.selectOption('select[name=level]', 'mn');
    expect((await rows()).map((r) => r[0])).toEqual(['Trường Mầm non Hoa Sen']);
    expect(await page.textContent('.filters output')).toBe('1 / 3 trường');
    await page.selectOption('select[name=level]', '');
    const statuses = (await rows()).map((r) => r[6]);
    await page.selectOption('select[name=status]', 'error');
    const withErrors = await rows();
    expect(withErrors.length).toBe(statuses.filter((s) => s === 'Có lỗi').length);
    for (const r of withErrors) expect(r[6]).toBe('Có lỗi');
  });

  it('sorts by a column when its header is pressed', async () => {
    await page.goto(`${demo.host.url}/tuan-thu/`);
    await page.click('th button[data-sort=errors]');
    const up = (await rows()).map((r) => Number(r[3]));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute('th:has(button[data-sort=errors])', 'aria-sort')).toBe('ascending');
    await page.click('th button[data-sort=name]');
    const names = (await rows()).map((r) => r[0] ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
  });

  it('gives each school a page that says what to fix, how and on which basis, in Vietnamese', async () => {
    await page.goto(`${demo.host.url}/tuan-thu/`);
    await page.click('.summary a:has-text("Trường Mầm non Hoa Sen")');
    await page.waitForURL(/mn-hoa-sen\.html$/);
    expect(await page.textContent('h1')).toBe('Trường Mầm non Hoa Sen');
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(['Cần sửa', 'Đã đạt']);
    const finding = page.locator('.finding').first();
    expect(['Lỗi', 'Cảnh báo', 'Gợi ý']).toContain(await finding.locator('h3 span').textContent());
    expect(await finding.textContent()).toMatch(/Cách khắc phục: .+Căn cứ: .*TT-BGDĐT/s);
    // Errors come before warnings.
    const severities = await page.locator('.finding h3 span').allTextContents();
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['Lỗi', 'Cảnh báo', 'Gợi ý'].indexOf(a) - ['Lỗi', 'Cảnh báo', 'Gợi ý'].indexOf(b)),
    );
  });

  it('keeps the schools × rules matrix as a detail view', async () => {
    const $ = cheerio.load(await readFile(path.join(demo.out, 'sites', 'songxanh.edu.vn', 'tuan-thu', 'ma-tran.html'), 'utf8'));
    const heads = $('thead th')
      .map((_, th) => $(th).text())
      .get();
    expect(heads).toEqual(expect.arrayContaining(['Trường', 'CK-008', 'SEC-003']));
    expect($('tbody tr').length).toBe(3);
    const index = cheerio.load(await readFile(path.join(demo.out, 'sites', 'songxanh.edu.vn', 'tuan-thu', 'index.html'), 'utf8'));
    expect(index('a[href="ma-tran.html"]').length).toBe(1);
  });
});

describe('a host that keeps its dashboard internal (compliance.publicDashboard: false)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('congtruong-private-dashboard-');
    await cp(path.join(FIXTURES, 'content', 'basic'), path.join(dir, 'content'), { recursive: true });
    await appendFile(path.join(dir, 'content', 'host.yaml'), 'compliance:\n  publicDashboard: false\n');
    await buildSites({
      contentDir: path.join(dir, 'content'),
      outDir: path.join(dir, 'out'),
      cacheDir: path.join(dir, 'cache'),
    });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('publishes no /tuan-thu/ and no link to it, but still shows each school status', async () => {
    const portal = path.join(dir, 'out', 'sites', 'pgd.thunghiem.edu.vn');
    expect(await stat(path.join(portal, 'tuan-thu')).catch(() => null)).toBeNull();
    const $ = cheerio.load(await readFile(path.join(portal, 'index.html'), 'utf8'));
    expect($('a[href^="/tuan-thu/"]').length).toBe(0);
    expect($('tbody td[data-label="Tuân thủ"]').first().text().trim()).toMatch(/^\d+ lỗi, \d+ cảnh báo$/);
  });
});
