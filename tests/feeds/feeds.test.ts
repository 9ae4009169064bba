/**
 * Every feed of the demo sites, read by a real feed reader (Python feedparser): valid, dated in
 * +0700, absolute links, Vietnamese intact; plus escaping and công khai updates.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { walk } from '../../src/util/walk.ts';
import { loadContent } from '../../src/content/load.ts';
import { disclosureItems } from '../../src/feeds/school-feeds.ts';
import { feedResponse } from '../../templates/lib/feeds.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
interface Entry {
  title: string;
  link: string;
  id: string;
  published: string;
  published_utc: number[] | null;
  content: string | null;
  tags: string[];
  enclosures: { href: string; type: string; length: string }[];
}
interface Parsed {
  bozo: number;
  bozo_exception: string;
  title: string;
  language: string;
  link: string;
  entries: Entry[];
}

function feedparser(files: string[]): Record<string, Parsed> {
  const r = spawnSync('/usr/bin/python3', [path.join(import.meta.dirname, 'parse-feed.py'), ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`feedparser failed (install Debian python3-feedparser): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, Parsed>;
}

let out: string;
let feeds: Record<string, Parsed>;
const site = (domain: string, p = '') => path.join(out, 'sites', domain, p);
const S = 'thcsleloi.songxanh.edu.vn';

beforeAll(async () => {
  out = await tempDir('congtruong-feeds-');
  const report = await buildSites({ contentDir: path.join(ROOT, 'content'), outDir: out, date: '2026-11-23' });
  expect(report.sites.every((s) => s.status === 'built')).toBe(true);
  const files = (await walk(path.join(out, 'sites'))).filter((f) => f.endsWith('rss.xml'));
  feeds = feedparser(files);
});

describe('feeds of the demo sites', () => {
  it('exist per school: all news, each category, văn bản and công khai, plus the host aggregate', () => {
    const names = Object.keys(feeds).map((f) => path.relative(path.join(out, 'sites'), f));
    for (const f of ['rss.xml', 'van-ban/rss.xml', 'cong-khai/rss.xml', 'chuyen-muc/thong-bao/rss.xml'])
      expect(names).toContain(`${S}/${f}`);
    expect(names).toContain('songxanh.edu.vn/rss.xml');
    expect(names.length).toBeGreaterThanOrEqual(3 * 5 + 1);
  });

  it('all parse without errors, in Vietnamese, with absolute links and RFC 822 dates in +0700', () => {
    for (const [file, f] of Object.entries(feeds)) {
      expect(f.bozo, `${file}: ${f.bozo_exception}`).toBe(0);
      expect(f.language).toBe('vi');
      expect(f.entries.length, file).toBeGreaterThan(0);
      for (const e of f.entries) {
        expect(e.link).toMatch(/^https:\/\/[a-z.]+\.edu\.vn\//);
        expect(e.published).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:00 \+0700$/);
        expect(e.published_utc).not.toBeNull();
        if (e.content) expect(e.content).not.toMatch(/(href|src)="\/(?!\/)/);
      }
    }
  });

  it('keep titles, dates and Vietnamese text intact', async () => {
    const f = feeds[site(S, 'rss.xml')]!;
    const md = await readFile(path.join(ROOT, 'content/schools/thcs-le-loi/news/2026-11-22-hoi-khoe-phu-dong-cap-huyen.md'), 'utf8');
    const title = /^title: (.*)$/m.exec(md)![1]!;
    const entry = f.entries.find((e) => e.link.endsWith('/tin-tuc/2026-11-22-hoi-khoe-phu-dong-cap-huyen/'))!;
    expect(entry.title).toBe(title);
    // 2026-11-22 00:00 in Vietnam is 2026-11-21 17:00 UTC.
    expect(entry.published_utc).toEqual([2026, 11, 21, 17, 0, 0]);
    expect(entry.id).toBe(entry.link);
    // Newest first.
    const times = f.entries.map((e) => e.published_utc!.join('-'));
    expect([...times].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))).toEqual(times);
  });

  it('carry the same content as the article page', async () => {
    const entry = feeds[site(S, 'rss.xml')]!.entries[0]!;
    const $ = cheerio.load(await readFile(site(S, `${new URL(entry.link).pathname}index.html`), 'utf8'));
    const pageText = $('.prose').text().replace(/\s+/g, ' ').trim();
    const feedText = cheerio.load(entry.content!).text().replace(/\s+/g, ' ').trim();
    expect(feedText).toBe(pageText);
  });

  it('give văn bản items their file as an enclosure', () => {
    const e = feeds[site(S, 'van-ban/rss.xml')]!.entries[0]!;
    expect(e.enclosures[0]).toMatchObject({ type: 'application/pdf' });
    expect(e.enclosures[0]!.href).toMatch(/^https:\/\/thcsleloi\.songxanh\.edu\.vn\/media\/tep\/.+\.pdf$/);
  });

  it('aggregate all schools on the host, newest first, without duplicates', () => {
    const f = feeds[site('songxanh.edu.vn', 'rss.xml')]!;
    const hosts = new Set(f.entries.map((e) => new URL(e.link).hostname));
    expect([...hosts].sort()).toEqual([
      'mnhoasen.songxanh.edu.vn',
      'songxanh.edu.vn',
      'thcsleloi.songxanh.edu.vn',
      'thkimdong.songxanh.edu.vn',
    ]);
    expect(new Set(f.entries.map((e) => e.id)).size).toBe(f.entries.length);
  });

  it('are linked from every page with rel=alternate, and listed on the RSS page', async () => {
    for (const p of ['index.html', 'van-ban/index.html', 'cong-khai/index.html', 'chuyen-muc/thong-bao/index.html']) {
      const $ = cheerio.load(await readFile(site(S, p), 'utf8'));
      const hrefs = $('link[rel=alternate][type="application/rss+xml"]')
        .map((_, l) => $(l).attr('href'))
        .get();
      expect(hrefs, p).toContain('/rss.xml');
    }
    const $cat = cheerio.load(await readFile(site(S, 'chuyen-muc/thong-bao/index.html'), 'utf8'));
    expect($cat('link[href="/chuyen-muc/thong-bao/rss.xml"]').length).toBe(1);
    const $rss = cheerio.load(await readFile(site(S, 'rss/index.html'), 'utf8'));
    expect($rss('a[href="/cong-khai/rss.xml"]').length).toBe(1);
  });

  it('show the host notices and văn bản on every school site, linked back to the host', async () => {
    const $ = cheerio.load(await readFile(site(S, 'index.html'), 'utf8'));
    // On the home page, a block of the notices column.
    const section = $('.from-host');
    expect(section.find('h2, h3').text().trim()).toBe('Thông báo từ Phòng Giáo dục và Đào tạo huyện Sông Xanh');
    expect(section.find('a').first().attr('href')).toMatch(/^https:\/\/songxanh\.edu\.vn\/tin-tuc\//);
    const $vb = cheerio.load(await readFile(site('mnhoasen.songxanh.edu.vn', 'van-ban/index.html'), 'utf8'));
    expect($vb('.from-host h2').text().trim()).toBe('Văn bản từ Phòng Giáo dục và Đào tạo huyện Sông Xanh');
  });
});

describe('feed details', () => {
  it('escapes XML special characters and keeps them for the reader', async () => {
    const title = 'Thông báo <khẩn> về "Hội thi" & giải thưởng \'Đội\'';
    const res = await feedResponse(
      {
        path: '/rss.xml',
        title: 'Trường A & B',
        description: 'Mô tả <b>đậm</b>',
        items: [
          {
            title,
            link: 'https://a.edu.vn/tin-tuc/a/',
            guid: 'https://a.edu.vn/tin-tuc/a/',
            date: '2026-11-20',
            description: 'x < y & z',
            content: '<p>a &amp; b</p>',
            categories: ['Tin & sự kiện'],
          },
        ],
      },
      'a.edu.vn',
    );
    const xml = await res.text();
    expect(xml).not.toContain('<khẩn>');
    const file = path.join(await tempDir(), 'feed.xml');
    await writeFile(file, xml);
    const f = feedparser([file])[file]!;
    expect(f.bozo).toBe(0);
    expect(f.title).toBe('Trường A & B');
    expect(f.entries[0]!.title).toBe(title);
    expect(f.entries[0]!.tags).toEqual(['Tin & sự kiện']);
  });

  it('publishes a công khai update as a new item with its own stable guid', async () => {
    const loaded = await loadContent(path.join(FIXTURES, 'content', 'basic'), ['alpha']);
    const alpha = loaded.schools[0]!;
    const entry = alpha.collections.disclosures[0]!;
    const updated = { ...entry, data: { ...entry.data, updated: '2026-09-15' } };
    const items = disclosureItems(alpha, updated);
    expect(items.map((i) => i.guid)).toEqual([
      'https://alpha.thunghiem.edu.vn/cong-khai/2025-2026/tai-chinh/',
      'https://alpha.thunghiem.edu.vn/cong-khai/2025-2026/tai-chinh/#cap-nhat-2026-09-15',
    ]);
    expect(items[1]!.title).toMatch(/^Cập nhật: /);
  });
});
