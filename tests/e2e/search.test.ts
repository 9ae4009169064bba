/**
 * Vietnamese search in a real headless Chromium, on the built demo sites served over HTTP on
 * 127.0.0.1: queries typed without diacritics (đ → d included) find the pages with them,
 * exact queries rank exact matches first, and the host portal searches across schools.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksFor, type ChunkRange } from '../../templates/scripts/index-chunks.ts';
import { cacheControlFor } from '../../src/hosting/nginx.ts';
import { serveFolder, type StaticServer } from '../static-server.ts';
import { SCHOOL_DOMAIN, startDemoSites, type DemoSites } from './demo-sites.ts';

let out: string;
let demo: DemoSites;
let browser: Browser;
let school: StaticServer;
let host: StaticServer;

beforeAll(async () => {
  demo = await startDemoSites('congtruong-search-');
  ({ out, browser, school, host } = demo);
});

afterAll(async () => {
  await demo?.close();
});

interface Hit {
  title: string;
  url: string;
  excerpt: string;
  meta: string;
}

async function search(base: string, q: string): Promise<Hit[]> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent(q)}`);
    await waitForResults(page);
    return await page.$$eval('[data-search-results] li', (lis) =>
      lis.map((li) => ({
        title: li.querySelector('h2')?.textContent ?? '',
        url: li.querySelector('a')?.getAttribute('href') ?? '',
        excerpt: li.querySelector('.excerpt')?.textContent ?? '',
        meta: li.querySelector('.meta')?.textContent ?? '',
      })),
    );
  } finally {
    await page.close();
  }
}

/** Presses "Xem thêm kết quả" and waits until the new results are on the page. */
async function showMore(page: Page): Promise<void> {
  await page.click('[data-search-more]');
  // The button hides while the next results load, and comes back unless all are shown.
  await page.waitForFunction(() => {
    const more = document.querySelector('[data-search-more]') as HTMLButtonElement;
    const status = /^(\d+)/.exec(document.querySelector('[data-search-status]')?.textContent ?? '');
    return !more.hidden || document.querySelectorAll('[data-search-results] li').length === Number(status?.[1]);
  });
}

/** Waits until the status line gives the outcome and the first results are on the page. */
async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    // Results show one by one as they arrive: the list says when the page of results is complete.
    const done = document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false';
    return /Không tìm thấy/.test(s) || (done && /kết quả/.test(s) && document.querySelectorAll('[data-search-results] li').length > 0);
  });
}

const text = (h: Hit) => `${h.title} ${h.excerpt}`.toLowerCase();

/** Main text of a result page, read from the built site. */
async function pageText(h: Hit): Promise<string> {
  const rel = new URL(h.url, school.url).pathname;
  const html = await readFile(path.join(out, 'sites', 'thcsleloi.songxanh.edu.vn', rel, 'index.html'), 'utf8');
  return cheerio.load(html)('main').text().toLowerCase();
}

/** True when one of the first results contains `phrase` with its diacritics. */
async function topResultsContain(hits: Hit[], phrase: string): Promise<boolean> {
  for (const h of hits.slice(0, 5)) if ((await pageText(h)).includes(phrase)) return true;
  return false;
}

describe('Vietnamese search on a school site', () => {
  it('"duong" finds "đường" (đ typed as d)', async () => {
    const hits = await search(school.url, 'duong');
    expect(hits.length).toBeGreaterThan(0);
    expect(await topResultsContain(hits, 'đường')).toBe(true);
    // Excerpts stay in Vietnamese even when the match was in the folded copy of a page.
    for (const h of hits.slice(0, 3)) expect(h.excerpt).toMatch(/[à-ỹđ]/i);
  });

  it('"don xin chuyen truong" finds the form "Đơn xin chuyển trường" first', async () => {
    const hits = await search(school.url, 'don xin chuyen truong');
    expect(hits[0]?.title.toLowerCase()).toContain('đơn xin chuyển trường');
    expect(hits[0]?.url).toMatch(/\/bieu-mau\//);
  });

  it('"dao tao" finds "đào tạo"', async () => {
    const hits = await search(school.url, 'dao tao');
    expect(hits.length).toBeGreaterThan(0);
    expect(await topResultsContain(hits, 'đào tạo')).toBe(true);
  });

  it('"Truong hoc" finds "trường học"', async () => {
    const hits = await search(school.url, 'Truong hoc');
    expect(hits.length).toBeGreaterThan(0);
    expect(await topResultsContain(hits, 'trường học')).toBe(true);
  });

  it('queries with diacritics still work, exact matches first', async () => {
    const hits = await search(school.url, 'đơn xin chuyển trường');
    expect(hits[0]?.title.toLowerCase()).toContain('đơn xin chuyển trường');
    const exact = await search(school.url, 'an toàn giao thông');
    expect(exact.length).toBeGreaterThan(0);
    expect(text(exact[0]!)).toContain('an toàn giao thông');
  });

  it('finds text that only appears inside an attached PDF or DOCX', async () => {
    // The leave-of-absence form's DOCX carries the heading "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    const hits = await search(school.url, 'cong hoa xa hoi chu nghia');
    expect(hits.some((h) => h.url.includes('/bieu-mau/') || h.url.includes('/van-ban/') || h.url.includes('/cong-khai/'))).toBe(true);
  });

  it('finds a news item on its own page, not on the pages that list it under "Tin khác"', async () => {
    // The latest item of its category, hence shown in the related list of the others.
    const hits = await search(school.url, 'huy chuong vang');
    const news = hits.filter((h) => h.url.includes('/tin-tuc/'));
    expect(news.map((h) => h.title)).toEqual(['Đoàn vận động viên đạt 14 huy chương tại Hội khỏe Phù Đổng cấp huyện']);
  });

  it('shows date and category of results', async () => {
    const hits = await search(school.url, 'khai giảng');
    const news = hits.find((h) => h.url.includes('/tin-tuc/'));
    expect(news?.meta).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });
});

describe('district-wide search on the host portal', () => {
  it('returns results from several schools', async () => {
    const hits = await search(host.url, 'khai giang');
    const domains = new Set(hits.map((h) => new URL(h.url, host.url).hostname));
    expect([...domains].filter((d) => d.endsWith('songxanh.edu.vn')).length).toBeGreaterThanOrEqual(2);
  });

  it('offers a school filter that narrows the results to one school', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${host.url}/tim-kiem/?q=${encodeURIComponent('khai giang')}`);
      await page.waitForSelector('select[name="f-Trường"]');
      const options = await page.$$eval('select[name="f-Trường"] option', (os) => os.map((o) => o.textContent));
      expect(options).toEqual(expect.arrayContaining(['Trường Mầm non Hoa Sen', 'Trường Trung học cơ sở Lê Lợi']));
      await page.waitForFunction(() => /kết quả/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      await page.selectOption('select[name="f-Trường"]', 'Trường Trung học cơ sở Lê Lợi');
      await page.waitForFunction(() => {
        const links = [...document.querySelectorAll('[data-search-results] a')].map((a) => a.getAttribute('href') ?? '');
        return links.length > 0 && links.every((h) => h.startsWith('https://thcsleloi.songxanh.edu.vn/'));
      });
    } finally {
      await page.close();
    }
  });
});

describe('the host portal searches its schools through one index, whatever their number (issue 18)', () => {
  it("asks for no school's own index, and links a school's news to a search of that school's site", async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.context().on('request', (r) => asked.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${host.url}/tim-kiem/?q=${encodeURIComponent('khai giang')}`);
      await waitForResults(page);
      // The host's own index and the index of the schools' news: nothing per school.
      expect(asked.filter((p) => p.startsWith('/pagefind-truong/'))).toEqual([]);
      expect(asked.filter((p) => p.startsWith('/pagefind-cac-truong/index/')).length).toBeGreaterThan(0);
      const item = page.locator('[data-search-results] li', { hasText: 'Trường Trung học cơ sở Lê Lợi' }).first();
      const title = item.locator('h2 a');
      expect(await title.getAttribute('href')).toMatch(/^https:\/\/thcsleloi\.songxanh\.edu\.vn\/tin-tuc\//);
      const inSchool = item.locator('p > a');
      expect(await inSchool.textContent()).toBe('Tìm "khai giang" trong trang của Trường Trung học cơ sở Lê Lợi');
      expect(await inSchool.getAttribute('href')).toBe('https://thcsleloi.songxanh.edu.vn/tim-kiem/?q=khai+giang');
    } finally {
      await page.close();
    }
  });
});

describe('what the search page tells a parent (issue 18)', () => {
  it('states how many results it found and for what, and lists exactly that many', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('don xin chuyen truong')}`);
      await waitForResults(page);
      const status = (await page.textContent('[data-search-status]')) ?? '';
      const m = /^(\d+) kết quả cho "don xin chuyen truong"$/.exec(status);
      expect(m, status).not.toBeNull();
      // Every result announced can be reached.
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-search-results] li').length >=
          Math.min(10, Number(/^(\d+)/.exec(document.querySelector('[data-search-status]')?.textContent ?? '')?.[1])),
      );
      while (await page.isVisible('[data-search-more]')) await showMore(page);
      expect(await page.locator('[data-search-results] li').count()).toBe(Number(m![1]));
    } finally {
      await page.close();
    }
  });

  it('says so, with the query, when nothing matches', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('xylophon')}`);
      await waitForResults(page);
      expect(await page.textContent('[data-search-status]')).toBe('Không tìm thấy kết quả cho "xylophon".');
    } finally {
      await page.close();
    }
  });

  it('quotes the matched text in its real diacritics, with the match highlighted, for a query typed without them', async () => {
    const hits = await search(school.url, 'don xin chuyen truong');
    const page = await browser.newPage();
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('don xin chuyen truong')}`);
      await waitForResults(page);
      const first = page.locator('[data-search-results] li').first();
      expect(await first.locator('h2').textContent()).toBe('Đơn xin chuyển trường (trung học cơ sở)');
      const marks = await first.locator('.excerpt mark').allTextContents();
      expect(marks.join(' ').toLowerCase()).toContain('đơn xin chuyển trường');
      // The folded copy of the page that the index holds never shows.
      for (const h of hits) expect(h.excerpt).not.toMatch(/\b(Don xin chuyen truong|chuyen truong|trung hoc co so)\b/i);
    } finally {
      await page.close();
    }
  });

  it('shows more results on demand beyond the first 30', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('hoc sinh')}`);
      await waitForResults(page);
      const total = Number(/^(\d+) kết quả/.exec((await page.textContent('[data-search-status]')) ?? '')?.[1]);
      expect(total).toBeGreaterThan(30);
      const shown = page.locator('[data-search-results] li');
      expect(await shown.count()).toBeLessThan(total);
      await page.waitForSelector('[data-search-more]', { state: 'visible' });
      while ((await shown.count()) <= 30) await showMore(page);
      // Keyboard users land on the first new result.
      expect(await page.evaluate(() => document.activeElement?.closest('li') !== null)).toBe(true);
      while (await page.isVisible('[data-search-more]')) await showMore(page);
      const urls = await shown.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(urls).toHaveLength(total);
      expect(new Set(urls).size).toBe(total);
    } finally {
      await page.close();
    }
  });

  it('keeps the chosen filter in the address, so a reload keeps it', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('hoc sinh')}`);
      await waitForResults(page);
      await page.selectOption('select[name="f-Chuyên mục"]', 'Biểu mẫu');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('f-Chuyên mục') === 'Biểu mẫu');
      await page.reload();
      await waitForResults(page);
      expect(await page.inputValue('select[name="f-Chuyên mục"]')).toBe('Biểu mẫu');
      const urls = await page.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(urls.length).toBeGreaterThan(0);
      for (const u of urls) expect(u).toMatch(/\/bieu-mau\//);
    } finally {
      await page.close();
    }
  });

  it('loads Pagefind on the search page only: its start-up files with the page, the index when the visitor searches', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const pagefind = () => requested.filter((p) => p.startsWith('/pagefind/'));
    try {
      await page.goto(`${school.url}/`, { waitUntil: 'networkidle' });
      expect(pagefind()).toEqual([]);
      await page.goto(`${school.url}/tim-kiem/`, { waitUntil: 'networkidle' });
      // On a slow phone, what Pagefind needs before it can search (script, worker, entry,
      // metadata, WebAssembly) is already there when the visitor starts typing; the index itself
      // is not (a regression here costs round trips before the first results).
      expect(pagefind()).toEqual(
        expect.arrayContaining([
          '/pagefind/pagefind.js',
          '/pagefind/pagefind-worker.js',
          '/pagefind/pagefind-entry.json',
          '/pagefind/wasm.unknown.pagefind',
        ]),
      );
      expect(pagefind().filter((p) => p.endsWith('.pf_meta'))).toHaveLength(1);
      expect(pagefind().filter((p) => /\/(index|fragment)\//.test(p))).toEqual([]);
      await page.fill('[data-search] input[name=q]', 'khai giang');
      await page.press('[data-search] input[name=q]', 'Enter');
      await waitForResults(page);
      expect(pagefind().filter((p) => p.startsWith('/pagefind/index/')).length).toBeGreaterThan(0);
      expect(pagefind().filter((p) => p.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('a search that answers quickly on a slow line (issue 18)', () => {
  it('shows the first result while the summaries of the next ones are still on their way', async () => {
    const context = await browser.newContext();
    try {
      // The summary (Pagefind fragment) of the first result asked for arrives at once; the
      // others are held back for a few seconds, as on a slow line.
      let first = true;
      await context.route('**/pagefind/fragment/**', async (route) => {
        if (first) {
          first = false;
          return route.continue();
        }
        await new Promise((r) => setTimeout(r, 8000));
        await route.continue().catch(() => undefined); // the page may be closed by then
      });
      const page = await context.newPage();
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('hoc sinh')}`);
      await page.waitForSelector('[data-search-results] li', { timeout: 30_000 });
      const shown = await page.locator('[data-search-results] li').count();
      const status = (await page.textContent('[data-search-status]')) ?? '';
      expect(Number(/^(\d+) kết quả/.exec(status)?.[1])).toBeGreaterThan(5);
      expect(shown).toBe(1);
      expect(await page.textContent('[data-search-results] li h2')).not.toBe('');
      // The rest follow, in ranking order, once their summaries arrive.
      await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length === 10, undefined, { timeout: 30_000 });
    } finally {
      await context.close();
    }
  });

  it("asks for Pagefind's files from the page itself, at the addresses its worker uses", async () => {
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname + new URL(r.url()).search));
    try {
      await page.goto(`${school.url}/tim-kiem/?q=${encodeURIComponent('hoc sinh')}`);
      await waitForResults(page);
      const meta = await page.getAttribute('[data-search]', 'data-pagefind-meta');
      expect(meta).toMatch(/^vi_[0-9a-f]+$/);
      // The page's own requests (the worker's come after): Pagefind's script, worker, entry (at
      // the address with the index's hash), metadata and WebAssembly, all from the start.
      expect(asked).toEqual(
        expect.arrayContaining([
          '/pagefind/pagefind.js',
          '/pagefind/pagefind-worker.js',
          `/pagefind/pagefind-entry.json?ts=${meta}`,
          `/pagefind/pagefind.${meta}.pf_meta`,
          '/pagefind/wasm.unknown.pagefind',
        ]),
      );
      // The index chunks holding the query's words, fetched by the page up front, are all that
      // Pagefind needed for the search: its worker asked for no other.
      const chunks = JSON.parse((await page.getAttribute('[data-search]', 'data-pagefind-chunks'))!) as ChunkRange[];
      const predicted = chunksFor('hoc sinh', chunks).map((h) => `/pagefind/index/${h}.pf_index`);
      expect(predicted.length).toBeGreaterThan(0);
      expect([...new Set(asked.filter((p) => p.startsWith('/pagefind/index/')))].sort()).toEqual(predicted.sort());
    } finally {
      await page.close();
    }
  });
});

describe('the search box in the header of every page (issue 18)', () => {
  /** The school served with the cache headers of the nginx configuration; `served` lists what the server sent. */
  async function serveWithCache(served: string[]): Promise<StaticServer> {
    return serveFolder(path.join(out, 'sites', SCHOOL_DOMAIN), { cacheControl: cacheControlFor, log: (p) => served.push(p) });
  }
  const STARTUP = [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind-entry.json',
    '/pagefind/wasm.unknown.pagefind',
  ];

  it('loads no Pagefind file on a page where nobody touches the search box', async () => {
    const served: string[] = [];
    const site = await serveWithCache(served);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
      await page.goto(`${site.url}/tin-tuc/`, { waitUntil: 'networkidle' });
      expect(served.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/tim-kiem/'))).toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  });

  it("gets the search ready when the box is used, so that the search page and Pagefind's worker find its files in the cache", async () => {
    const served: string[] = [];
    const site = await serveWithCache(served);
    const context = await browser.newContext();
    // Every request the page, the search page and Pagefind's worker make (Playwright reports the worker's too).
    const asked: string[] = [];
    context.on('request', (r) => asked.push(new URL(r.url()).pathname));
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
      await page.focus('#site-search-q');
      // Focus alone: Pagefind's start-up files and the search page's script, no index yet.
      await expect.poll(() => STARTUP.filter((f) => served.includes(f)), { timeout: 15_000 }).toEqual(STARTUP);
      await expect.poll(() => served.filter((p) => p.endsWith('.pf_meta')).length, { timeout: 15_000 }).toBe(1);
      expect(served.filter((p) => /\/_astro\/Search\..*\.js$/.test(p))).toHaveLength(1);
      expect(served.filter((p) => p.startsWith('/pagefind/index/'))).toEqual([]);
      // A word ended by a space: its index chunk comes while the next word is typed.
      await page.keyboard.type('hoc ', { delay: 50 });
      await expect.poll(() => served.filter((p) => p.startsWith('/pagefind/index/')).length, { timeout: 15_000 }).toBeGreaterThan(0);
      await page.keyboard.type('sinh', { delay: 50 });
      const beforeEnter = served.length;
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/tim-kiem\/\?q=hoc\+sinh$/);
      await waitForResults(page);
      expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
      // The worker asked for its files, and the server sent each of them once, before Enter:
      // the worker's own requests were answered from the browser's cache.
      for (const f of STARTUP) expect(asked.filter((p) => p === f).length, f).toBeGreaterThan(1);
      const after = served.slice(beforeEnter);
      expect(after.filter((p) => STARTUP.includes(p) || p.endsWith('.pf_meta') || p.startsWith('/_astro/'))).toEqual([]);
      // No file of the index was sent twice.
      const pagefindFiles = served.filter((p) => p.startsWith('/pagefind/'));
      expect(pagefindFiles).toEqual([...new Set(pagefindFiles)]);
    } finally {
      await context.close();
      await site.close();
    }
  });
});
