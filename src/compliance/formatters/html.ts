/**
 * HTML report for the hosting unit, built to follow hundreds of schools:
 * - `index.html`: one summary row per school (errors, warnings, the next legal deadline, its
 *   commune or ward), with filters by level, status and commune and sortable columns;
 * - `<school>.html`: what a school must fix, in plain Vietnamese, with the legal basis, then what
 *   it already does right;
 * - `ma-tran.html`: the schools × rules matrix, as a detail view.
 * The pages work without scripts (everything shown, worst first). Self-contained by default, so
 * the report can be mailed; with `externalCss` (published on the host portal under a strict
 * Content-Security-Policy) styles and the filter script are files (`report.css`, `report.js`).
 */
import type { ComplianceReport, SiteResult } from '../report.ts';
import { verificationNote } from './labels.ts';
import { LEVEL_SHORT_NAMES } from '../../schemas/level.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STATUS = {
  pass: { text: 'Đạt', cls: 'pass' },
  'not-applicable': { text: 'Không áp dụng', cls: 'na' },
  error: { text: 'Lỗi', cls: 'error' },
  warning: { text: 'Cảnh báo', cls: 'warning' },
  info: { text: 'Gợi ý', cls: 'info' },
} as const;
const LEVELS: Record<string, string> = LEVEL_SHORT_NAMES;
/** A school's overall state, worst first. */
const SITE_STATUS = {
  error: { text: 'Có lỗi', order: 0 },
  warning: { text: 'Có cảnh báo', order: 1 },
  ok: { text: 'Đạt', order: 2 },
} as const;

const CSS = `body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse}th,td{border:1px solid #c8ccd2;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}.pass{background:#e3f4e5}.error{background:#fbe3e1}.warning{background:#fff1cc}.info{background:#e6eefb}.na{color:#555}
.scroll{overflow-x:auto}a{color:#0b4f8a}.num{text-align:right}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end;margin:1rem 0}
.filters label{display:flex;flex-direction:column;font-weight:600}.filters select,.filters button{font:inherit;padding:.25rem .4rem}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:left}
.finding{margin:.25rem 0 1rem}.finding h3{margin:.5rem 0 .25rem;font-size:1.05rem}.basis{color:#4a4a4a;font-size:.95rem}
[hidden]{display:none!important}
@media (max-width:40rem){.summary thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.summary,.summary tbody,.summary tr,.summary td,.summary th{display:block}.summary tr{border:1px solid #c8ccd2;border-radius:6px;margin-bottom:.75rem;padding:.4rem .6rem}
.summary td,.summary th{border:0;padding:.1rem 0;background:none}.summary td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}`;

/** Filters and sorting of the summary table, loaded as `report.js` on the published dashboard. */
const SCRIPT = `const form=document.querySelector('[data-filters]');const body=document.querySelector('.summary tbody');
if(form&&body){const rows=[...body.rows];const out=form.querySelector('output');
const apply=()=>{let n=0;for(const r of rows){const ok=[...form.querySelectorAll('select')].every(s=>!s.value||r.dataset[s.name]===s.value);r.hidden=!ok;if(ok)n++}out.textContent=n+' / '+rows.length+' trường'};
form.addEventListener('change',apply);form.addEventListener('submit',e=>{e.preventDefault();apply()});form.hidden=false;apply();
for(const b of document.querySelectorAll('.summary th button')){b.addEventListener('click',()=>{const k=b.dataset.sort;const th=b.closest('th');
const asc=th.getAttribute('aria-sort')!=='ascending';for(const o of document.querySelectorAll('.summary th[aria-sort]'))o.removeAttribute('aria-sort');th.setAttribute('aria-sort',asc?'ascending':'descending');
const v=r=>r.querySelector('[data-key="'+k+'"]').dataset.value;rows.sort((a,b)=>{const x=v(a),y=v(b);const c=/^-?\\d+$/.test(x)&&/^-?\\d+$/.test(y)?x-y:x.localeCompare(y,'vi');return asc?c:-c});body.append(...rows)})}}
`;

function page(title: string, body: string, externalCss: boolean, script = false): string {
  // On a site with a strict Content-Security-Policy the styles must come from a file.
  const style = externalCss ? '<link rel="stylesheet" href="report.css">' : `<style>${CSS}</style>`;
  const js = script && externalCss ? '<script type="module" src="report.js"></script>' : '';
  return `<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>${style}${js}</head>\n<body><main>\n${body}\n</main></body>\n</html>\n`;
}

function statusOf(r: SiteResult['results'][number]) {
  return r.status === 'fail' ? STATUS[r.severity] : STATUS[r.status];
}

export const siteFileName = (site: SiteResult) => `${site.id.replace(/[^a-z0-9.-]/gi, '-')}.html`;

const siteStatus = (s: SiteResult): keyof typeof SITE_STATUS =>
  s.summary.errors > 0 ? 'error' : s.summary.warnings > 0 ? 'warning' : 'ok';

/** `dd/mm/yyyy` of an ISO date. */
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The next recurring legal deadline of a school after `date`, among the rules that apply to it:
 * công khai and the annual report before 30/6 (CK-001, CK-008, TT 09/2024 Điều 15 khoản 1), for
 * mầm non the monthly plan before the 25th and the weekly plan and menu before Saturday
 * (CK-011), for schools serving meals the menu before Saturday (CK-012).
 */
export function nextDeadline(site: SiteResult, date: string): { date: string; what: string } {
  const applies = (id: string) => site.results.some((r) => r.ruleId === id && r.status !== 'not-applicable');
  const y = Number(date.slice(0, 4));
  const june = date <= `${y}-06-30` ? `${y}-06-30` : `${y + 1}-06-30`;
  const candidates = [{ date: june, what: 'công khai năm học và báo cáo thường niên' }];
  // The coming Saturday (a week later when today is Saturday: today's deadline is being met).
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const saturday = addDays(date, (6 - weekday + 7) % 7 || 7);
  if (applies('CK-011')) {
    const day = Number(date.slice(8, 10));
    const month = `${date.slice(0, 7)}-25`;
    const nextMonth = addDays(`${date.slice(0, 7)}-01`, 32).slice(0, 7);
    candidates.push({ date: day < 25 ? month : `${nextMonth}-25`, what: 'kế hoạch giáo dục tháng sau' });
    candidates.push({ date: saturday, what: 'kế hoạch tuần và thực đơn tuần sau' });
  } else if (applies('CK-012')) candidates.push({ date: saturday, what: 'thực đơn tuần sau' });
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0]!;
}

/** The commune or ward (xã, phường, thị trấn, đặc khu) named in an address, if any. */
export function communeOf(address: string | undefined): string | undefined {
  return address
    ?.split(',')
    .map((p) => p.trim())
    .find((p) => /^(xã|phường|thị trấn|đặc khu)\s/i.test(p));
}

export interface HtmlReportOptions {
  /** Write styles and the filter script as files (for a strict Content-Security-Policy). */
  externalCss?: boolean;
  /** Postal address of each school by site id, for the commune or ward column. */
  addresses?: Record<string, string>;
}

/**
 * File name → content: `index.html`, `ma-tran.html` and one page per site; with `externalCss`,
 * also `report.css` and `report.js`.
 */
export function formatHtml(report: ComplianceReport, opts: HtmlReportOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const externalCss = opts.externalCss ?? false;
  if (externalCss) {
    files.set('report.css', `${CSS}\n`);
    files.set('report.js', SCRIPT);
  }
  const head = `<p>Ngày kiểm tra: ${esc(vnDate(report.date))} (năm học ${esc(report.schoolYear)}) · bộ quy tắc: ${esc(report.preset)}</p>`;
  const sites = [...report.sites].sort(
    (a, b) =>
      SITE_STATUS[siteStatus(a)].order - SITE_STATUS[siteStatus(b)].order ||
      b.summary.errors - a.summary.errors ||
      b.summary.warnings - a.summary.warnings ||
      (a.name ?? a.id).localeCompare(b.name ?? b.id, 'vi'),
  );
  const commune = (s: SiteResult) => communeOf(opts.addresses?.[s.id]) ?? '';
  const options = (values: string[], label: (v: string) => string) =>
    ['<option value="">Tất cả</option>', ...values.map((v) => `<option value="${esc(v)}">${esc(label(v))}</option>`)].join('');
  const levels = [...new Set(sites.flatMap((s) => s.levels))].filter((l) => l in LEVELS);
  const communes = [...new Set(sites.map(commune).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
  const filters = `<form class="filters" data-filters hidden>
<label>Cấp học<select name="level">${options(levels, (l) => LEVELS[l] ?? l)}</select></label>
<label>Tình trạng<select name="status">${options(Object.keys(SITE_STATUS), (k) => SITE_STATUS[k as keyof typeof SITE_STATUS].text)}</select></label>
${communes.length > 0 ? `<label>Xã, phường<select name="commune">${options(communes, (c) => c)}</select></label>` : ''}
<button type="submit">Lọc</button><output></output></form>`;
  const sortable = (key: string, label: string) => `<th scope="col"><button type="button" data-sort="${key}">${label}</button></th>`;
  const rows = sites
    .map((s) => {
      const st = siteStatus(s);
      const next = nextDeadline(s, report.date);
      const levelNames = s.levels.map((l) => LEVELS[l] ?? l).join(', ');
      return `<tr data-level="${esc(s.levels[0] ?? '')}" data-status="${st}" data-commune="${esc(commune(s))}">
<th scope="row" data-key="name" data-value="${esc(s.name ?? s.id)}"><a href="${siteFileName(s)}">${esc(s.name ?? s.id)}</a></th>
<td data-label="Cấp học">${esc(levelNames)}</td><td data-label="Xã, phường">${esc(commune(s)) || '–'}</td>
<td class="num ${s.summary.errors ? 'error' : ''}" data-label="Lỗi" data-key="errors" data-value="${s.summary.errors}">${s.summary.errors}</td>
<td class="num ${s.summary.warnings ? 'warning' : ''}" data-label="Cảnh báo" data-key="warnings" data-value="${s.summary.warnings}">${s.summary.warnings}</td>
<td data-label="Hạn sắp tới" data-key="deadline" data-value="${next.date}">trước <time datetime="${next.date}">${vnDate(next.date)}</time>: ${esc(next.what)}</td>
<td data-label="Tình trạng">${SITE_STATUS[st].text}</td></tr>`;
    })
    .join('\n');
  const counts = Object.fromEntries(Object.keys(SITE_STATUS).map((k) => [k, sites.filter((s) => siteStatus(s) === k).length]));
  files.set(
    'index.html',
    page(
      'Báo cáo tuân thủ cổng thông tin các trường',
      `<h1>Báo cáo tuân thủ cổng thông tin các trường</h1>${head}
<p>${sites.length} trường: ${counts.error} trường có lỗi, ${counts.warning} trường chỉ có cảnh báo, ${counts.ok} trường đạt. Trường có lỗi đứng trước; bấm tên trường để xem cần sửa gì.</p>
${filters}
<div class="scroll"><table class="summary"><caption>Tình trạng tuân thủ của từng trường</caption><thead><tr>${sortable('name', 'Trường')}<th scope="col">Cấp học</th><th scope="col">Xã, phường</th>${sortable('errors', 'Lỗi')}${sortable('warnings', 'Cảnh báo')}${sortable('deadline', 'Hạn sắp tới')}<th scope="col">Tình trạng</th></tr></thead><tbody>
${rows}
</tbody></table></div>
<p><a href="ma-tran.html">Bảng chi tiết: trạng thái từng quy tắc theo trường</a></p>`,
      externalCss,
      true,
    ),
  );

  const matrixRows = sites
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
    'ma-tran.html',
    page(
      'Trạng thái từng quy tắc theo trường',
      `<p><a href="index.html">Tất cả các trường</a></p><h1>Trạng thái từng quy tắc theo trường</h1>${head}
<div class="scroll"><table><caption>Trạng thái từng quy tắc theo trường</caption><thead><tr><th scope="col">Trường</th><th scope="col">Lỗi</th><th scope="col">Cảnh báo</th>${ruleHeads}</tr></thead><tbody>
${matrixRows}
</tbody></table></div>
<h2>Quy tắc</h2><ul>${report.rules.map((r) => `<li><strong>${esc(r.id)}</strong>: ${esc(r.title.vi)} ${esc(verificationNote(r.verification, 'vi'))}</li>`).join('')}</ul>`,
      externalCss,
    ),
  );

  const rules = new Map(report.rules.map((r) => [r.id, r]));
  for (const s of report.sites) {
    const basisOf = (ruleId: string) => {
      const rule = rules.get(ruleId)!;
      return `${rule.citations.map((c) => esc(c.article ? `${c.number}, ${c.article}` : c.number)).join('; ')} ${esc(verificationNote(rule.verification, 'vi'))}`;
    };
    const failing = s.results
      .filter((r) => r.status === 'fail')
      .sort((a, b) => ['error', 'warning', 'info'].indexOf(a.severity) - ['error', 'warning', 'info'].indexOf(b.severity));
    const findings = failing
      .map((r) => {
        const rule = rules.get(r.ruleId)!;
        const st = statusOf(r);
        const list = r.findings
          .map((f) => `<li>${esc(f.message.vi)}${f.file || f.url ? ` <small>(${esc(f.file ?? f.url ?? '')})</small>` : ''}</li>`)
          .join('');
        return `<section class="finding"><h3><span class="${st.cls}">${st.text}</span> ${esc(rule.title.vi)}</h3>${list ? `<ul>${list}</ul>` : ''}<p><strong>Cách khắc phục:</strong> ${esc(rule.description.vi)}</p><p class="basis">Căn cứ: ${basisOf(r.ruleId)} · mã ${esc(r.ruleId)}</p></section>`;
      })
      .join('\n');
    const passed = s.results
      .filter((r) => r.status === 'pass')
      .map((r) => `<li>${esc(rules.get(r.ruleId)!.title.vi)}</li>`)
      .join('');
    const next = nextDeadline(s, report.date);
    files.set(
      siteFileName(s),
      page(
        `Tuân thủ: ${s.name ?? s.id}`,
        `<p><a href="index.html">Tất cả các trường</a></p><h1>${esc(s.name ?? s.id)}</h1>${head}
<p>${s.summary.errors} lỗi, ${s.summary.warnings} cảnh báo, ${s.summary.infos} gợi ý; ${s.summary.passed} quy tắc đạt. Hạn sắp tới: trước ${vnDate(next.date)}, ${esc(next.what)}.</p>
<h2>Cần sửa</h2>${findings || '<p>Không có gì cần sửa.</p>'}
<h2>Đã đạt</h2>${passed ? `<ul>${passed}</ul>` : '<p>–</p>'}`,
        externalCss,
      ),
    );
  }
  return files;
}
