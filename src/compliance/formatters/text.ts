/**
 * Plain-text report for people: grouped by school, then by rule, with the file or page, the
 * message, the legal basis and the fix. Passing rules are summarised, not listed.
 */
import type { Lang } from '../../errors/content-errors.ts';
import type { ComplianceReport } from '../report.ts';
import { vnDate } from '../calendar.ts';
import { citationLabel, verificationNote, TT53_NOTE } from './labels.ts';

const L = {
  vi: {
    error: 'lỗi',
    warning: 'cảnh báo',
    info: 'gợi ý',
    basis: 'Căn cứ',
    fix: 'Cách khắc phục',
    ok: 'Không có vấn đề.',
    summary: (e: number, w: number, i: number, p: number) => `${e} lỗi, ${w} cảnh báo, ${i} gợi ý; ${p} quy tắc đạt.`,
    date: 'Ngày kiểm tra',
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    basis: 'Basis',
    fix: 'How to fix',
    ok: 'No problems.',
    summary: (e: number, w: number, i: number, p: number) => `${e} errors, ${w} warnings, ${i} infos; ${p} rules passed.`,
    date: 'Checked for',
  },
} as const;

export function formatText(report: ComplianceReport, lang: Lang = 'vi'): string {
  const t = L[lang];
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  // A historical preset run after its end says so before anything else.
  const out: string[] = report.presetNotice ? [report.presetNotice.message[lang]] : [];
  out.push(`${t.date}: ${vnDate(report.date)} (${report.schoolYear}), preset ${report.preset}`, TT53_NOTE[lang]);
  for (const site of report.sites) {
    out.push('', `== ${site.name ?? site.id}${site.domain ? ` (${site.domain})` : ''} ==`);
    const failed = site.results.filter((r) => r.status === 'fail');
    if (failed.length === 0) out.push(t.ok);
    for (const res of failed) {
      const rule = rules.get(res.ruleId)!;
      out.push('', `${res.ruleId} (${t[res.severity]}) ${rule.title[lang]} ${verificationNote(rule.verification, lang)}`);
      for (const f of res.findings) {
        const where = f.file ?? f.url;
        out.push(`  - ${f.message[lang]}${where ? `\n    ${where}${f.line ? `:${f.line}` : ''}` : ''}`);
      }
      out.push(`  ${t.basis}: ${rule.citations.map((c) => citationLabel(c, lang)).join('; ')}`);
      out.push(`  ${t.fix}: ${rule.description[lang]}`);
    }
    const s = site.summary;
    out.push('', t.summary(s.errors, s.warnings, s.infos, s.passed));
  }
  return out.join('\n');
}
