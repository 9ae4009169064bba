/**
 * The page the preview shows instead of the site while the school's content has errors: the
 * same messages as the terminal (file, line, what was expected, how to fix it). It loads
 * Vite's client, so the browser reloads by itself once the file is fixed.
 */
import type { ContentIssue } from '../errors/content-issue.ts';
import type { Lang } from '../errors/content-errors.ts';
import { describeIssue, issueLocation } from '../errors/format.ts';

const TEXT = {
  vi: {
    title: (n: number) => `Nội dung có ${n} lỗi cần sửa`,
    intro: 'Trang web chưa hiển thị được vì các lỗi dưới đây. Sửa tệp rồi lưu lại: trang sẽ tự tải lại.',
    field: 'Mục',
    found: 'Giá trị hiện có',
    expected: 'Cần',
    fix: 'Cách sửa',
    warning: 'Cảnh báo',
    error: 'Lỗi',
  },
  en: {
    title: (n: number) => `The content has ${n} error(s) to fix`,
    intro: 'The site cannot be shown because of the errors below. Fix the file and save it: this page reloads by itself.',
    field: 'Field',
    found: 'Found',
    expected: 'Expected',
    fix: 'How to fix',
    warning: 'Warning',
    error: 'Error',
  },
} as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function errorPage(issues: readonly ContentIssue[], lang: Lang): string {
  const t = TEXT[lang];
  const sorted = [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  const errors = issues.filter((i) => i.severity === 'error').length;
  const items = sorted.map((i) => {
    const d = describeIssue(i, lang);
    const rows = [
      i.field ? `<dt>${t.field}</dt><dd><code>${esc(i.field)}</code></dd>` : '',
      i.found !== undefined && i.name !== 'yamlSyntax' && i.name !== 'required'
        ? `<dt>${t.found}</dt><dd><code>${esc(i.found)}</code></dd>`
        : '',
      `<dt>${t.expected}</dt><dd>${esc(d.expected)}</dd>`,
      d.hint ? `<dt>${t.fix}</dt><dd>${esc(d.hint)}</dd>` : '',
    ].join('');
    return `<li class="${i.severity}"><p><strong>${i.severity === 'error' ? t.error : t.warning}:</strong> <code class="file">${esc(issueLocation(i))}</code></p><h2>${esc(d.title)}</h2><dl>${rows}</dl></li>`;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title(errors))}</title>
<script type="module" src="/@vite/client"></script>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff7f7;color:#1f1f1f}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{color:#8b1a1a;font-size:1.6rem}
ol{padding:0;list-style:none}
li{background:#fff;border-left:.4rem solid #b3261e;margin:1rem 0;padding:.75rem 1rem;box-shadow:0 1px 3px #0002}
li.warning{border-color:#9a6700}
h2{font-size:1.15rem;margin:.25rem 0}
.file{font-size:1rem;background:#f3f3f3;padding:.1rem .3rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0 0}
dt{font-weight:600}dd{margin:0}
</style>
</head>
<body>
<main>
<h1>${esc(t.title(errors))}</h1>
<p>${esc(t.intro)}</p>
<ol>${items.join('\n')}</ol>
</main>
</body>
</html>`;
}
