/**
 * Static HTML report: a ranking table (in rank order without JavaScript; `sort.js`, a small
 * external file, makes the headers sortable), charts as inline SVG, and one page per site
 * with every criterion's points, evidence and legal basis. No external assets.
 */
import type { RankingReport, SiteRanking } from './schema.ts';
import { formatDateVi } from '../../util/dates.ts';
import { barChart, shareChart } from './svg.ts';
import { LEVEL_SHORT_NAMES } from '../../schemas/level.ts';

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
    manifest: 'có bản kê chuyên mục của trang',
    pagesRead: 'Các trang đã đọc',
    address: 'Địa chỉ',
    verificationLabel: 'Mức xác minh',
    scan: {
      ok: 'truy cập được',
      timeout: 'quá thời gian chờ',
      dns: 'không phân giải được tên miền',
      tls: 'lỗi chứng chỉ bảo mật',
      connection: 'không kết nối được',
      'http-error': 'máy chủ báo lỗi',
      'too-large': 'trang quá lớn',
      'too-many-redirects': 'chuyển hướng vòng quanh',
      'blocked-by-robots': 'robots.txt không cho phép',
      'invalid-url': 'địa chỉ không hợp lệ',
      'not-fetched': 'chưa tải',
      error: 'lỗi khác',
    },
    steps_: {
      robots: 'Tệp robots.txt',
      home: 'Trang chủ',
      manifest: 'Bản kê chuyên mục',
      sitemap: 'Tệp sitemap.xml',
      feeds: 'Kênh RSS',
      pages: 'Các trang',
      'annual-report': 'Báo cáo thường niên',
      assets: 'Tệp của trang chủ',
    },
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
    manifest: 'site list of sections read',
    pagesRead: 'Pages read',
    address: 'Address',
    verificationLabel: 'Verification',
    scan: {
      ok: 'reachable',
      timeout: 'timed out',
      dns: 'domain not found',
      tls: 'certificate error',
      connection: 'connection failed',
      'http-error': 'server error',
      'too-large': 'page too large',
      'too-many-redirects': 'redirect loop',
      'blocked-by-robots': 'blocked by robots.txt',
      'invalid-url': 'invalid address',
      'not-fetched': 'not fetched',
      error: 'other error',
    },
    steps_: {
      robots: 'robots.txt',
      home: 'Home page',
      manifest: 'Section list',
      sitemap: 'sitemap.xml',
      feeds: 'RSS feeds',
      pages: 'Pages',
      'annual-report': 'Annual report',
      assets: 'Home page files',
    },
  },
} as const;

const CSS = `*{box-sizing:border-box}body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:80rem;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #c8ccd2;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}a{color:#0b4f8a}a,q,td,li{overflow-wrap:anywhere}
.pass{background:#e3f4e5}.partial{background:#fff1cc}.fail{background:#fbe3e1}.not-applicable{color:#555}
.charts{display:flex;flex-wrap:wrap;gap:2rem}figure{margin:0;max-width:100%}svg{max-width:100%;height:auto}th button{font:inherit;background:none;border:0;padding:0;cursor:pointer;text-decoration:underline dotted}
small{color:#444}ul.ev{margin:0;padding-left:1.1rem}
@media (max-width:48rem){table,thead,tbody,tr,th,td{display:block;width:100%}thead tr{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
tr{border:1px solid #c8ccd2;margin:0 0 .75rem}th,td{border:0;border-bottom:1px solid #e3e6ea}td.num{text-align:left}
td[data-label]::before,th[data-label]::before{content:attr(data-label) ": ";font-weight:600}}`;

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
        `<tr><td class="num" data-label="${t.rank}" data-value="${s.rank}">${s.rank}</td><th scope="row" data-label="${t.school}"><a href="${sitePageName(s)}">${esc(s.name)}</a><br><small>${esc(s.domain)}</small></th><td data-label="${t.unit}">${esc(s.unit ?? '')}</td><td data-label="${t.levels}">${esc(s.levels.map(levelName).join(', '))}</td><td class="num" data-label="${t.score}" data-value="${s.score}">${s.score.toFixed(1)}</td><td data-label="${t.band}" data-value="${s.score}">${esc(s.band.label[lang])}</td><td data-label="${t.status}">${esc(t.scan[s.scan.status])}</td>${cats
          .map((c) => {
            const x = s.categories.find((y) => y.id === c.id);
            return `<td class="num" data-label="${esc(`${c.id}. ${c.title[lang]}`)}" data-value="${x?.points ?? 0}">${x ? `${x.points.toFixed(1)}` : ''}</td>`;
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
<div><table class="sortable"><thead><tr><th scope="col" data-type="num">${t.rank}</th><th scope="col">${t.school}</th><th scope="col">${t.unit}</th><th scope="col">${t.levels}</th><th scope="col" data-type="num">${t.score}</th><th scope="col" data-type="num">${t.band}</th><th scope="col">${t.status}</th>${catHeads}</tr></thead><tbody>
${rows}
</tbody></table></div>
<h2>${t.criteria}</h2><ul>${cats.map((c) => `<li><strong>${esc(c.id)}</strong> ${esc(c.title[lang])}: ${c.weight}</li>`).join('')}</ul>`,
      true,
    ),
  );
  for (const s of report.sites) files.set(sitePageName(s), sitePage(report, s, lang));
  return files;
}

const LEVEL_NAMES: Record<string, string> = LEVEL_SHORT_NAMES;
const levelName = (l: string) => LEVEL_NAMES[l] ?? l;

/** A crawl step in plain words: "robots.txt: không có tệp (được duyệt mọi trang)", never "http-error allow-all". */
function stepNote(st: SiteRanking['scan']['steps'][number], lang: Lang): string {
  const vi = lang === 'vi';
  const d = st.detail ?? '';
  switch (st.step) {
    case 'robots':
      if (d === 'allow-all') return vi ? 'không có tệp robots.txt: được duyệt mọi trang' : 'no robots.txt: every page may be crawled';
      if (d === 'disallow-all') return vi ? 'không đọc được robots.txt: không duyệt trang nào' : 'robots.txt unreadable: nothing crawled';
      return vi ? 'có tệp robots.txt, đã tuân theo' : 'robots.txt found and followed';
    case 'manifest':
      return st.status === 'ok'
        ? vi
          ? 'có bản kê chuyên mục'
          : 'section list found'
        : vi
          ? 'không có (trang không dựng bằng Cổng Trường)'
          : 'none';
    case 'sitemap': {
      const n = Number(/^(\d+)/.exec(d)?.[1] ?? 0);
      return n > 0
        ? vi
          ? `${n} tệp sitemap.xml hợp lệ`
          : `${n} valid sitemap file(s)`
        : vi
          ? 'không có tệp sitemap.xml hợp lệ'
          : 'no valid sitemap.xml';
    }
    case 'feeds': {
      const n = Number(/^(\d+)/.exec(d)?.[1] ?? 0);
      return vi ? `${n} kênh RSS được liên kết` : `${n} feed(s) linked`;
    }
    case 'pages': {
      const m = /^(\d+) page\(s\), (\d+) error\(s\), stop: (\w+)/.exec(d);
      if (!m) return '';
      const stop = vi
        ? { done: 'đã duyệt hết', budget: 'đạt giới hạn số trang', deadline: 'hết thời gian', failed: 'dừng' }
        : { done: 'all crawled', budget: 'page limit', deadline: 'time limit', failed: 'stopped' };
      return vi
        ? `${m[1]} trang, ${m[2]} lỗi; ${stop[m[3] as keyof typeof stop] ?? ''}`
        : `${m[1]} page(s), ${m[2]} error(s); ${stop[m[3] as keyof typeof stop] ?? ''}`;
    }
    case 'annual-report':
      return st.url ? '' : vi ? 'không có liên kết báo cáo thường niên' : 'no annual report link';
    case 'assets': {
      const m = /^(\d+) of (\d+)/.exec(d);
      return m ? (vi ? `đã đo ${m[1]}/${m[2]} tệp` : `${m[1]} of ${m[2]} file(s) measured`) : '';
    }
    default:
      return '';
  }
}

function sitePage(report: RankingReport, s: SiteRanking, lang: Lang): string {
  const t = T[lang];
  const meta = new Map(report.criteria.criteria.map((c) => [c.id, c]));
  const catTitle = new Map(report.criteria.categories.map((c) => [c.id, c.title[lang]]));
  const rows = s.criteria
    .map((c) => {
      const m = meta.get(c.id)!;
      const basis = m.basis.map((b) => esc(b.article ? `${b.number}, ${b.article}` : b.number)).join('; ');
      return `<tr class="${c.status}"><th scope="row" data-label="${t.criterion}">${esc(c.id)}</th><td data-label="${t.criterion}">${esc(m.title[lang])}<br><small>${esc(catTitle.get(c.category) ?? c.category)}</small></td><td class="num" data-label="${t.points}">${c.points.toFixed(1)} / ${c.max.toFixed(1)}</td><td data-label="${t.detail}">${t.status_[c.status]}: ${esc(c.detail[lang])}${evidenceList(c.evidence)}</td><td data-label="${t.basis}">${basis ? `${basis}<br>` : ''}<small>${t.verificationLabel}: ${t.verification[m.verification]}</small></td></tr>`;
    })
    .join('\n');
  const steps = s.scan.steps
    .map(
      (st) =>
        `<tr><th scope="row" data-label="${t.step}">${esc(t.steps_[st.step])}</th><td data-label="${t.status}">${esc(t.scan[st.status])}</td><td data-label="${t.address}">${st.url ? `<a href="${esc(st.url)}" rel="nofollow noopener">${esc(st.url)}</a>` : ''}</td><td data-label="${t.note}">${esc(stepNote(st, lang))}</td></tr>`,
    )
    .join('\n');
  const pagesRead = s.scan.pagesRead ?? [];
  return page(
    lang,
    `${s.name}: ${s.score.toFixed(1)}`,
    `<p><a href="index.html">${t.back}</a></p>
<h1>${esc(s.name)}</h1>
<p><a href="${esc(s.url)}" rel="nofollow noopener">${esc(s.url)}</a>${s.unit ? ` · ${esc(s.unit)}` : ''} · ${esc(s.levels.map(levelName).join(', '))}</p>
${`<p><strong>${t.score}: ${s.score.toFixed(1)} / 100 · ${t.band}: ${esc(s.band.label[lang])} · ${t.rank}: ${s.rank}</strong> · ${t.status}: ${esc(t.scan[s.scan.status])}${s.scan.manifest ? ` · ${t.manifest}` : ''}</p>`}
<table><thead><tr><th scope="col">#</th><th scope="col">${t.criterion}</th><th scope="col">${t.points}</th><th scope="col">${t.detail} · ${t.evidence}</th><th scope="col">${t.basis}</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>${t.steps}</h2>
<table><thead><tr><th scope="col">${t.step}</th><th scope="col">${t.status}</th><th scope="col">${t.address}</th><th scope="col">${t.note}</th></tr></thead><tbody>
${steps}
</tbody></table>
<h2>${t.pagesRead} (${pagesRead.length})</h2>
<ol class="ev">${pagesRead.map((u) => `<li><a href="${esc(u)}" rel="nofollow noopener">${esc(u)}</a></li>`).join('')}</ol>`,
    false,
  );
}
