/**
 * Every rule, by id: the baseline passes it, and a copy with one thing broken fails it with the
 * expected message. Tests are named after the rule id.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/compliance/engine.ts';
import type { SiteFacts } from '../../src/site/facts.ts';
import { RULES } from '../../src/compliance/rules/index.ts';
import type { Level } from '../../src/schemas/level.ts';
import { baseline, DATE, page } from './baseline.ts';

interface Case {
  levels?: Level[];
  input?: 'source' | 'html';
  date?: string;
  /** Prepares the baseline for the rule (both the pass and the fail case). */
  setup?: (f: SiteFacts) => void;
  /** Breaks the baseline. */
  fail: (f: SiteFacts) => void;
  /** Expected message key of the failure. */
  key: string;
}

const without = (f: SiteFacts, item: string, year = '2025-2026') => {
  f.disclosures = f.disclosures.filter((d) => !(d.item === item && d.schoolYear === year));
};

const CASES: Record<string, Case> = {
  'ID-001': { fail: (f) => (f.header!.governingBody = false), key: 'governingBody' },
  'ID-002': { fail: (f) => (f.footer!.responsiblePerson = false), key: 'missing' },
  'ID-003': { fail: (f) => (f.domain = 'thcsmau.com'), key: 'notVn' },
  'ID-004': { input: 'html', fail: (f) => (f.technical!.https = false), key: 'http' },
  'ID-005': { fail: (f) => (f.emails = ['thcsmau@gmail.com']), key: 'webmail' },
  'SEC-001': { fail: (f) => delete f.sections['co-cau-to-chuc'], key: 'missing' },
  'SEC-002': { fail: (f) => (f.leaders![0]!.duties = undefined), key: 'incomplete' },
  'SEC-003': { fail: (f) => delete f.sections['lien-he'], key: 'missing' },
  'SEC-004': {
    fail: (f) => {
      delete f.sections['tin-tuc'];
      f.news = [];
    },
    key: 'missing',
  },
  'SEC-005': { fail: (f) => (f.documents[0]!.hasFile = false), key: 'incomplete' },
  'SEC-006': { fail: (f) => (f.admissions[0]!.details = ['doiTuong']), key: 'noNotice' },
  'SEC-007': { fail: (f) => (f.admissions[0]!.registrationUrl = undefined), key: 'missing' },
  'SEC-008': { input: 'html', fail: (f) => delete f.sections['lay-y-kien'], key: 'missing' },
  'SEC-009': {
    fail: (f) => {
      delete f.sections['cong-khai'];
      f.disclosures = [];
    },
    key: 'missing',
  },
  'SEC-011': {
    fail: (f) => {
      f.forms = [];
      delete f.sections['bieu-mau'];
    },
    key: 'missing',
  },
  'SEC-012': { fail: (f) => (f.schedules = f.schedules.filter((s) => s.kind !== 'lich-cong-tac')), key: 'missing' },
  'SEC-013': { input: 'html', fail: (f) => delete f.sections['hoc-lieu'], key: 'missing' },
  'CK-001': { fail: (f) => without(f, 'thong-tin-chung'), key: 'missing' },
  'CK-002': { fail: (f) => without(f, 'tai-chinh'), key: 'missing' },
  'CK-003': { fail: (f) => without(f, 'doi-ngu'), key: 'missing' },
  'CK-004': { fail: (f) => without(f, 'co-so-vat-chat'), key: 'missing' },
  'CK-005': { fail: (f) => without(f, 'kiem-dinh'), key: 'missing' },
  'CK-006': {
    fail: (f) => (f.disclosures.find((d) => d.item === 'ke-hoach' && d.schoolYear === '2025-2026')!.published = '2026-07-02'),
    key: 'late',
  },
  'CK-007': { fail: (f) => without(f, 'ket-qua'), key: 'missing' },
  'CK-008': { fail: (f) => (f.disclosures.find((d) => d.reportYear === 2025)!.attachmentTypes = ['docx']), key: 'notPdf' },
  // Retention covers the TT 09/2024 years before the latest due one (2025-2026 is CK-001…CK-007's).
  'CK-009': { fail: (f) => (f.disclosures = f.disclosures.filter((d) => d.schoolYear !== '2024-2025')), key: 'missing' },
  'CK-010': {
    fail: (f) => {
      const d = f.disclosures.find((x) => x.item === 'tai-chinh' && x.schoolYear === '2025-2026')!;
      // Changed on Monday 2026-08-31; 1 and 2 September are holidays, so 10 working days end on 2026-09-16.
      d.changed = '2026-08-31';
      d.updated = '2026-09-17';
    },
    key: 'late',
  },
  'CK-011': { levels: ['mn'], fail: (f) => (f.schedules.find((s) => s.kind === 'thuc-don')!.published = '2026-11-22'), key: 'late' },
  'CK-012': { fail: (f) => (f.schedules = f.schedules.filter((s) => s.kind !== 'thuc-don')), key: 'missing' },
  'CK-013': { fail: (f) => without(f, 'doi-ngu-tt36', '2022-2023'), key: 'missing' },
  'CK-014': {
    levels: ['gdtx'],
    setup: (f) => {
      f.foreignPrograms = true;
      f.disclosures.push({
        schoolYear: '2025-2026',
        item: 'chuong-trinh-nuoc-ngoai',
        published: '2026-06-10',
        attachmentTypes: ['pdf'],
        evidence: {},
      });
    },
    fail: (f) => without(f, 'chuong-trinh-nuoc-ngoai'),
    key: 'missing',
  },
  'TECH-001': { input: 'html', fail: (f) => f.technical!.pages.push(page('https://x/a/', { lang: 'en' })), key: 'lang' },
  'TECH-002': { input: 'html', fail: (f) => delete f.sections['tim-kiem'], key: 'missing' },
  'TECH-003': { input: 'html', fail: (f) => (f.technical!.sitemapXml = false), key: 'xml' },
  'TECH-004': { input: 'html', fail: (f) => (f.technical!.rssFeeds = []), key: 'missing' },
  'TECH-005': { input: 'html', fail: (f) => f.technical!.pages.push(page('https://x/b/', { dublinCore: ['title'] })), key: 'missing' },
  'TECH-006': { input: 'html', fail: (f) => f.technical!.pages.push(page('https://x/c/', { viewport: false })), key: 'viewport' },
  'TECH-007': { input: 'html', fail: (f) => f.technical!.pages.push(page('https://x/d/', { imagesWithoutAlt: 2 })), key: 'alt' },
  'TECH-008': { input: 'html', fail: (f) => (f.technical!.pages = [page('https://x/', { printStylesheet: false })]), key: 'missing' },
  'TECH-009': { fail: (f) => (f.governingBody = { name: 'Phòng GD&ĐT' }), key: 'missing' },
  'FRESH-001': { fail: (f) => (f.news = f.news.slice(0, 20).concat(f.news.slice(40))), key: 'few' },
  'FRESH-002': { fail: (f) => (f.news = f.news.slice(0, 40)), key: 'stale' },
  'PRIV-001': {
    fail: (f) =>
      f.texts.push({
        text: 'Danh sách: Nguyễn Văn An, sinh 02/03/2015; Trần Thị Bình, sinh 11/12/2015; Lê Văn Cường, sinh 05/06/2015.',
        evidence: {},
      }),
    key: 'birthdates',
  },
};

function resultOf(ruleId: string, facts: SiteFacts, date = DATE) {
  const report = runChecks({ sites: [facts], date });
  return report.sites[0]!.results.find((r) => r.ruleId === ruleId)!;
}

describe('every rule has a pass and a fail case', () => {
  it('covers all registered rules', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe.each(Object.entries(CASES))('%s', (id, c) => {
  const make = () => {
    const f = baseline(c.levels ?? ['thcs'], c.input ?? 'source');
    c.setup?.(f);
    return f;
  };
  it(`${id} passes on a compliant site`, () => {
    expect(resultOf(id, make(), c.date).status).toBe('pass');
  });
  it(`${id} fails with "${c.key}" when broken`, () => {
    const f = make();
    c.fail(f);
    const r = resultOf(id, f, c.date);
    expect(r.status).toBe('fail');
    expect(r.findings.map((x) => x.messageKey)).toContain(c.key);
    for (const x of r.findings) {
      expect(x.message.vi).not.toMatch(/\{\w+\}/);
      expect(x.message.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('rule metadata', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has titles, citations and a severity that matches its verification', (_, r) => {
    expect(r.title.vi && r.title.en && r.description.vi && r.description.en).toBeTruthy();
    expect(r.citations.length).toBeGreaterThan(0);
    if (r.verification !== 'verified') expect(r.severity).not.toBe('error');
    if (r.verification === 'unverified' || r.verification === 'local-practice') expect(r.severity).toBe('info');
  });
});

describe('PRIV-001 privacy guard', () => {
  const run = (text: string) => {
    const f = baseline();
    f.texts = [{ text, evidence: { file: 'news/a.md' } }];
    return resultOf('PRIV-001', f).findings.map((x) => x.messageKey);
  };
  it('PRIV-001 flags a citizen ID number', () => {
    expect(run('Em Nguyễn Văn An, CCCD 001209012345, lớp 6A.')).toContain('cccd');
  });
  it('PRIV-001 flags a phone number next to a pupil name', () => {
    expect(run('Học sinh Trần Thị Bình lớp 7A, điện thoại 0912345678.')).toContain('phone');
  });
  it('PRIV-001 does not flag event dates, weekdays or the school phone', () => {
    expect(
      run('Thứ Hai, 24/8/2026 khối 1 tựu trường; Thứ Ba, 25/8/2026 khối 2; Thứ Tư, 26/8/2026 khối 3. Liên hệ văn phòng 0269 3812 345.'),
    ).toEqual([]);
  });
});
