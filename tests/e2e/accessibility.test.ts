/**
 * Every page type of a demo school and of the host portal, in a real headless Chromium at
 * 360 px and 1280 px: axe-core reports no WCAG 2.1 A/AA violation and nothing scrolls
 * horizontally on a phone. Standard: WCAG 2.1 AA (TT 26/2020/TT-BTTTT, TT 32/2017 Điều 18).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../static-server.ts';
import { ROOT, startDemoSites, type DemoSites } from './demo-sites.ts';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const SCHOOL_PAGES = [
  '/',
  '/tin-tuc/',
  '/tin-tuc/trang/2/',
  '/tin-tuc/2026-09-10-ra-quan-an-toan-giao-thong/',
  '/chuyen-muc/thong-bao/',
  '/gioi-thieu/',
  '/gioi-thieu/co-cau-to-chuc/',
  '/lien-he/',
  '/van-ban/',
  '/van-ban/118-qd-thcsll-thanh-lap-ban-bien-tap/',
  '/bieu-mau/',
  '/bieu-mau/don-de-nghi-phuc-khao/',
  '/cong-khai/',
  '/cong-khai/2025-2026/',
  '/cong-khai/2025-2026/co-so-vat-chat/',
  '/tuyen-sinh/',
  '/tuyen-sinh/ke-hoach-tuyen-sinh-lop-6-2026-2027/',
  '/lay-y-kien/',
  '/lay-y-kien/gop-y-du-thao-quy-tac-ung-xu/',
  '/lich/',
  '/lich/lich-cong-tac-tuan-2026-11-23/',
  '/thu-vien-anh/',
  '/thu-vien-anh/chao-mung-ngay-nha-giao-2026/',
  '/so-do-cong/',
  '/rss/',
  '/tim-kiem/?q=khai%20gi%E1%BA%A3ng',
  '/khong-co-trang-nay/',
];
const HOST_PAGES = ['/', '/tin-tuc/', '/van-ban/', '/tim-kiem/?q=khai%20giang', '/so-do-cong/', '/rss/'];

let demo: DemoSites;
let browser: Browser;
let out: string;
let school: StaticServer;
let host: StaticServer;

beforeAll(async () => {
  demo = await startDemoSites('congtruong-a11y-');
  ({ out, browser, school, host } = demo);
});

afterAll(async () => {
  await demo?.close();
});

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function audit(base: string, pagePath: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  try {
    await page.goto(base + pagePath);
    if (pagePath.startsWith('/tim-kiem/')) {
      await page.waitForFunction(() => /kết quả|Không tìm thấy/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    }
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(
      async (tags) =>
        (
          await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
            runOnly: { type: 'tag', values: tags },
          })
        ).violations,
      TAGS,
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    return { violations: violations as Violation[], overflow };
  } finally {
    await page.close();
  }
}

const summary = (v: Violation[]) => v.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);

describe.each([360, 1280])('at %i px wide', (width) => {
  it.each(SCHOOL_PAGES)(`school page %s has no axe violation${width === 360 ? ' and no horizontal scroll' : ''}`, async (p) => {
    const { violations, overflow } = await audit(school.url, p, width);
    expect(summary(violations)).toEqual([]);
    if (width === 360) expect(overflow).toBeLessThanOrEqual(0);
  });
  it.each(HOST_PAGES)('host page %s has no axe violation', async (p) => {
    const { violations, overflow } = await audit(host.url, p, width);
    expect(summary(violations)).toEqual([]);
    if (width === 360) expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('HTML validity of the demo sites', () => {
  it('every built page of every demo site passes html-validate', async () => {
    const { HtmlValidate, FileSystemConfigLoader } = await import('html-validate');
    const { walk } = await import('../../src/util/walk.ts');
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = (await walk(path.join(out, 'sites'))).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const file of pages) {
      const res = await validator.validateString(await readFile(file, 'utf8'), path.join(ROOT, 'page.html'));
      for (const r of res.results)
        for (const m of r.messages) failures.push(`${path.relative(out, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
