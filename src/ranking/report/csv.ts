/**
 * CSV of the ranking: one row per site, points per category and criterion. UTF-8 with a
 * byte-order mark so that Excel shows Vietnamese correctly.
 */
import type { RankingReport } from './schema.ts';

/**
 * A text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
 * LibreOffice (a school named `=HYPERLINK(…)` would run in the reader's spreadsheet): it gets a
 * leading `'`, which spreadsheets show as text (OWASP "CSV injection"). Numbers stay numbers.
 */
export const neutralizeFormula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const cell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : typeof v === 'number' ? String(v) : neutralizeFormula(v);
  return /[",\n\r;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function formatCsv(report: RankingReport, lang: 'vi' | 'en' = 'vi'): string {
  const cats = report.criteria.categories.map((c) => c.id);
  const crits = report.criteria.criteria.map((c) => c.id);
  const header = [
    'rank',
    'name',
    'domain',
    'url',
    'unit',
    'levels',
    'score',
    'band',
    'scan_status',
    'pages',
    'newest_post',
    ...cats.map((c) => `cat_${c}`),
    ...crits.map((c) => `crit_${c}`),
  ];
  const rows = report.sites.map((s) => [
    s.rank,
    s.name,
    s.domain,
    s.url,
    s.unit,
    s.levels.join(' '),
    s.score,
    s.band.label[lang],
    s.scan.status,
    s.scan.pages,
    s.metrics.newestPost,
    ...cats.map((c) => s.categories.find((x) => x.id === c)?.points),
    ...crits.map((c) => s.criteria.find((x) => x.id === c)?.points),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
