/**
 * The law in time (research notes §8): every dated duty judged under the instrument in force on
 * its last day, "trước ngày X" read as exclusive, scheduled content ignored until its date,
 * citations by check date, historical presets that never give false comfort, leaders' fields and
 * per-intake admissions as findings. Tests are named after the rule ids; each boundary day and
 * each instrument change has a case on both sides. Expected messages are written from the law.
 */
import { spawnSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/compliance/engine.ts';
import { factsFromContent, publicOn } from '../../src/compliance/facts-from-content.ts';
import type { SiteFacts } from '../../src/site/facts.ts';
import { formatText } from '../../src/compliance/formatters/text.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Level } from '../../src/schemas/level.ts';
import { FIXTURES, tempDir } from '../helpers.ts';
import { baseline } from './baseline.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/congtruong.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

/** A copy of the compliance fixture content, removed after the tests. */
async function fixtureCopy(): Promise<{ content: string; school: string }> {
  const base = await tempDir('congtruong-law-');
  temps.push(base);
  const content = path.join(base, 'content');
  await cp(path.join(FIXTURES, 'content', 'compliance'), content, { recursive: true });
  return { content, school: path.join(content, 'schools', 'mn-tre-muon') };
}

function check(facts: SiteFacts, date: string, preset?: string) {
  return runChecks({ sites: [facts], date, preset });
}
function result(id: string, facts: SiteFacts, date: string) {
  return check(facts, date).sites[0]!.results.find((r) => r.ruleId === id)!;
}
const messages = (id: string, facts: SiteFacts, date: string, lang: 'vi' | 'en' = 'vi') =>
  result(id, facts, date).findings.map((f) => f.message[lang]);

const make = (levels: Level[] = ['thcs'], change?: (f: SiteFacts) => void) => {
  const f = baseline(levels);
  change?.(f);
  return f;
};
const item = (f: SiteFacts, item: string, year: string) => f.disclosures.find((d) => d.item === item && d.schoolYear === year)!;
const drop = (f: SiteFacts, keep: (d: SiteFacts['disclosures'][number]) => boolean) => (f.disclosures = f.disclosures.filter(keep));
const TT09_ITEMS = new Set(['thong-tin-chung', 'tai-chinh', 'doi-ngu', 'co-so-vat-chat', 'kiem-dinh', 'ke-hoach', 'ket-qua']);

interface Row {
  rule: string;
  date: string;
  levels?: Level[];
  change?: (f: SiteFacts) => void;
  /** `pass`, or the exact Vietnamese message of the finding expected. */
  expect: 'pass' | string;
}

/**
 * Dates on both sides of each boundary day (29–30/6, the 24th–25th, Friday–Saturday, the 10th
 * working day) and of each instrument change (TT 09/2024 in force 19/7/2024).
 */
const TABLE: Row[] = [
  // CK-008: the annual report is new in TT 09/2024; the first one due is 2024's, before 30/6/2025.
  { rule: 'CK-008', date: '2024-07-10', change: (f) => drop(f, (d) => d.item !== 'bao-cao-thuong-nien'), expect: 'pass' },
  { rule: 'CK-008', date: '2025-03-10', change: (f) => drop(f, (d) => d.item !== 'bao-cao-thuong-nien'), expect: 'pass' },
  { rule: 'CK-008', date: '2025-06-29', change: (f) => drop(f, (d) => d.item !== 'bao-cao-thuong-nien'), expect: 'pass' },
  {
    rule: 'CK-008',
    date: '2025-06-30',
    change: (f) => drop(f, (d) => d.item !== 'bao-cao-thuong-nien'),
    expect: 'Chưa có báo cáo thường niên năm 2024; hạn chót 29/6/2025 (trước ngày 30/6).',
  },
  {
    rule: 'CK-008',
    date: '2026-11-23',
    change: (f) => (item(f, 'bao-cao-thuong-nien', '2025-2026').published = '2026-06-29'),
    expect: 'pass',
  },
  {
    rule: 'CK-008',
    date: '2026-11-23',
    change: (f) => (item(f, 'bao-cao-thuong-nien', '2025-2026').published = '2026-06-30'),
    expect: 'Báo cáo thường niên năm 2025 đăng ngày 30/6/2026, sau hạn chót 29/6/2026 (trước ngày 30/6).',
  },
  // CK-002 (one of CK-001…CK-007): 2023-2024 was due under TT 36/2017; 2024-2025 is the first TT 09/2024 year.
  { rule: 'CK-002', date: '2024-07-19', change: (f) => drop(f, (d) => !TT09_ITEMS.has(d.item)), expect: 'pass' },
  { rule: 'CK-002', date: '2025-06-29', change: (f) => drop(f, (d) => !TT09_ITEMS.has(d.item)), expect: 'pass' },
  {
    rule: 'CK-002',
    date: '2025-06-30',
    change: (f) => drop(f, (d) => !TT09_ITEMS.has(d.item)),
    expect: 'Năm học 2024-2025 chưa công khai "Thu, chi tài chính"; hạn chót 29/6/2025 (trước ngày 30/6).',
  },
  { rule: 'CK-002', date: '2026-11-23', change: (f) => (item(f, 'tai-chinh', '2025-2026').published = '2026-06-29'), expect: 'pass' },
  {
    rule: 'CK-002',
    date: '2026-11-23',
    change: (f) => (item(f, 'tai-chinh', '2025-2026').published = '2026-06-30'),
    expect: '"Thu, chi tài chính" năm học 2025-2026 đăng ngày 30/6/2026, sau hạn chót 29/6/2026 (trước ngày 30/6).',
  },
  // Information that did not exist by 30/6 is due 10 working days after it does (CK-010), not late here.
  {
    rule: 'CK-002',
    date: '2026-11-23',
    change: (f) => Object.assign(item(f, 'tai-chinh', '2025-2026'), { published: '2026-09-17', officialInfo: '2026-08-31' }),
    expect: 'pass',
  },
  // CK-010: from Thursday 4/7/2024 the 10th working day is 18/7/2024, before TT 09/2024; from Friday 5/7/2024 it is 19/7/2024.
  { rule: 'CK-010', date: '2024-09-01', change: (f) => (item(f, 'doi-ngu-tt36', '2023-2024').changed = '2024-07-04'), expect: 'pass' },
  {
    rule: 'CK-010',
    date: '2024-09-01',
    change: (f) => (item(f, 'doi-ngu-tt36', '2023-2024').changed = '2024-07-05'),
    expect: '"doi-ngu-tt36" thay đổi ngày 5/7/2024 nhưng chưa cập nhật; hạn chót 19/7/2024 (thứ Sáu, 10 ngày làm việc kể từ 5/7/2024).',
  },
  // From Monday 31/8/2026, with 1 and 2 September off, the 10th working day is Wednesday 16/9/2026.
  {
    rule: 'CK-010',
    date: '2026-11-23',
    change: (f) => Object.assign(item(f, 'tai-chinh', '2025-2026'), { changed: '2026-08-31', updated: '2026-09-16' }),
    expect: 'pass',
  },
  {
    rule: 'CK-010',
    date: '2026-11-23',
    change: (f) => Object.assign(item(f, 'tai-chinh', '2025-2026'), { changed: '2026-08-31', updated: '2026-09-17' }),
    expect:
      '"tai-chinh" thay đổi ngày 31/8/2026 nhưng cập nhật ngày 17/9/2026, sau hạn chót 16/9/2026 (thứ Tư, 10 ngày làm việc kể từ 31/8/2026).',
  },
  {
    rule: 'CK-010',
    date: '2026-11-23',
    change: (f) => Object.assign(item(f, 'tai-chinh', '2025-2026'), { officialInfo: '2026-08-31', published: '2026-09-16' }),
    expect: 'pass',
  },
  {
    rule: 'CK-010',
    date: '2026-11-23',
    change: (f) => Object.assign(item(f, 'tai-chinh', '2025-2026'), { officialInfo: '2026-08-31', published: '2026-09-17' }),
    expect:
      '"tai-chinh" có thông tin chính thức ngày 31/8/2026 nhưng đăng ngày 17/9/2026, sau hạn chót 16/9/2026 (thứ Tư, 10 ngày làm việc kể từ 31/8/2026).',
  },
  // CK-011: menus and weekly/daily plans before Saturday (last day Friday), monthly plans before the 25th.
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-23',
    change: (f) => (f.schedules.find((s) => s.kind === 'thuc-don')!.published = '2026-11-20'),
    expect: 'pass',
  },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-23',
    change: (f) => (f.schedules.find((s) => s.kind === 'thuc-don')!.published = '2026-11-21'),
    expect: '"thực đơn" đăng ngày 21/11/2026, sau hạn chót 20/11/2026 (trước thứ Bảy 21/11).',
  },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-23',
    change: (f) => (f.schedules.find((s) => s.kind === 'ke-hoach-thang')!.published = '2026-10-24'),
    expect: 'pass',
  },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-23',
    change: (f) => (f.schedules.find((s) => s.kind === 'ke-hoach-thang')!.published = '2026-10-25'),
    expect: '"kế hoạch giáo dục tháng" đăng ngày 25/10/2026, sau hạn chót 24/10/2026 (trước ngày 25/10).',
  },
  { rule: 'CK-011', levels: ['mn'], date: '2026-11-24', expect: 'pass' },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-25',
    expect: 'Chưa có kế hoạch giáo dục tháng cho tháng 12/2026; hạn chót 24/11/2026 (trước ngày 25/11).',
  },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2026-11-23',
    change: (f) => (f.schedules = f.schedules.filter((s) => s.kind !== 'ke-hoach-ngay')),
    expect: 'Chưa có kế hoạch giáo dục ngày cho tuần 23/11/2026–27/11/2026; hạn chót 20/11/2026 (trước thứ Bảy 21/11).',
  },
  // CK-011 across 19/7/2024: July's plan was due by 24/6/2024 (before TT 09/2024), August's by 24/7/2024.
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2024-08-05',
    change: (f) =>
      f.schedules.push({ kind: 'ke-hoach-thang', from: '2024-07-01', to: '2024-07-31', published: '2024-07-01', evidence: {} }),
    expect: 'pass',
  },
  {
    rule: 'CK-011',
    levels: ['mn'],
    date: '2024-08-05',
    change: (f) =>
      f.schedules.push({ kind: 'ke-hoach-thang', from: '2024-08-01', to: '2024-08-31', published: '2024-07-30', evidence: {} }),
    expect: '"kế hoạch giáo dục tháng" đăng ngày 30/7/2024, sau hạn chót 24/7/2024 (trước ngày 25/7).',
  },
  // CK-012: the TT 09/2024 duty is judged only from 19/7/2024 (last day of the week of 22/7/2024).
  {
    rule: 'CK-012',
    date: '2024-08-01',
    change: (f) => f.schedules.push({ kind: 'thuc-don', from: '2024-07-15', to: '2024-07-19', published: '2024-07-15', evidence: {} }),
    expect: 'pass',
  },
  {
    rule: 'CK-012',
    date: '2024-08-01',
    change: (f) => f.schedules.push({ kind: 'thuc-don', from: '2024-07-22', to: '2024-07-26', published: '2024-07-22', evidence: {} }),
    expect: '"thực đơn" đăng ngày 22/7/2024, sau hạn chót 19/7/2024 (trước thứ Bảy 20/7).',
  },
  { rule: 'CK-012', date: '2026-11-27', expect: 'pass' },
  {
    rule: 'CK-012',
    date: '2026-11-28',
    expect: 'Chưa có thực đơn cho tuần 30/11/2026–4/12/2026; hạn chót 27/11/2026 (trước thứ Bảy 28/11).',
  },
  // CK-009: TT 09/2024 years only, and never the latest due year (CK-001…CK-007 report it).
  {
    rule: 'CK-009',
    date: '2026-11-23',
    change: (f) => drop(f, (d) => d.schoolYear !== '2024-2025'),
    expect: 'Không còn nội dung công khai của các năm học: 2024-2025.',
  },
  { rule: 'CK-009', date: '2026-11-23', change: (f) => drop(f, (d) => d.schoolYear !== '2023-2024'), expect: 'pass' },
  { rule: 'CK-009', date: '2026-11-23', change: (f) => drop(f, (d) => d.schoolYear !== '2025-2026'), expect: 'pass' },
  { rule: 'CK-009', date: '2027-07-01', expect: 'pass' },
  {
    rule: 'CK-009',
    date: '2026-11-23',
    change: (f) => drop(f, (d) => d.reportYear !== 2024),
    expect: 'Không còn báo cáo thường niên của các năm: 2024.',
  },
  { rule: 'CK-009', date: '2026-11-23', change: (f) => drop(f, (d) => d.reportYear !== 2023), expect: 'pass' },
];

describe('deadlines under the instrument in force, on both sides of every boundary day', () => {
  it.each(TABLE.map((r) => [`${r.rule} on ${r.date}: ${r.expect}`, r] as const))('%s', (_, row) => {
    const facts = make(row.levels, row.change);
    const r = result(row.rule, facts, row.date);
    if (row.expect === 'pass') expect(r.findings.map((f) => f.message.vi)).toEqual([]);
    else expect(r.findings.map((f) => f.message.vi)).toContain(row.expect);
  });

  it('CK-002 names the last day in English too', () => {
    const f = make(['thcs'], (x) => drop(x, (d) => !(d.item === 'tai-chinh' && d.schoolYear === '2025-2026')));
    expect(messages('CK-002', f, '2026-06-30', 'en')).toEqual([
      'School year 2025-2026 has no "Revenue and spending" disclosure; last day 29/6/2026 (before 30/6).',
    ]);
    expect(result('CK-002', f, '2026-06-29').status).toBe('pass');
  });

  it('CK-001 reports the latest due year that CK-009 leaves out', () => {
    expect(messages('CK-001', make(), '2027-07-01')).toEqual([
      'Năm học 2026-2027 chưa công khai "Thông tin chung về cơ sở giáo dục"; hạn chót 29/6/2027 (trước ngày 30/6).',
    ]);
  });

  it('CK-013 only informs about the TT 36/2017 years that are gone', () => {
    const f = make(['thcs'], (x) => drop(x, (d) => d.schoolYear !== '2023-2024'));
    const r = result('CK-013', f, '2026-11-23');
    expect(r.severity).toBe('info');
    expect(r.findings.map((x) => x.message.vi)).toEqual(['Không còn nội dung công khai của các năm học theo TT 36/2017: 2023-2024.']);
  });

  it('CK-011 asks for the next week once its Friday has passed, daily plans included', () => {
    // December's monthly plan was due before 25/11; the week of 30/11 only from Saturday 28/11.
    const december = (f: SiteFacts) =>
      f.schedules.push({ kind: 'ke-hoach-thang', from: '2026-12-01', to: '2026-12-31', published: '2026-11-20', evidence: {} });
    expect(result('CK-011', make(['mn'], december), '2026-11-27').status).toBe('pass');
    const next = messages('CK-011', make(['mn'], december), '2026-11-28');
    expect(next).toContain('Chưa có kế hoạch giáo dục ngày cho tuần 30/11/2026–4/12/2026; hạn chót 27/11/2026 (trước thứ Bảy 28/11).');
    expect(next).toContain('Chưa có kế hoạch giáo dục tuần cho tuần 30/11/2026–4/12/2026; hạn chót 27/11/2026 (trước thứ Bảy 28/11).');
    expect(messages('CK-011', make(['mn']), '2026-11-28', 'en')).toContain(
      'No daily education plans for the week of 30/11/2026–4/12/2026; last day 27/11/2026 (before Saturday 28/11).',
    );
  });

  it('CK-002 … CK-005 are errors (research notes §8.2); CK-006 and CK-007 stay warnings', () => {
    const report = check(make(), '2026-11-23');
    const severity = (id: string) => report.rules.find((r) => r.id === id)!.severity;
    for (const id of ['CK-002', 'CK-003', 'CK-004', 'CK-005']) expect(severity(id), id).toBe('error');
    for (const id of ['CK-006', 'CK-007']) expect(severity(id), id).toBe('warning');
  });
});

describe('scheduled content is ignored until its publication date', () => {
  it('PRIV-001 does not judge a news item before it is public, and does on its date', () => {
    const f = make(['thcs'], (x) => {
      x.news.push({ title: 'Sắp đăng', published: '2026-12-01', evidence: { file: 'news/sap-dang.md' } });
      x.texts.push({ text: 'Em Nguyễn Văn An, CCCD 001209012345, lớp 6A.', evidence: { file: 'news/sap-dang.md' } });
    });
    expect(result('PRIV-001', f, '2026-11-30').status).toBe('pass');
    expect(result('PRIV-001', f, '2026-12-01').findings.map((x) => x.messageKey)).toEqual(['cccd']);
    expect(publicOn(f, '2026-11-30').news.map((n) => n.title)).not.toContain('Sắp đăng');
    expect(publicOn(f, '2026-12-01').news.map((n) => n.title)).toContain('Sắp đăng');
  });

  it('CK-011 counts a daily plan written ahead once its publication day comes', () => {
    const f = make(['mn'], (x) =>
      x.schedules.push({
        kind: 'ke-hoach-ngay',
        from: '2026-11-30',
        to: '2026-12-04',
        published: '2026-11-27',
        evidence: { file: 's.md' },
      }),
    );
    expect(publicOn(f, '2026-11-26').schedules.some((s) => s.from === '2026-11-30')).toBe(false);
    expect(messages('CK-011', f, '2026-11-28').join('\n')).not.toContain('kế hoạch giáo dục ngày');
  });

  it('CK-002 on content: a disclosure dated in the future does not count until its day, then is judged late', async () => {
    const { content, school } = await fixtureCopy();
    await writeFile(
      path.join(school, 'disclosures', '2025-2026', 'tai-chinh.md'),
      '---\nitem: tai-chinh\npublished: 2026-12-01\nattachments:\n  - file: media/tep/ke-hoach.pdf\n---\nThu, chi tài chính.\n',
    );
    const loaded = await loadContent(content);
    const sites = loaded.schools.map(factsFromContent);
    const at = (date: string) => runChecks({ sites, date }).sites[0]!.results.find((r) => r.ruleId === 'CK-002')!;
    expect(at('2026-11-30').findings.map((f) => f.message.vi)).toEqual([
      'Năm học 2025-2026 chưa công khai "Thu, chi tài chính"; hạn chót 29/6/2026 (trước ngày 30/6).',
    ]);
    expect(at('2026-12-01').findings.map((f) => f.message.vi)).toEqual([
      '"Thu, chi tài chính" năm học 2025-2026 đăng ngày 1/12/2026, sau hạn chót 29/6/2026 (trước ngày 30/6).',
    ]);
  });
});

describe('citations chosen by the check date', () => {
  const citations = (id: string, date: string) => check(make(), date).rules.find((r) => r.id === id)!.citations;

  it('PRIV-001 cites NĐ 13/2023 until 31/12/2025 and Luật 91/2025/QH15 Điều 24 from 1/1/2026', () => {
    expect(citations('PRIV-001', '2025-12-31')[0]).toMatchObject({ id: 'nd13-2023', number: '13/2023/NĐ-CP' });
    expect(citations('PRIV-001', '2026-01-01')[0]).toMatchObject({
      id: 'luat91-2025',
      number: '91/2025/QH15',
      article: 'Điều 24',
      replaces: { id: 'nd13-2023', number: '13/2023/NĐ-CP' },
    });
  });

  it('SEC-003 cites NĐ 43/2011 until 14/8/2022, NĐ 42/2022 until 30/6/2026, NĐ 224/2026 from 1/7/2026', () => {
    expect(citations('SEC-003', '2022-08-14')[1]).toMatchObject({ number: '43/2011/NĐ-CP', article: 'Điều 15 khoản 2' });
    expect(citations('SEC-003', '2022-08-15')[1]).toMatchObject({ number: '42/2022/NĐ-CP', replaces: { number: '43/2011/NĐ-CP' } });
    expect(citations('SEC-003', '2026-06-30')[1]).toMatchObject({ number: '42/2022/NĐ-CP' });
    expect(citations('SEC-003', '2026-07-01')[1]).toMatchObject({ number: '224/2026/NĐ-CP', replaces: { number: '43/2011/NĐ-CP' } });
  });

  it('FRESH-002 cites NĐ 224/2026 Điều 9 khoản 3 only from 1/7/2026', () => {
    expect(citations('FRESH-002', '2026-06-30')[0]).toMatchObject({ number: '42/2022/NĐ-CP' });
    expect(citations('FRESH-002', '2026-06-30')[0]!.article).toBeUndefined();
    expect(citations('FRESH-002', '2026-07-01')[0]).toMatchObject({ number: '224/2026/NĐ-CP', article: 'Điều 9 khoản 3' });
  });

  it('ID-005 keeps TT 53/2012 as history at any date', () => {
    expect(citations('ID-005', '2026-11-23')[1]).toMatchObject({ number: '53/2012/TT-BGDĐT', historical: true });
  });

  it('the text report prints the citation in force and what it replaces', () => {
    const f = make(['thcs'], (x) => x.texts.push({ text: 'Em Nguyễn Văn An, CCCD 001209012345, lớp 6A.', evidence: {} }));
    expect(formatText(check(f, '2026-01-01'), 'vi')).toContain('Căn cứ: 91/2025/QH15, Điều 24 (thay thế 13/2023/NĐ-CP)');
    expect(formatText(check(f, '2025-12-31'), 'vi')).toContain('Căn cứ: 13/2023/NĐ-CP\n');
  });
});

describe('leaders and admissions', () => {
  it('SEC-002 names each missing field of a leader, in Vietnamese and English', () => {
    const f = make(['thcs'], (x) => (x.leaders![0]!.phone = undefined));
    expect(messages('SEC-002', f, '2026-11-23')).toEqual(['Lãnh đạo Nguyễn Văn A thiếu: điện thoại.']);
    expect(messages('SEC-002', f, '2026-11-23', 'en')).toEqual(['Leader Nguyễn Văn A lacks: phone.']);
    const g = make(['thcs'], (x) => Object.assign(x.leaders![0]!, { email: undefined, duties: '' }));
    expect(messages('SEC-002', g, '2026-11-23')).toEqual(['Lãnh đạo Nguyễn Văn A thiếu: thư điện tử, nhiệm vụ đảm nhiệm.']);
  });

  it('SEC-002 on content: a leader without a phone keeps the school in the report, JSON included', async () => {
    const { content, school } = await fixtureCopy();
    const yaml = path.join(school, 'school.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('    phone: "0912 000 005"\n', ''));
    const loaded = await loadContent(content);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const out = path.join(path.dirname(content), 'report.json');
    const r = run('check', '--content', content, '--date', '2026-11-23', '--format', 'json', '--out', out);
    expect(r.status).toBe(1);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.sites).toHaveLength(1);
    const sec002 = report.sites[0].results.find((x: { ruleId: string }) => x.ruleId === 'SEC-002');
    expect(sec002.status).toBe('fail');
    expect(sec002.findings[0].message.vi).toBe('Lãnh đạo Đỗ Thị Muộn thiếu: điện thoại.');
  });

  it('SEC-002 on a built site: the school is built without the phone, and the HTML check reports it', async () => {
    const { buildSites } = await import('../../src/pipeline/build-sites.ts');
    const { factsFromSiteFolder } = await import('../../src/compliance/site-folder.ts');
    const { content, school } = await fixtureCopy();
    const yaml = path.join(school, 'school.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('    phone: "0912 000 005"\n', ''));
    const out = path.join(path.dirname(content), 'dist');
    const build = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(build.sites.find((x) => x.id === 'mn-tre-muon')?.status).toBe('built');
    const site = path.join(out, 'sites', 'mntremuon.thunghiem.edu.vn');
    const about = await readFile(path.join(site, 'gioi-thieu', 'index.html'), 'utf8');
    expect(about).toContain('Đỗ Thị Muộn');
    expect(about).not.toContain('undefined');
    const facts = await factsFromSiteFolder(site, { levels: ['mn'] });
    expect(messages('SEC-002', facts, '2026-11-23')).toEqual(['Lãnh đạo Đỗ Thị Muộn thiếu: điện thoại.']);
  });

  it("ID-005 warns about a leader's free webmail address as it does about the school's", () => {
    const f = make(['thcs'], (x) => (x.leaders![0]!.email = 'nguyenvana@gmail.com'));
    const r = result('ID-005', f, '2026-11-23');
    expect(r.severity).toBe('warning');
    expect(r.findings.map((x) => x.message.vi)).toEqual([
      'Thư điện tử của Nguyễn Văn A (nguyenvana@gmail.com) dùng dịch vụ thư miễn phí thay vì tên miền của trường.',
    ]);
    expect(result('ID-005', make(), '2026-11-23').status).toBe('pass');
  });

  it('SEC-006 asks a tiểu học + THCS school for both intakes (lớp 1 and lớp 6)', () => {
    const onlyGrade1 = make(['th', 'thcs'], (x) => (x.admissions[0]!.levels = ['th']));
    expect(messages('SEC-006', onlyGrade1, '2026-11-23')).toEqual(['Chưa có thông tin tuyển sinh lớp 6 năm học 2026-2027 hoặc 2027-2028.']);
    const both = make(['th', 'thcs'], (x) => {
      x.admissions[0]!.levels = ['th'];
      x.admissions.push({ ...x.admissions[0]!, levels: ['thcs'] });
    });
    expect(result('SEC-006', both, '2026-11-23').status).toBe('pass');
    const one = make(['th', 'thcs'], (x) => (x.admissions[0]!.levels = ['th', 'thcs']));
    expect(result('SEC-006', one, '2026-11-23').status).toBe('pass');
    const unsaid = make(['th', 'thcs']);
    expect(result('SEC-006', unsaid, '2026-11-23').findings.map((x) => x.messageKey)).toEqual(['noLevels', 'missingLevel', 'missingLevel']);
    // A one-level school need not say which level its notice is for.
    expect(result('SEC-006', make(['thcs']), '2026-11-23').status).toBe('pass');
  });

  it("SEC-006 reads this year's notice while next year's plan waits for its own notice", () => {
    const plan = {
      title: 'Kế hoạch tuyển sinh',
      schoolYear: '2027-2028',
      kind: 'ke-hoach' as const,
      published: '2027-04-20',
      details: [],
      evidence: {},
    };
    const planOnly = make(['thcs'], (x) => x.admissions.push(plan));
    expect(result('SEC-006', planOnly, '2027-05-12').status).toBe('pass');
    // Once next year's notice is out, it is the one judged: one that lacks the seven fields fails.
    const thinNotice = make(['thcs'], (x) =>
      x.admissions.push(plan, {
        ...plan,
        title: 'Thông báo tuyển sinh',
        kind: 'thong-bao',
        published: '2027-05-10',
        details: ['doiTuong'],
      }),
    );
    expect(messages('SEC-006', thinNotice, '2027-05-12')).toEqual([
      'Thông báo tuyển sinh năm học 2027-2028 chưa nêu đủ: đối tượng, chỉ tiêu, hình thức, điều kiện, hồ sơ, thời gian, địa điểm.',
    ]);
    // Next year's plan and no notice for any year: next year's notice is what is missing.
    const noNotice = make(['thcs'], (x) => (x.admissions = [plan]));
    expect(result('SEC-006', noNotice, '2027-05-12').findings.map((f) => f.messageKey)).toEqual(['noNotice']);
  });
});

describe('CK-014 GDTX foreign or integrated programmes (TT 09/2024 Điều 10 khoản 4)', () => {
  it('CK-014 is due only when school.yaml says the centre runs them', () => {
    const without = make(['gdtx']);
    expect(result('CK-014', without, '2026-11-23').status).toBe('pass');
    const runs = make(['gdtx'], (x) => (x.foreignPrograms = true));
    const r = result('CK-014', runs, '2026-11-23');
    expect(r.severity).toBe('error');
    expect(r.findings.map((x) => x.message.vi)).toEqual([
      'Năm học 2025-2026 chưa công khai "Chương trình giáo dục nước ngoài, chương trình giáo dục tích hợp"; hạn chót 29/6/2026 (trước ngày 30/6).',
    ]);
    expect(
      result(
        'CK-014',
        make(['thcs'], (x) => (x.foreignPrograms = true)),
        '2026-11-23',
      ).status,
    ).toBe('not-applicable');
  });
});

describe('historical presets tell the truth', () => {
  const noDisclosures = () => make(['thcs'], (x) => (x.disclosures = []));

  it('tt53-2012 after 20/11/2020 says it is replaced, checks TT 37/2020 and TT 09/2024, and fails a school without công khai', () => {
    const report = check(noDisclosures(), '2026-11-23', 'tt53-2012');
    expect(report.presetNotice?.message.vi).toBe(
      'TT 53/2012 hết hiệu lực từ 20/11/2020; áp dụng TT 37/2020 và TT 09/2024. Báo cáo này kiểm tra cả các quy tắc của văn bản đang có hiệu lực, và kết quả theo các quy tắc đó.',
    );
    expect(report.presetNotice?.replacedBy).toEqual(['tt37-2020', 'tt09-2024']);
    expect(report.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['CK-001', 'CK-008', 'SEC-001', 'SEC-009', 'ID-005']));
    expect(report.sites[0]!.summary.errors).toBeGreaterThan(0);
    const text = formatText(report, 'vi');
    expect(text.split('\n')[0]).toBe(report.presetNotice!.message.vi);
    expect(text).not.toContain('Không có vấn đề.');
  });

  it('tt53-2012 on 19/11/2020 runs its own rules only; from 20/11/2020 it adds the instruments in force', () => {
    const before = check(noDisclosures(), '2020-11-19', 'tt53-2012');
    expect(before.presetNotice).toBeUndefined();
    expect(before.rules.map((r) => r.id)).toEqual(['ID-003', 'ID-005', 'SEC-007', 'SEC-011']);
    const after = check(noDisclosures(), '2020-11-20', 'tt53-2012');
    // TT 09/2024 is not in force yet in 2020: only TT 37/2020 applies in its place.
    expect(after.presetNotice?.message.vi).toMatch(/^TT 53\/2012 hết hiệu lực từ 20\/11\/2020; áp dụng TT 37\/2020\. /);
    expect(after.presetNotice?.replacedBy).toEqual(['tt37-2020']);
    expect(check(noDisclosures(), '2024-07-19', 'tt53-2012').presetNotice?.replacedBy).toEqual(['tt37-2020', 'tt09-2024']);
  });

  it('tt36-2017 says from 19/7/2024 that TT 09/2024 applies', () => {
    expect(check(noDisclosures(), '2024-07-18', 'tt36-2017').presetNotice).toBeUndefined();
    expect(check(noDisclosures(), '2024-07-19', 'tt36-2017').presetNotice?.message.en).toBe(
      'TT 36/2017 is no longer in force since 19/7/2024; TT 09/2024 apply. This report also checks the rules of the instruments in force, and its result follows them.',
    );
  });

  it('congtruong check --preset tt53-2012 prints the replacement first and exits 1 for a school failing the law in force', () => {
    const r = run('check', '--preset', 'tt53-2012', '--content', path.join(FIXTURES, 'content', 'compliance'), '--date', '2026-11-23');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^TT 53\/2012 hết hiệu lực từ 20\/11\/2020; áp dụng TT 37\/2020 và TT 09\/2024\./);
    const en = run(
      'check',
      '--preset',
      'tt53-2012',
      '--content',
      path.join(FIXTURES, 'content', 'compliance'),
      '--date',
      '2026-11-23',
      '--lang',
      'en',
    );
    expect(en.stdout.split('\n')[0]).toMatch(/^TT 53\/2012 is no longer in force since 20\/11\/2020; TT 37\/2020 and TT 09\/2024 apply\./);
  });

  it('the help and the text report explain "Thông tư 53" in one sentence', () => {
    expect(run('check', '--help').stdout).toContain(
      '"Thông tư 53" (TT 53/2012) hết hiệu lực từ 20/11/2020: nay áp dụng TT 37/2020 (cổng thông tin)',
    );
    expect(run('check', '--help', '--lang', 'en').stdout).toContain('"Circular 53" (TT 53/2012) ended on 20/11/2020');
    expect(formatText(check(make(), '2026-11-23'), 'vi')).toContain(
      '"Thông tư 53" (TT 53/2012) hết hiệu lực từ 20/11/2020: cổng thông tin nay theo TT 37/2020, nội dung công khai theo TT 09/2024 (từ 19/7/2024).',
    );
  });
});
