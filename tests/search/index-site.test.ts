/**
 * What the search index of a site holds: a page's own text and its folded copy (đ → d), but
 * not the parts marked `data-pagefind-ignore` (a news item's related items, print and share
 * links), which would make every page match its neighbours' titles.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSearchIndexer, indexSite, withoutIgnored } from '../../src/search/index-site.ts';
import { tempDir } from '../helpers.ts';

afterAll(() => closeSearchIndexer());

describe('withoutIgnored', () => {
  it('removes an ignored element with everything inside it, nested elements of its name included', () => {
    const html =
      '<main><p>Giữ lại</p><section class="x" data-pagefind-ignore><h2>Tin khác</h2>' +
      '<section><p>Lồng</p></section><p>Bỏ</p></section><p>Sau</p></main>';
    expect(withoutIgnored(html)).toBe('<main><p>Giữ lại</p><p>Sau</p></main>');
  });

  it('handles several ignored elements, attribute values, void elements and pages without any', () => {
    const html =
      '<p data-pagefind-ignore="all">A</p><img data-pagefind-ignore src="x.png"><p>B</p><p class="no-print" data-pagefind-ignore>C</p>';
    expect(withoutIgnored(html)).toBe('<p>B</p>');
    expect(withoutIgnored('<p data-pagefind-body>Không đổi</p>')).toBe('<p data-pagefind-body>Không đổi</p>');
  });

  it('tells elements and attributes apart from longer names', () => {
    expect(withoutIgnored('<p data-pagefind-ignore>A<p-x>B</p-x></p><p>C</p>')).toBe('<p>C</p>');
    expect(withoutIgnored('<p data-pagefind-ignore-not="1">A</p>')).toBe('<p data-pagefind-ignore-not="1">A</p>');
  });

  it('drops the rest of a fragment whose ignored element is never closed', () => {
    expect(withoutIgnored('<p>A</p><div data-pagefind-ignore><p>B</p>')).toBe('<p>A</p>');
  });
});

describe('indexSite', () => {
  it('indexes the page text with its folded copy, and leaves out ignored parts', async () => {
    const site = await tempDir('congtruong-index-');
    await mkdir(path.join(site, 'tin-tuc', 'hoi-khoe'), { recursive: true });
    const html =
      '<!doctype html><html lang="vi"><head><title>Hội khỏe Phù Đổng</title></head><body>' +
      '<main id="main" data-pagefind-body><article><h1>Hội khỏe Phù Đổng</h1><p>Đoàn vận động viên đạt 14 huy chương.</p>' +
      '<p class="no-print" data-pagefind-ignore>In bài viết</p></article>' +
      '<section class="no-print" data-pagefind-ignore><h2>Tin khác</h2><ul><li>Lễ khai giảng năm học mới</li></ul></section>' +
      '</main></body></html>';
    await writeFile(path.join(site, 'tin-tuc', 'hoi-khoe', 'index.html'), html);

    const result = await indexSite(site, path.join(site, '..', 'cache'));
    expect(result.pages).toBe(1);
    const fragments = path.join(site, 'pagefind', 'fragment');
    const [name] = await readdir(fragments);
    const fragment = JSON.parse(
      gunzipSync(await readFile(path.join(fragments, name!)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as {
      url: string;
      content: string;
    };
    expect(fragment.url).toBe('/tin-tuc/hoi-khoe/');
    expect(fragment.content).toContain('Đoàn vận động viên đạt 14 huy chương');
    // The folded copy, so that "doan van dong vien" finds the page.
    expect(fragment.content).toContain('Doan van dong vien dat 14 huy chuong');
    for (const left of ['In bài viết', 'In bai viet', 'Tin khác', 'khai giảng', 'khai giang']) expect(fragment.content).not.toContain(left);
  });
});
