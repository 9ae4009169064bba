/**
 * HTML report for the hosting unit: an overview of schools × rules with each status, and one
 * page per school with its findings, legal basis and fixes. Self-contained: no scripts, no
 * external assets, so it can be mailed or published as it is.
 */
import type { ComplianceReport, SiteResult } from '../report.ts';
import { verificationNote } from './labels.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STATUS = {
  pass: { text: 'Đạt', cls: 'pass' },
  'not-applicable': { text: 'Không áp dụng', cls: 'na' },
  error: { text: 'Lỗi', cls: 'error' },
  warning: { text: 'Cảnh báo', cls: 'warning' },
  info: { text: 'Gợi ý', cls: 'info' },
} as const;

const CSS = `body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse}th,td{border:1px solid #c8ccd2;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}.pass{background:#e3f4e5}.error{background:#fbe3e1}.warning{background:#fff1cc}.info{background:#e6eefb}.na{color:#555}
.scroll{overflow-x:auto}a{color:#0b4f8a}`;

function page(title: string, body: string, externalCss: boolean): string {
  // On a site with a strict Content-Security-Policy the styles must come from a file.
  const style = externalCss ? '<link rel="stylesheet" href="report.css">' : `<style>${CSS}</style>`;
  return `<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>${style}</head>\n<body><main>\n${body}\n</main></body>\n</html>\n`;
}

function statusOf(r: SiteResult['results'][number]) {
  return r.status === 'fail' ? STATUS[r.severity] : STATUS[r.status];
}

export const siteFileName = (site: SiteResult) => `${site.id.replace(/[^a-z0-9.-]/gi, '-')}.html`;

/**
 * File name → content: `index.html` and one page per site; with `externalCss`, also
 * `report.css` (for publishing on a site whose CSP forbids inline styles).
 */
export function formatHtml(report: ComplianceReport, opts: { externalCss?: boolean } = {}): Map<string, string> {
  const files = new Map<string, string>();
  const externalCss = opts.externalCss ?? false;
  if (externalCss) files.set('report.css', `${CSS}\n`);
  const head = `<p>Ngày kiểm tra: ${esc(report.date)} (năm học ${esc(report.schoolYear)}) · bộ quy tắc: ${esc(report.preset)}</p>`;
  const rows = report.sites
    .map((s) => {
      const cells = s.results.map((r) => {
        const st = statusOf(r);
        return `<td class="${st.cls}">${st.text}</td>`;
      });
      return `<tr><th scope="row"><a href="${siteFileName(s)}">${esc(s.name ?? s.id)}</a></th><td>${s.summary.errors}</td><td>${s.summary.warnings}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const ruleHeads = report.rules.map((r) => `<th scope="col"><abbr title="${esc(r.title.vi)}">${esc(r.id)}</abbr></th>`).join('');
  files.set(
    'index.html',
    page(
      'Báo cáo tuân thủ cổng thông tin các trường',
      `<h1>Báo cáo tuân thủ cổng thông tin các trường</h1>${head}
<div class="scroll"><table><caption>Trạng thái từng quy tắc theo trường</caption><thead><tr><th scope="col">Trường</th><th scope="col">Lỗi</th><th scope="col">Cảnh báo</th>${ruleHeads}</tr></thead><tbody>
${rows}
</tbody></table></div>
<h2>Quy tắc</h2><ul>${report.rules.map((r) => `<li><strong>${esc(r.id)}</strong>: ${esc(r.title.vi)} ${esc(verificationNote(r.verification, 'vi'))}</li>`).join('')}</ul>`,
      externalCss,
    ),
  );
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  for (const s of report.sites) {
    const items = s.results
      .map((r) => {
        const rule = rules.get(r.ruleId)!;
        const st = statusOf(r);
        const findings = r.findings
          .map((f) => `<li>${esc(f.message.vi)}${f.file || f.url ? ` <small>(${esc(f.file ?? f.url ?? '')})</small>` : ''}</li>`)
          .join('');
        const basis = rule.citations.map((c) => esc(c.article ? `${c.number}, ${c.article}` : c.number)).join('; ');
        return `<tr><th scope="row">${esc(r.ruleId)}</th><td>${esc(rule.title.vi)}</td><td class="${st.cls}">${st.text}</td><td>${findings ? `<ul>${findings}</ul>` : ''}${r.status === 'fail' ? `<p>${esc(rule.description.vi)}</p>` : ''}</td><td>${basis} ${esc(verificationNote(rule.verification, 'vi'))}</td></tr>`;
      })
      .join('\n');
    files.set(
      siteFileName(s),
      page(
        `Tuân thủ: ${s.name ?? s.id}`,
        `<p><a href="index.html">Tất cả các trường</a></p><h1>${esc(s.name ?? s.id)}</h1>${head}
<p>${s.summary.errors} lỗi, ${s.summary.warnings} cảnh báo, ${s.summary.infos} gợi ý; ${s.summary.passed} quy tắc đạt.</p>
<div class="scroll"><table><thead><tr><th scope="col">Mã</th><th scope="col">Quy tắc</th><th scope="col">Trạng thái</th><th scope="col">Chi tiết và cách khắc phục</th><th scope="col">Căn cứ</th></tr></thead><tbody>
${items}
</tbody></table></div>`,
        externalCss,
      ),
    );
  }
  return files;
}
