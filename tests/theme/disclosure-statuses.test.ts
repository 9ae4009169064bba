/**
 * Issue 18: the Công khai page of a school year tells the truth about each item. An annual
 * report without its PDF is "Chưa đầy đủ" and says what is missing (TT 09/2024 Điều 15 khoản 1
 * điểm b: the report is published as a PDF), not "Đã công khai"; the "Căn cứ" column gives the
 * article for the school's own level (a THCS: Điều 8, not the mầm non or GDTX articles).
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const SITE = 'alpha.thunghiem.edu.vn';
let dir: string;

beforeAll(async () => {
  dir = await tempDir('congtruong-statuses-');
  const content = path.join(dir, 'content');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
  // An annual report whose author forgot the PDF: the text is there, the signed file is not.
  await writeFile(
    path.join(content, 'schools', 'alpha', 'disclosures', '2025-2026', 'bao-cao-thuong-nien.md'),
    '---\nitem: bao-cao-thuong-nien\npublished: 2026-06-20\nreportYear: 2025\n---\nBáo cáo thường niên năm 2025.\n',
  );
  await buildSites({
    contentDir: content,
    outDir: path.join(dir, 'out'),
    cacheDir: path.join(dir, 'cache'),
    schools: ['alpha'],
    date: '2026-11-23',
  });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const load = async (p: string) => cheerio.load(await readFile(path.join(dir, 'out', 'sites', SITE, p, 'index.html'), 'utf8'));

describe('the Công khai page of a school year', () => {
  it('shows an annual report without its PDF as "Chưa đầy đủ", with what is missing', async () => {
    const $ = await load('cong-khai/2025-2026');
    const row = $('tbody tr').filter((_, tr) => $(tr).find('th').text().trim() === 'Báo cáo thường niên');
    const status = row.find('td').first();
    expect(status.contents().first().text().trim()).toBe('Chưa đầy đủ');
    expect(status.find('.lacking').text()).toBe('Thiếu tệp PDF: báo cáo thường niên phải được đăng dưới dạng PDF.');
    expect(row.text()).not.toContain('Đã công khai');
  });

  it('says it on the item page too', async () => {
    const $ = await load('cong-khai/2025-2026/bao-cao-thuong-nien');
    expect($('main .notice').text().replace(/\s+/g, ' ').trim()).toBe(
      'Chưa đầy đủ. Thiếu tệp PDF: báo cáo thường niên phải được đăng dưới dạng PDF.',
    );
  });

  it('keeps "Đã công khai" for an item with its files', async () => {
    const $ = await load('cong-khai/2025-2026');
    const row = $('tbody tr').filter((_, tr) => $(tr).find('th').text().trim() === 'Thông tin chung về cơ sở giáo dục');
    expect(row.find('td').first().text().trim()).toBe('Đã công khai');
  });

  it('gives in "Căn cứ" the article for the school\'s level only (THCS: Điều 8, Điều 9)', async () => {
    const $ = await load('cong-khai/2025-2026');
    const basis = Object.fromEntries(
      $('tbody tr')
        .map((_, tr) => [[$(tr).find('th').text().trim(), $(tr).find('td').last().text().trim()]])
        .get() as [string, string][],
    );
    expect(basis['Đội ngũ nhà giáo, cán bộ quản lý và nhân viên']).toBe('Điều 8 khoản 1');
    expect(basis['Cơ sở vật chất và tài liệu học tập']).toBe('Điều 8 khoản 2');
    expect(basis['Kết quả đánh giá, kiểm định chất lượng giáo dục']).toBe('Điều 8 khoản 3');
    expect(basis['Kế hoạch hoạt động giáo dục năm học']).toBe('Điều 9 khoản 1');
    expect(basis['Kết quả giáo dục năm học trước']).toBe('Điều 9 khoản 2');
    expect(basis['Thông tin chung về cơ sở giáo dục']).toBe('Điều 4');
    // The articles belong to the instrument named above the table.
    expect($('main h1 + p').text()).toBe(
      'Các nội dung phải công khai theo Thông tư 09/2024/TT-BGDĐT đối với cấp học của trường, với tình trạng từng nội dung.',
    );
  });
});
