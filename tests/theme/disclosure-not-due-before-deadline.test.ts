/**
 * Issue 15: the theme reads the build's date, not the clock. The công khai set of a school year
 * is due "trước ngày 30 tháng 6" of the year it ends (TT 09/2024/TT-BGDĐT Điều 15 khoản 1 điểm a),
 * so on 15/3/2027 an item of 2026-2027 that is not published yet is not late: the page says
 * "Chưa đến hạn (hạn chót 29/6/2027)", not "Chưa công khai". The previous year's missing items,
 * whose deadline (29/6/2026) has passed, stay "Chưa công khai".
 */
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const SITE = 'alpha.thunghiem.edu.vn';
let dir: string;

beforeAll(async () => {
  dir = await tempDir('congtruong-not-due-');
  const content = path.join(dir, 'content');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
  const report = await buildSites({
    contentDir: content,
    outDir: path.join(dir, 'out'),
    cacheDir: path.join(dir, 'cache'),
    schools: ['alpha'],
    date: '2027-03-15',
  });
  expect(report.sites.map((s) => s.status)).toEqual(['built']);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const read = (p: string) => readFile(path.join(dir, 'out', 'sites', SITE, p), 'utf8');
const statuses = async (year: string) => {
  const $ = cheerio.load(await read(`cong-khai/${year}/index.html`));
  return $('tbody tr')
    .map((_, tr) => `${$(tr).find('th').text().trim()}: ${$(tr).find('td').first().text().trim()}`)
    .get();
};

describe('công khai items before their deadline', () => {
  it('shows an item of the current school year that is not due yet as "Chưa đến hạn" with its last day', async () => {
    const rows = await statuses('2026-2027');
    expect(rows).toContain('Thông tin chung về cơ sở giáo dục: Chưa đến hạn (hạn chót 29/6/2027)');
    expect(rows).toContain('Báo cáo thường niên: Chưa đến hạn (hạn chót 29/6/2027)');
    expect(rows.join('\n')).not.toContain('Chưa công khai');
  });

  it('keeps "Chưa công khai" for the previous year, whose deadline has passed', async () => {
    const rows = await statuses('2025-2026');
    expect(rows).toContain('Báo cáo thường niên: Chưa công khai');
    expect(rows).toContain('Thông tin chung về cơ sở giáo dục: Đã công khai');
  });

  it('names the school year of the build date in the manifest', async () => {
    const manifest = JSON.parse(await read('cong-truong.json')) as { disclosures: { currentSchoolYear: string } };
    expect(manifest.disclosures.currentSchoolYear).toBe('2026-2027');
  });
});
