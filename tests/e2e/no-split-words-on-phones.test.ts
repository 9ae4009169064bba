/**
 * Issue 18: at 360 px (a cheap Android phone) the công khai table read "C h ư a c ô n g" one
 * letter per line. Every page type of the demo sites and of the `basic` fixture host is opened
 * in a real Chromium at 360 × 740, and no word of its text may be drawn across two lines (web
 * and e-mail addresses may wrap; a line may end after a hyphen). Nothing may scroll sideways
 * either: wide tables become cards or scroll inside their own box.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';
import { serveFolder, type StaticServer } from '../static-server.ts';
import { startDemoSites, type DemoSites } from './demo-sites.ts';
import { findSplitWords } from './split-words.ts';

/** How many pages of one type (same first path segment and depth) are visited per site. */
const PAGES_PER_TYPE = 3;

/**
 * Site paths of the built pages of a site folder, a few of each type: `/cong-khai/2025-2026/`
 * and `/cong-khai/2024-2025/` are one type, `/cong-khai/2025-2026/tai-chinh/` another.
 */
async function pagesByType(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((f) => /(^|\/)index\.html$/.test(f) && !f.startsWith('pagefind') && !f.startsWith('tuan-thu'))
    .sort();
  const perType = new Map<string, number>();
  const picked = ['/404.html'];
  for (const f of files) {
    const segments = f.split('/').slice(0, -1);
    const type = `${segments[0] ?? ''}/${segments.length}`;
    const n = perType.get(type) ?? 0;
    if (n >= PAGES_PER_TYPE) continue;
    perType.set(type, n + 1);
    picked.push(`/${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`);
  }
  return picked;
}

let demo: DemoSites;
let fixtureOut: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  demo = await startDemoSites('congtruong-words-');
  fixtureOut = await tempDir('congtruong-words-fixture-');
  await buildSites({ contentDir: path.join(FIXTURES, 'content', 'basic'), outDir: fixtureOut, cacheDir: path.join(fixtureOut, '.cache') });
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await demo?.close();
  if (fixtureOut) await rm(fixtureOut, { recursive: true, force: true });
});

/** Every split word and sideways scroll of a site's pages at 360 px, as readable lines. */
async function problemsOnPhone(root: string): Promise<{ pages: number; problems: string[] }> {
  const server = await serveFolder(root);
  servers.push(server);
  const page: Page = await demo.browser.newPage({ viewport: { width: 360, height: 740 } });
  const problems: string[] = [];
  const paths = await pagesByType(root);
  try {
    for (const p of paths) {
      await page.goto(server.url + p);
      for (const w of await findSplitWords(page)) problems.push(`${p}: "${w.word}" split in ${w.where}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${p}: the page scrolls sideways by ${overflow} px`);
    }
  } finally {
    await page.close();
  }
  return { pages: paths.length, problems };
}

describe('at 360 px no word is split across two lines', () => {
  it.each(['thcsleloi.songxanh.edu.vn', 'thkimdong.songxanh.edu.vn', 'mnhoasen.songxanh.edu.vn', 'songxanh.edu.vn'])(
    'on every page type of the demo site %s',
    async (domain) => {
      const { pages, problems } = await problemsOnPhone(path.join(demo.out, 'sites', domain));
      expect(pages).toBeGreaterThan(domain === 'songxanh.edu.vn' ? 5 : 30);
      expect(problems).toEqual([]);
    },
  );

  it.each(['alpha.thunghiem.edu.vn', 'beta.thunghiem.edu.vn', 'pgd.thunghiem.edu.vn'])(
    'on every page type of the fixture site %s',
    async (domain) => {
      const { pages, problems } = await problemsOnPhone(path.join(fixtureOut, 'sites', domain));
      expect(pages).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    },
  );

  it('the detector itself finds the letter-per-line table of the old theme', async () => {
    // Guards the test above against passing because it measures nothing.
    const page = await demo.browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await page.setContent(
        '<body style="overflow-wrap:anywhere"><table style="width:100%"><tr><td>Chưa công khai</td><td>x'.padEnd(400, 'x') +
          ' 2026-2027 https://thcsleloi.songxanh.edu.vn/' +
          'a'.repeat(80) +
          '</td></tr></table>',
      );
      const words = (await findSplitWords(page)).map((w) => w.word);
      expect(words).toContain('Chưa');
      expect(words).toContain('công');
      expect(words).not.toContain('2026');
    } finally {
      await page.close();
    }
  });
});
