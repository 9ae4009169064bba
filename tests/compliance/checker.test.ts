/**
 * The checker end to end: on content folders, on a built site, through the CLI, and the
 * report formats (JSON contract, SARIF, HTML, text).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc, renderSchemaDoc } from '../../src/compliance/docs.ts';
import { runChecks } from '../../src/compliance/engine.ts';
import { factsFromContent } from '../../src/compliance/facts-from-content.ts';
import { factsFromHtml } from '../../src/compliance/facts-from-html.ts';
import { formatHtml } from '../../src/compliance/formatters/html.ts';
import { formatSarif } from '../../src/compliance/formatters/sarif.ts';
import { formatText } from '../../src/compliance/formatters/text.ts';
import { complianceReportSchema } from '../../src/compliance/report.ts';
import { loadContent } from '../../src/content/load.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/congtruong.mjs');
const DATE = '2026-11-23';
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args], { encoding: 'utf8', cwd: ROOT });
const failing = (report: ReturnType<typeof runChecks>, i = 0) =>
  report.sites[i]!.results.filter((r) => r.status === 'fail')
    .map((r) => r.ruleId)
    .sort();

async function checkContent(dir: string) {
  const loaded = await loadContent(dir);
  return runChecks({ sites: loaded.schools.map(factsFromContent), date: DATE });
}

describe('a mầm non school that is behind on its duties', () => {
  it('is reported with exactly the expected rule ids', async () => {
    const report = await checkContent(path.join(FIXTURES, 'content', 'compliance'));
    // CK-002/CK-005 missing items (errors since §8.2), CK-008 no annual report for 2025, CK-009
    // no 2024-2025 archive, CK-011 menu posted on Sunday for the week of 23/11 (last day Friday
    // 20/11), CK-013 no TT 36/2017 years (info), ID-005 gmail address.
    expect(failing(report)).toEqual(['CK-002', 'CK-005', 'CK-008', 'CK-009', 'CK-011', 'CK-013', 'ID-005']);
    const site = report.sites[0]!;
    expect(site.summary).toMatchObject({ errors: 4, warnings: 2, infos: 1 });
    const late = site.results.find((r) => r.ruleId === 'CK-011')!.findings[0]!;
    expect(late.message.vi).toBe('"Thực đơn tuần 23/11" đăng ngày 22/11/2026, sau hạn chót 20/11/2026 (trước thứ Bảy 21/11).');
    expect(late.message.en).toBe(
      '"Thực đơn tuần 23/11" was published on 22/11/2026, after the last day 20/11/2026 (before Saturday 21/11).',
    );
    expect(late.file).toMatch(/schedules\/thuc-don-23-11\.md$/);
  });

  it('has nothing due for the annual report before 30 June', async () => {
    const loaded = await loadContent(path.join(FIXTURES, 'content', 'compliance'));
    const report = runChecks({ sites: loaded.schools.map(factsFromContent), date: '2026-06-20' });
    const ck008 = report.sites[0]!.results.find((r) => r.ruleId === 'CK-008')!;
    // On 20/06/2026 the 2024 report is due (before 30/06/2025) and also missing.
    expect(ck008.findings[0]!.message.en).toBe('No annual report for 2024; last day 29/6/2025 (before 30/6).');
    expect(ck008.findings[0]!.message.vi).toBe('Chưa có báo cáo thường niên năm 2024; hạn chót 29/6/2025 (trước ngày 30/6).');
  });
});

describe('the demo content', () => {
  it('passes with 0 errors on 2026-11-23', async () => {
    const report = await checkContent(path.join(ROOT, 'content'));
    expect(report.sites).toHaveLength(3);
    for (const s of report.sites) expect(s.summary.errors, `${s.id}: ${failing(report, report.sites.indexOf(s)).join(', ')}`).toBe(0);
  });
});

describe('the JSON report', () => {
  it('follows the documented, versioned contract', async () => {
    const report = await checkContent(path.join(FIXTURES, 'content', 'compliance'));
    const parsed = complianceReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success).toBe(true);
    expect(report.version).toBe(1);
    expect(report.rules.find((r) => r.id === 'CK-008')?.citations[0]).toMatchObject({
      id: 'tt09-2024',
      number: '09/2024/TT-BGDĐT',
      article: 'Điều 14',
    });
  });

  it('has its JSON Schema and rule table committed up to date (run npm run docs:schema)', async () => {
    expect(await readFile(path.join(ROOT, 'docs/compliance-report.schema.json'), 'utf8')).toBe(renderSchemaDoc());
    expect(await readFile(path.join(ROOT, 'docs/compliance-rules.md'), 'utf8')).toBe(renderRulesDoc());
  });
});

describe('formatters', () => {
  it('SARIF 2.1.0 lists the rules with their citations and one result per finding', async () => {
    const report = await checkContent(path.join(FIXTURES, 'content', 'compliance'));
    const sarif = JSON.parse(formatSarif(report));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'CK-008');
    expect(rule.properties.tags).toEqual(['tt09-2024', 'tt09-2024']);
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toContain('CK-011');
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'ID-005').level).toBe('warning');
  });

  it('text groups findings by school and rule, with basis and fix, in Vietnamese or English', async () => {
    const report = await checkContent(path.join(FIXTURES, 'content', 'compliance'));
    const vi = formatText(report, 'vi');
    expect(vi).toContain('== Trường Mầm non Trễ Muộn (mntremuon.thunghiem.edu.vn) ==');
    expect(vi).toContain('CK-008 (lỗi) Báo cáo thường niên (PDF) trước 30/6 [căn cứ đã đối chiếu văn bản]');
    expect(vi).toContain('Căn cứ: 09/2024/TT-BGDĐT, Điều 14; 09/2024/TT-BGDĐT, Điều 15 khoản 1 điểm b');
    expect(formatText(report, 'en')).toContain('CK-008 (error) Annual report (PDF) before 30 June [basis verified in the text]');
  });

  it('HTML has a summary of schools, a matrix of schools × rules and a page per school', async () => {
    const report = await checkContent(path.join(FIXTURES, 'content', 'compliance'));
    const files = formatHtml(report);
    expect([...files.keys()]).toEqual(['index.html', 'ma-tran.html', 'mn-tre-muon.html']);
    const index = files.get('index.html')!;
    expect(index).toContain('<a href="mn-tre-muon.html">Trường Mầm non Trễ Muộn</a>');
    expect(index).not.toMatch(/<script|https?:\/\/[^"]*\.(css|js)/);
    expect(files.get('mn-tre-muon.html')).toContain('Báo cáo thường niên (PDF) trước 30/6');
  });
});

describe('HTML input', () => {
  it('recognises sections of a foreign CMS by menu texts without diacritics and flags what is missing', () => {
    const html = `<!doctype html><html><head><meta charset="windows-1258"><title>Truong THCS Hoa Binh</title></head><body>
      <div id="header">TRUONG THCS HOA BINH - PHONG GIAO DUC VA DAO TAO HUYEN X</div>
      <ul><li><a href="/index.php?gioi-thieu">GIOI THIEU</a></li><li><a href="/news/">Tin tuc - Su kien</a></li>
      <li><a href="/vb/">VAN BAN</a></li><li><a href="/3ck/">Ba cong khai</a></li><li><a href="/ts/">Tuyen sinh</a></li><li><a href="/lien-he/">LIEN HE</a></li></ul>
      <img src="a.jpg"><p>Lien he: <a href="mailto:thcshoabinh@yahoo.com">thcshoabinh@yahoo.com</a></p></body></html>`;
    const facts = factsFromHtml({
      id: 'hoabinh',
      baseUrl: 'http://thcshoabinh.vn/',
      levels: ['thcs'],
      // A section counts when its menu label names it and the page behind it has matching content (issue 16).
      pages: [
        { url: 'http://thcshoabinh.vn/', html },
        ...[
          ['index.php?gioi-thieu', 'GIOI THIEU', 'Truong THCS Hoa Binh thanh lap nam 1990 tai xa Hoa Binh.'],
          ['news/', 'Tin tuc - Su kien', 'Le khai giang nam hoc moi ngay 05/09/2026 tai truong.'],
          ['vb/', 'VAN BAN', 'Quyet dinh 15/QD-THCS ve viec thanh lap to chuyen mon.'],
          ['3ck/', 'Ba cong khai', 'Cong khai nam hoc 2025-2026: thong tin chung, doi ngu.'],
          ['ts/', 'Tuyen sinh', 'Ke hoach tuyen sinh lop 6 nam hoc 2026-2027 cua truong.'],
          ['lien-he/', 'LIEN HE', 'Dien thoai: 0201 3850 111.'],
        ].map(([p, h, t]) => ({
          url: `http://thcshoabinh.vn/${p}`,
          html: `<html lang="vi"><head><meta charset="utf-8"></head><body><h1>${h}</h1><p>${t}</p></body></html>`,
        })),
      ],
      sitemapXml: false,
    });
    expect(Object.keys(facts.sections).sort()).toEqual(['cong-khai', 'gioi-thieu', 'lien-he', 'tin-tuc', 'tuyen-sinh', 'van-ban']);
    const report = runChecks({ sites: [facts], date: DATE });
    const ids = failing(report);
    for (const id of ['ID-004', 'ID-005', 'TECH-001', 'TECH-002', 'TECH-003', 'TECH-004', 'TECH-006', 'TECH-007'])
      expect(ids).toContain(id);
    const tech1 = report.sites[0]!.results.find((r) => r.ruleId === 'TECH-001')!;
    expect(tech1.findings.map((f) => f.messageKey).sort()).toEqual(['charset', 'lang']);
  });

  it('reads a site built by Cổng Trường and finds its sections, footer, leaders and disclosures', async () => {
    const { buildSites } = await import('../../src/pipeline/build-sites.ts');
    const { factsFromSiteFolder } = await import('../../src/compliance/site-folder.ts');
    const out = await tempDir('congtruong-check-');
    await buildSites({ contentDir: path.join(FIXTURES, 'content', 'compliance'), outDir: out });
    const facts = await factsFromSiteFolder(path.join(out, 'sites', 'mntremuon.thunghiem.edu.vn'), { levels: ['mn'] });
    expect(facts.footer).toMatchObject({ unitName: true, responsiblePerson: true, address: true, phone: true, email: true });
    expect(facts.header).toMatchObject({ name: true, governingBody: true });
    expect(facts.leaders?.[0]).toMatchObject({ name: 'Đỗ Thị Muộn', title: 'Hiệu trưởng' });
    expect(facts.disclosures.map((d) => d.item).sort()).toEqual(['co-so-vat-chat', 'doi-ngu', 'ke-hoach', 'ket-qua', 'thong-tin-chung']);
    const report = runChecks({ sites: [facts], date: DATE });
    const ids = failing(report);
    // The same duties fail from HTML as from the content.
    for (const id of ['CK-002', 'CK-005', 'CK-008', 'ID-005']) expect(ids).toContain(id);
    for (const id of ['ID-001', 'ID-002', 'SEC-001', 'SEC-002', 'TECH-001', 'TECH-003', 'TECH-006', 'TECH-007'])
      expect(ids).not.toContain(id);
  });
});

describe('congtruong check', () => {
  it('exits 1 with the report when there are errors, and writes JSON to --out', async () => {
    const out = path.join(await tempDir(), 'report.json');
    const r = cli('--content', path.join(FIXTURES, 'content', 'compliance'), '--date', DATE, '--format', 'json', '--out', out);
    expect(r.status).toBe(1);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.sites[0].summary.errors).toBe(4);
  });

  it('exits 0 on the demo content', () => {
    const r = cli('--date', DATE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 lỗi');
  });

  it('exits 2 with a clear message on bad arguments or unreadable input', () => {
    const bad = [
      ['--date', '2026-02-30'],
      ['--format', 'pdf'],
      ['--preset', 'tt99-2099'],
      ['--site', '/does/not/exist'],
      ['--format', 'html'],
    ];
    for (const args of bad) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(10);
      expect(r.stderr).not.toMatch(/\bat \w+ \(/);
    }
  });
});
