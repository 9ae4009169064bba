/**
 * Static HTML report: a ranking table (in rank order without JavaScript; `sort.js`, a small
 * external file, makes the headers sortable), charts as inline SVG, and one page per site
 * with every criterion's points, evidence and legal basis. No external assets.
 */
import type { RankingReport, SiteRanking } from './schema.ts';
import { formatDateVi } from '../../util/dates.ts';
import { barChart, shareChart } from './svg.ts';

type Lang = 'vi' | 'en';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const T = {
  vi: {
    title: 'Xếp hạng cổng thông tin điện tử các trường',
    date: 'Ngày chấm',
    schoolYear: 'năm học',
    crawled: 'dữ liệu thu thập ngày',
    criteria: 'Bộ tiêu chí',
    rank: 'Hạng',
    school: 'Trường',
    unit: 'Đơn vị',
    levels: 'Cấp học',
    score: 'Điểm',
    band: 'Xếp loại',
    status: 'Trạng thái quét',
    distribution: 'Phân bố xếp loại',
    breakdown: 'Tỷ lệ điểm trung bình theo nhóm tiêu chí',
    sites: 'trường',
    back: 'Bảng xếp hạng',
    criterion: 'Tiêu chí',
    points: 'Điểm đạt',
    detail: 'Kết quả',
    evidence: 'Bằng chứng',
    basis: 'Căn cứ / nguồn',
    steps: 'Các bước quét',
    step: 'Bước',
    note: 'Ghi chú',
    noJs: 'Bảng xếp theo hạng; bấm tiêu đề cột để sắp xếp (cần JavaScript).',
    verification: {
      verified: 'căn cứ đã xác minh',
      partial: 'căn cứ xác minh một phần',
      unverified: 'chưa xác minh',
      'local-practice': 'thực tiễn địa phương',
    },
    status_: { pass: 'Đạt', partial: 'Đạt một phần', fail: 'Không đạt', 'not-applicable': 'Không áp dụng' },
    manifest: 'đọc từ cong-truong.json',
  },
  en: {
    title: 'Ranking of school web portals',
    date: 'Scoring date',
    schoolYear: 'school year',
    crawled: 'crawled on',
    criteria: 'Criteria',
    rank: 'Rank',
    school: 'School',
    unit: 'Unit',
    levels: 'Levels',
    score: 'Score',
    band: 'Grade',
    status: 'Scan status',
    distribution: 'Distribution of grades',
    breakdown: 'Mean share of points per category',
    sites: 'sites',
    back: 'Ranking',
    criterion: 'Criterion',
    points: 'Points',
    detail: 'Result',
    evidence: 'Evidence',
    basis: 'Basis / source',
    steps: 'Scan steps',
    step: 'Step',
    note: 'Note',
    noJs: 'The table is in rank order; click a column header to sort (needs JavaScript).',
    verification: {
      verified: 'verified basis',
      partial: 'partly verified basis',
      unverified: 'unverified',
      'local-practice': 'local practice',
    },
    status_: { pass: 'Pass', partial: 'Partial', fail: 'Fail', 'not-applicable': 'N/A' },
    manifest: 'read from cong-truong.json',
  },
} as const;

const CSS = `body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse}th,td{border:1px solid #c8ccd2;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}a{color:#0b4f8a}
.pass{background:#e3f4e5}.partial{background:#fff1cc}.fail{background:#fbe3e1}.not-applicable{color:#555}
.charts{display:flex;flex-wrap:wrap;gap:2rem}figure{margin:0}th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
small{color:#444}ul.ev{margin:0;padding-left:1.1rem}`;

/** Progressive enhancement: sortable headers. Kept out of the HTML for strict CSPs. */
export const SORT_JS = `// Sorts tables marked class="sortable" by the clicked column; rows keep data-value attributes.
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('thead th');
  heads.forEach(function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var numeric = th.getAttribute('data-type') === 'num';
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-value') || a.cells[col].textContent;
        var y = b.cells[col].getAttribute('data-value') || b.cells[col].textContent;
        var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'vi');
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

function page(lang: Lang, title: string, body: string, script: boolean): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><link rel="stylesheet" href="report.css">${script ? '<script src="sort.js" defer></script>' : ''}</head>
<body><main>
${body}
</main></body>
</html>
`;
}

export const sitePageName = (s: { id: string }) => `site-${s.id.replace(/[^a-z0-9.-]/gi, '-')}.html`;

function evidenceList(ev: { url?: string | undefined; text?: string | undefined }[]): string {
  if (ev.length === 0) return '';
  return `<ul class="ev">${ev
    .map((e) => {
      const link = e.url && /^https?:/.test(e.url) ? `<a href="${esc(e.url)}" rel="nofollow noopener">${esc(e.url)}</a>` : esc(e.url ?? '');
      return `<li>${link}${e.text ? `${link ? ': ' : ''}<q>${esc(e.text)}</q>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

export function formatHtml(report: RankingReport, lang: Lang = 'vi'): Map<string, string> {
  const t = T[lang];
  const files = new Map<string, string>();
  files.set('report.css', `${CSS}\n`);
  files.set('sort.js', SORT_JS);
  const head = `<p>${t.date}: ${esc(formatDateVi(report.date))} (${t.schoolYear} ${esc(report.schoolYear)}), ${t.crawled} ${esc(formatDateVi(report.crawledOn))}. ${t.criteria}: ${esc(report.criteria.title[lang])}.</p>`;
  const cats = report.criteria.categories;
  const rows = report.sites
    .map(
      (s) =>
        `<tr><td class="num" data-value="${s.rank}">${s.rank}</td><th scope="row"><a href="${sitePageName(s)}">${esc(s.name)}</a><br><small>${esc(s.domain)}</small></th><td>${esc(s.unit ?? '')}</td><td>${esc(s.levels.join(', '))}</td><td class="num" data-value="${s.score}">${s.score.toFixed(1)}</td><td data-value="${s.score}">${esc(s.band.label[lang])}</td><td>${esc(s.scan.status)}</td>${cats
          .map((c) => {
            const x = s.categories.find((y) => y.id === c.id);
            return `<td class="num" data-value="${x?.points ?? 0}">${x ? `${x.points.toFixed(1)}` : ''}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const catHeads = cats
    .map((c) => `<th scope="col" data-type="num"><abbr title="${esc(c.title[lang])}">${esc(c.id)}</abbr> (${c.weight})</th>`)
    .join('');
  const dist = barChart(
    t.distribution,
    report.criteria.bands.map((b) => ({ label: b.label[lang], value: report.sites.filter((s) => s.band.id === b.id).length })),
  );
  const breakdown = shareChart(
    t.breakdown,
    cats.map((c) => {
      const shares = report.sites.map((s) => {
        const x = s.categories.find((y) => y.id === c.id);
        return x && x.max > 0 ? x.points / x.max : 0;
      });
      const mean = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
      return { label: `${c.id}. ${c.title[lang]}`, share: mean, text: `${Math.round(mean * 100)}%` };
    }),
    { width: 640 },
  );
  files.set(
    'index.html',
    page(
      lang,
      t.title,
      `<h1>${t.title}</h1>${head}
<div class="charts"><figure>${dist}<figcaption>${t.distribution} (${report.sites.length} ${t.sites})</figcaption></figure><figure>${breakdown}<figcaption>${t.breakdown}</figcaption></figure></div>
<p><small>${t.noJs}</small></p>
<div class="scroll"><table class="sortable"><thead><tr><th scope="col" data-type="num">${t.rank}</th><th scope="col">${t.school}</th><th scope="col">${t.unit}</th><th scope="col">${t.levels}</th><th scope="col" data-type="num">${t.score}</th><th scope="col" data-type="num">${t.band}</th><th scope="col">${t.status}</th>${catHeads}</tr></thead><tbody>
${rows}
</tbody></table></div>
<h2>${t.criteria}</h2><ul>${cats.map((c) => `<li><strong>${esc(c.id)}</strong> ${esc(c.title[lang])}: ${c.weight} <small>(${esc(c.source)})</small></li>`).join('')}</ul>`,
      true,
    ),
  );
  for (const s of report.sites) files.set(sitePageName(s), sitePage(report, s, lang));
  return files;
}

function sitePage(report: RankingReport, s: SiteRanking, lang: Lang): string {
  const t = T[lang];
  const meta = new Map(report.criteria.criteria.map((c) => [c.id, c]));
  const catTitle = new Map(report.criteria.categories.map((c) => [c.id, c.title[lang]]));
  const rows = s.criteria
    .map((c) => {
      const m = meta.get(c.id)!;
      const basis = m.basis.map((b) => esc(b.article ? `${b.number}, ${b.article}` : b.number)).join('; ');
      return `<tr class="${c.status}"><th scope="row">${esc(c.id)}</th><td>${esc(m.title[lang])}<br><small>${esc(catTitle.get(c.category) ?? c.category)}</small></td><td class="num">${c.points.toFixed(1)} / ${c.max.toFixed(1)}</td><td>${t.status_[c.status]}: ${esc(c.detail[lang])}${evidenceList(c.evidence)}</td><td>${basis ? `${basis}<br>` : ''}<small>${esc(m.source)} · ${t.verification[m.verification]}</small></td></tr>`;
    })
    .join('\n');
  const steps = s.scan.steps
    .map(
      (st) =>
        `<tr><th scope="row">${esc(st.step)}</th><td>${esc(st.status)}</td><td>${esc(st.url ?? '')}</td><td>${esc(st.detail ?? '')}</td></tr>`,
    )
    .join('\n');
  return page(
    lang,
    `${s.name}: ${s.score.toFixed(1)}`,
    `<p><a href="index.html">${t.back}</a></p>
<h1>${esc(s.name)}</h1>
<p><a href="${esc(s.url)}" rel="nofollow noopener">${esc(s.url)}</a>${s.unit ? ` · ${esc(s.unit)}` : ''} · ${esc(s.levels.join(', '))}</p>
${`<p><strong>${t.score}: ${s.score.toFixed(1)} / 100 · ${t.band}: ${esc(s.band.label[lang])} · ${t.rank}: ${s.rank}</strong> · ${t.status}: ${esc(s.scan.status)}${s.scan.manifest ? ` · ${t.manifest}` : ''}</p>`}
<div class="scroll"><table><thead><tr><th scope="col">#</th><th scope="col">${t.criterion}</th><th scope="col">${t.points}</th><th scope="col">${t.detail} · ${t.evidence}</th><th scope="col">${t.basis}</th></tr></thead><tbody>
${rows}
</tbody></table></div>
<h2>${t.steps}</h2>
<div class="scroll"><table><thead><tr><th scope="col">${t.step}</th><th scope="col">${t.status}</th><th scope="col">URL</th><th scope="col">${t.note}</th></tr></thead><tbody>
${steps}
</tbody></table></div>`,
    false,
  );
}
