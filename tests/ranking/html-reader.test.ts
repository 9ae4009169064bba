/**
 * Issue 16: the one HTML reader on markups of real platforms. Expected facts are what a person
 * reads on the fixture pages (tests/fixtures/platforms/), written before the reader ran on them.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/compliance/engine.ts';
import { factsFromSiteFolder } from '../../src/compliance/site-folder.ts';
import { readSite, type SiteReading } from '../../src/html/site.ts';
import { findPhones, hasAddress, fold, EDUCATION_OFFICE } from '../../src/html/vietnamese.ts';
import { handMade, multiTenant, nukeViet, wordPress, type PlatformSite } from '../fixtures/platforms/index.ts';
import { tempDir } from '../helpers.ts';

const DATE = '2026-11-23';
const read = (site: PlatformSite, levels: ('thcs' | 'thpt' | 'th' | 'mn')[] = ['thcs']): SiteReading => {
  const origin = new URL(site.home).origin;
  return readSite({
    id: new URL(site.home).hostname,
    baseUrl: site.home,
    levels,
    pages: Object.entries(site.pages).map(([p, html]) => ({ url: new URL(p, origin).href, html })),
    sitemapXml: false,
  });
};
const check = (r: SiteReading) => runChecks({ sites: [r.facts], date: DATE, preset: 'recommended' }).sites[0]!;
const rule = (r: SiteReading, id: string) => check(r).results.find((x) => x.ruleId === id)!;

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('Vietnamese as schools write it', () => {
  it('reads phones with brackets, dots and spaces, addresses without a label, and GD&ĐT abbreviations', () => {
    expect(findPhones('Điện thoại: (024) 3861 6102')).toEqual(['(024) 3861 6102']);
    expect(findPhones('ĐT 024.3558.3332, di động 0912 345 678')).toHaveLength(2);
    expect(findPhones('Điện thoại: - Email: a@b.vn')).toEqual([]);
    expect(findPhones('Ngày 05/12/2024, mã 2024-2025')).toEqual([]);
    expect(hasAddress(fold('Thôn Đông, xã Hòa Bình, huyện Sông Xanh'))).toBe(true);
    expect(hasAddress(fold('Trường THCS Hòa Bình'))).toBe(false);
    for (const t of ['Phòng GD&ĐT huyện X', 'PHÒNG GDĐT X', 'Phòng GD-ĐT X', 'Sở Giáo dục và Đào tạo', 'Phong giao duc'])
      expect(EDUCATION_OFFICE.test(fold(t)), t).toBe(true);
    expect(EDUCATION_OFFICE.test(fold('Trường THPT Nhân Chính, số 01 đường Ngụy Như'))).toBe(false);
  });
});

describe('a commercial multi-tenant portal (div header and footer, ?page= URLs)', () => {
  const r = read(multiTenant());

  it('finds the div footer and ignores the script after it', () => {
    expect(r.facts.footer).toMatchObject({ unitName: true, address: true, phone: true, email: true, responsiblePerson: false });
    expect(r.facts.footer?.evidence.text).toContain('(024) 3861 6102');
    expect(r.facts.footer?.evidence.text).not.toContain('0999');
    expect(r.facts.header).toMatchObject({ name: true, governingBody: true });
  });

  it('counts a section only when a label names it and the page behind it has matching content', () => {
    const found = Object.keys(r.facts.sections).sort();
    expect(found).toEqual(['gioi-thieu', 'so-do-cong', 'tim-kiem', 'tin-tuc', 'van-ban']);
    // "Khối 1" → lien-he.html, "CÔNG KHAI BIỂU MẪU 05", an admissions post and a sidebar year make no section.
    expect(r.disclosureYears).toEqual({});
    expect(r.facts.sections['so-do-cong']?.text).toContain('Sơ đồ website');
    expect(r.facts.sections['van-ban']?.text).toMatch(/«Văn bản» \(liên kết trên https:\/\/edu\.example\.vn\/thcs-hoa-binh\//);
  });

  it('reports leaders not found, never leaders named "Điện thoại" or "Email"', () => {
    expect(r.facts.leaders).toEqual([]);
    const sec = rule(r, 'SEC-002');
    expect(sec.status).toBe('fail');
    expect(sec.findings[0]?.messageKey).toBe('none');
    expect(r.searched.leaders).toEqual(['https://edu.example.vn/thcs-hoa-binh/ban-giam-hieu.html']);
  });

  it('takes contact e-mails from footer and contact page, dates from dated pages, and no author line for a pupil', () => {
    expect(r.facts.emails).toEqual(['thcshoabinh@songxanh.edu.vn']);
    expect(r.posts[0]?.date).toBe('2026-11-20');
    expect(rule(r, 'FRESH-002').status).toBe('pass');
    expect(rule(r, 'PRIV-001').status).toBe('pass');
  });
});

describe('NukeViet, WordPress and hand-made sites', () => {
  it('reads a NukeViet-style portal: leaders table, công khai by school year', () => {
    const r = read(nukeViet(), ['thpt']);
    expect(Object.keys(r.facts.sections)).toEqual(
      expect.arrayContaining(['gioi-thieu', 'tin-tuc', 'van-ban', 'cong-khai', 'tuyen-sinh', 'lien-he']),
    );
    expect(r.facts.footer).toMatchObject({ unitName: true, responsiblePerson: true, address: true, phone: true, email: true });
    expect(r.facts.leaders?.map((l) => [l.name, l.title])).toEqual([
      ['Nguyễn Văn An', 'Hiệu trưởng'],
      ['Trần Thị Bình', 'Phó Hiệu trưởng'],
    ]);
    expect(rule(r, 'SEC-002').status).toBe('pass');
    expect(Object.keys(r.disclosureYears).sort()).toEqual(['2024-2025', '2025-2026']);
    expect(r.facts.disclosures.map((d) => `${d.schoolYear} ${d.item}`).sort()).toEqual([
      '2024-2025 doi-ngu',
      '2025-2026 doi-ngu',
      '2025-2026 tai-chinh',
    ]);
  });

  it('reads a WordPress theme: menu inside the header, sidebar left out, address without a label', () => {
    const r = read(wordPress(), ['th']);
    expect(r.facts.header).toMatchObject({ name: true, governingBody: true });
    expect(r.facts.footer).toMatchObject({ unitName: true, address: true, phone: true, email: true, responsiblePerson: false });
    expect(Object.keys(r.facts.sections)).toEqual(expect.arrayContaining(['gioi-thieu', 'tin-tuc', 'lien-he', 'van-ban']));
    expect(r.facts.sections['gioi-thieu']?.text).toContain('Về chúng tôi');
    expect(r.posts[0]?.date).toBe('2026-11-01');
  });

  it('reads a hand-made table layout: last row as footer, empty pages are no section, pupils with birth dates flagged', () => {
    const r = read(handMade(), ['mn']);
    expect(r.facts.header).toMatchObject({ name: true, governingBody: true });
    expect(r.facts.footer).toMatchObject({ unitName: true, address: true, phone: true, email: false });
    expect(r.facts.footer?.evidence.text).toMatch(/^cuối trang: Trường Mầm non Sao Mai/);
    expect(r.facts.sections['gioi-thieu']).toBeDefined();
    expect(r.facts.sections['lich-su']).toBeUndefined(); // "Đang cập nhật…"
    expect(r.posts.map((p) => p.date)).toEqual(['2026-09-25', '2026-09-05', '2026-08-20']);
    expect(rule(r, 'PRIV-001').findings.map((f) => f.messageKey)).toContain('birthdates');
  });
});

describe('check --site on a folder', () => {
  it('takes the host from the pages, never from a folder name that is not one', async () => {
    const base = await tempDir('site-folder-');
    dirs.push(base);
    const write = async (dir: string, pages: Record<string, string>) => {
      for (const [p, html] of Object.entries(pages)) {
        const f = path.join(dir, p.endsWith('/') ? `${p}index.html` : p);
        await mkdir(path.dirname(f), { recursive: true });
        await writeFile(f, html);
      }
    };
    const plain = path.join(base, 'mycam');
    await write(plain, wordPress().pages);
    const facts = await factsFromSiteFolder(plain, { levels: ['th'] });
    expect(facts.domain).toBeUndefined();
    expect(JSON.stringify(facts)).not.toContain('https://mycam/');
    const copied = path.join(base, 'copy');
    const pages = { ...wordPress().pages };
    pages['/'] = pages['/']!.replace('<html', '<!-- Mirrored from thhoabinh.edu.vn/ by HTTrack Website Copier/3.x --><html');
    await write(copied, pages);
    expect((await factsFromSiteFolder(copied, { levels: ['th'] })).domain).toBe('thhoabinh.edu.vn');
  });

  it('reads a copy of a multi-tenant portal from its tenant folder when the root only redirects to itself', async () => {
    const base = await tempDir('site-folder-');
    dirs.push(base);
    const root = path.join(base, 'edu.example.vn_thcs');
    for (const [p, html] of Object.entries(multiTenant().pages)) {
      const f = path.join(root, p.endsWith('/') ? `${p}index.html` : p);
      await mkdir(path.dirname(f), { recursive: true });
      await writeFile(f, html.replace('<html', '<!-- Mirrored from edu.example.vn/thcs-hoa-binh/ by HTTrack Website Copier/3.x --><html'));
    }
    await writeFile(
      path.join(root, 'index.html'),
      '<HTML><!-- Mirrored from edu.example.vn/ by HTTrack Website Copier/3.x --><HEAD><META HTTP-EQUIV="Refresh" CONTENT="0; URL=index.html"><TITLE>Page has moved</TITLE></HEAD><BODY><A HREF="index.html">Click here...</A></BODY></HTML>',
    );
    const facts = await factsFromSiteFolder(root, { levels: ['thcs'] });
    expect(facts.domain).toBe('edu.example.vn');
    expect(facts.footer).toMatchObject({ unitName: true, phone: true, email: true });
    expect(facts.sections['gioi-thieu']?.url).toBe('https://edu.example.vn/thcs-hoa-binh/gioi-thieu.html');
  });
});
