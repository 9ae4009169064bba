/**
 * Turns content issues into text for people: grouped by file, each with the field, the
 * value found, what was expected and how to fix it. Vietnamese by default.
 */
import type { ContentIssue } from './content-issue.ts';
import { fill } from './catalogue.ts';
import { CONTENT_ERRORS, type Lang } from './content-errors.ts';

const LABELS = {
  vi: { field: 'Mục', found: 'Giá trị hiện có', expected: 'Cần', fix: 'Cách sửa', error: 'lỗi', warning: 'cảnh báo', line: 'dòng' },
  en: { field: 'Field', found: 'Found', expected: 'Expected', fix: 'How to fix', error: 'error', warning: 'warning', line: 'line' },
} as const;

/** The parts of one issue's message in one language. */
export function describeIssue(issue: ContentIssue, lang: Lang = 'vi') {
  const data = CONTENT_ERRORS[issue.name];
  return {
    title: fill(data.title[lang], issue.args, lang),
    expected: fill(data.expected[lang], issue.args, lang),
    hint: fill(data.hint[lang], issue.args, lang).trim(),
  };
}

/** `content/schools/x/news/a.md:3:7` */
export function issueLocation(issue: ContentIssue): string {
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
}

/** One issue as a few indented lines. */
export function formatIssue(issue: ContentIssue, lang: Lang = 'vi'): string {
  const L = LABELS[lang];
  const d = describeIssue(issue, lang);
  const lines = [`${issueLocation(issue)} (${L[issue.severity]}) ${d.title}`];
  if (issue.field) lines.push(`  ${L.field}: ${issue.field}`);
  if (issue.found !== undefined && issue.name !== 'yamlSyntax' && issue.name !== 'required') lines.push(`  ${L.found}: ${issue.found}`);
  lines.push(`  ${L.expected}: ${d.expected}`);
  if (d.hint) lines.push(`  ${L.fix}: ${d.hint}`);
  return lines.join('\n');
}

/** All issues, in file order, separated by blank lines. */
export function formatIssues(issues: readonly ContentIssue[], lang: Lang = 'vi'): string {
  return [...issues]
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))
    .map((i) => formatIssue(i, lang))
    .join('\n\n');
}
