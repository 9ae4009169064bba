/**
 * Criteria × signals → points. A criterion scores between 0 and 1 (partial credit where the
 * signal is a share, e.g. 5 of 8 công khai items); the category's points are its weight times
 * the weighted mean of its applicable criteria, and the total is out of 100 (rescaled when a
 * whole category does not apply). Pure: same signals, criteria and date, same scores.
 */
import type { SectionKey } from '../site/facts.ts';
import { RULES } from '../compliance/rules/index.ts';
import type { Localized } from '../errors/content-issue.ts';
import { DISCLOSURE_ITEMS } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';
import type { Band, CriteriaFile, Criterion } from './criteria.ts';
import type { Evidence, SiteSignals } from './signals/index.ts';
import { daysBetween } from './signals/dates.ts';

export interface CriterionOutcome {
  /** 0…1, or null when the criterion does not apply. */
  score: number | null;
  detail: Localized;
  evidence: Evidence[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Names of the sections as a visitor reads them (never the internal keys). */
export const SECTION_NAMES: Record<SectionKey, Localized> = {
  'gioi-thieu': { vi: 'Giới thiệu', en: 'About' },
  'lich-su': { vi: 'Lịch sử', en: 'History' },
  'co-cau-to-chuc': { vi: 'Cơ cấu tổ chức', en: 'Organisation' },
  'chuc-nang-nhiem-vu': { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' },
  'lien-he': { vi: 'Liên hệ', en: 'Contact' },
  'tin-tuc': { vi: 'Tin tức', en: 'News' },
  'van-ban': { vi: 'Văn bản', en: 'Documents' },
  'tuyen-sinh': { vi: 'Tuyển sinh', en: 'Admissions' },
  'cong-khai': { vi: 'Công khai', en: 'Disclosure' },
  'bieu-mau': { vi: 'Biểu mẫu', en: 'Forms' },
  'lay-y-kien': { vi: 'Lấy ý kiến góp ý', en: 'Consultation' },
  lich: { vi: 'Lịch công tác, thời khóa biểu', en: 'Calendar, timetable' },
  'hoc-lieu': { vi: 'Học liệu', en: 'Learning resources' },
  'so-do-cong': { vi: 'Sơ đồ cổng', en: 'Site map' },
  'tim-kiem': { vi: 'Tìm kiếm', en: 'Search' },
};
const names = (keys: readonly SectionKey[], lang: 'vi' | 'en') => keys.map((k) => SECTION_NAMES[k][lang]).join(', ');
const SOURCE_NAMES: Record<string, Localized> = {
  manifest: { vi: 'bản kê của trang', en: 'site list' },
  rss: { vi: 'kênh RSS', en: 'RSS' },
  page: { vi: 'trang tin', en: 'article' },
  listing: { vi: 'danh sách tin', en: 'listing' },
  sitemap: { vi: 'sitemap.xml', en: 'sitemap.xml' },
};
const postText = (x: { date: string; source: string }) => `${x.date} (${SOURCE_NAMES[x.source]?.vi ?? x.source})`;
/** "(đã đọc N trang)": where the reader looked when it found nothing. */
const readCount = (s: SiteSignals): Localized => ({
  vi: `đã đọc ${s.looked?.pages.length ?? s.accessibility.pages} trang`,
  en: `${s.looked?.pages.length ?? s.accessibility.pages} page(s) read`,
});
const yesNo = (ok: boolean, vi: [string, string], en: [string, string], evidence: Evidence[] = []): CriterionOutcome => ({
  score: ok ? 1 : 0,
  detail: { vi: ok ? vi[0] : vi[1], en: ok ? en[0] : en[1] },
  evidence,
});
const ev = (e: Evidence | undefined) => (e ? [e] : []);

/** Fraction of the school year elapsed on `date` (September to May, at least one month). */
function schoolYearShare(schoolYear: string, date: string): number {
  const start = `${schoolYear.slice(0, 4)}-09-01`;
  const end = `${schoolYear.slice(5, 9)}-05-31`;
  const total = daysBetween(start, end);
  const gone = Math.min(total, Math.max(30, daysBetween(start, date)));
  return gone / total;
}

export function evaluate(c: Criterion, s: SiteSignals): CriterionOutcome {
  const p = c.params;
  switch (c.signal) {
    case 'https':
      return yesNo(
        s.https.value,
        ['Trang web dùng HTTPS.', 'Trang web không dùng HTTPS.'],
        ['Served over HTTPS.', 'Not served over HTTPS.'],
        s.https.evidence,
      );
    case 'edu-domain':
      return yesNo(
        s.eduVn.value,
        ['Tên miền thuộc edu.vn.', 'Tên miền không thuộc edu.vn.'],
        ['Domain under edu.vn.', 'Domain not under edu.vn.'],
        s.eduVn.evidence,
      );
    case 'footer-fields': {
      const fieldNames: Record<string, [string, string]> = {
        unitName: ['tên đơn vị', 'unit name'],
        responsiblePerson: ['người chịu trách nhiệm', 'responsible person'],
        address: ['địa chỉ', 'address'],
        phone: ['điện thoại', 'phone'],
        email: ['thư điện tử', 'e-mail'],
      };
      const keys = Object.keys(fieldNames);
      const have = keys.filter((k) => s.footer.fields[k]);
      const missing = keys.filter((k) => !s.footer.fields[k]);
      const noFooter = !s.footer.evidence || s.footer.evidence.text === 'không tìm thấy chân trang';
      return {
        score: have.length / keys.length,
        detail: noFooter
          ? { vi: 'Không tìm thấy chân trang trên trang chủ.', en: 'No footer found on the home page.' }
          : {
              vi:
                missing.length === 0
                  ? 'Chân trang đủ 5 thông tin.'
                  : `Không tìm thấy trong chân trang: ${missing.map((k) => fieldNames[k]![0]).join(', ')}.`,
              en:
                missing.length === 0
                  ? 'Footer has all 5 fields.'
                  : `Not found in the footer: ${missing.map((k) => fieldNames[k]![1]).join(', ')}.`,
            },
        evidence: ev(s.footer.evidence),
      };
    }
    case 'school-email': {
      const { own, webmail, other } = s.emails;
      const score = own.length > 0 ? 1 : other.length > 0 ? 0.5 : 0;
      return {
        score,
        detail:
          own.length > 0
            ? { vi: `Thư điện tử trên tên miền của trường: ${own[0]}.`, en: `E-mail on the school's domain: ${own[0]}.` }
            : webmail.length > 0
              ? { vi: `Chỉ có hộp thư miễn phí: ${webmail.join(', ')}.`, en: `Only free webmail: ${webmail.join(', ')}.` }
              : other.length > 0
                ? { vi: `Thư điện tử trên tên miền khác: ${other[0]}.`, en: `E-mail on another domain: ${other[0]}.` }
                : { vi: 'Không tìm thấy địa chỉ thư điện tử.', en: 'No e-mail address found.' },
        evidence: s.emails.evidence.slice(0, 5),
      };
    }
    case 'section': {
      const e = s.sections[p.section!];
      const n = SECTION_NAMES[p.section!];
      const looked = readCount(s);
      return yesNo(
        !!e,
        [
          `Có chuyên mục ${n.vi}.`,
          `Không tìm thấy chuyên mục ${n.vi}: không mục trình đơn hay tiêu đề trang nào gọi tên nó dẫn tới trang có nội dung tương ứng (${looked.vi}).`,
        ],
        [
          `Section ${n.en} found.`,
          `Section ${n.en} not found: no menu item or page heading names it with matching content (${looked.en}).`,
        ],
        ev(e),
      );
    }
    case 'sections': {
      const list = p.sections!;
      const found = list.filter((k) => s.sections[k]);
      const missing = list.filter((k) => !s.sections[k]);
      return {
        score: found.length / list.length,
        detail: {
          vi: missing.length === 0 ? `Có đủ: ${names(list, 'vi')}.` : `Không tìm thấy: ${names(missing, 'vi')} (${readCount(s).vi}).`,
          en: missing.length === 0 ? `All present: ${names(list, 'en')}.` : `Not found: ${names(missing, 'en')} (${readCount(s).en}).`,
        },
        evidence: found.map((k) => s.sections[k]!),
      };
    }
    case 'disclosure-year': {
      const year = p.year === 'due' ? s.dueSchoolYear : s.schoolYear;
      const e = s.disclosure.years[year];
      return yesNo(
        !!e,
        [`Có trang công khai năm học ${year}.`, `Không có trang công khai năm học ${year}.`],
        [`Disclosure page for ${year} found.`, `No disclosure page for ${year}.`],
        ev(e),
      );
    }
    case 'disclosure-items': {
      const year = s.dueSchoolYear;
      const found = s.disclosure.items[year] ?? {};
      const req = s.disclosure.required;
      const have = req.filter((i) => found[i]);
      const missing = req.filter((i) => !found[i]);
      return {
        score: req.length ? have.length / req.length : null,
        detail: {
          vi: `Năm học ${year}: ${have.length}/${req.length} nội dung${missing.length ? `; thiếu: ${missing.map((i) => DISCLOSURE_ITEMS[i].title).join('; ')}` : ''}.`,
          en: `School year ${year}: ${have.length}/${req.length} items${missing.length ? `; missing: ${missing.map((i) => DISCLOSURE_ITEMS[i].titleEn).join('; ')}` : ''}.`,
        },
        evidence: have.map((i) => found[i]!),
      };
    }
    case 'annual-report-pdf': {
      const { link, pdf } = s.annualReport;
      return {
        score: pdf ? 1 : link ? 0.5 : 0,
        detail: pdf
          ? { vi: 'Có báo cáo thường niên dạng PDF.', en: 'Annual report PDF found.' }
          : link
            ? {
                vi: 'Có liên kết báo cáo thường niên nhưng chưa xác nhận được tệp PDF.',
                en: 'Annual report linked, but the PDF could not be confirmed.',
              }
            : { vi: 'Không tìm thấy báo cáo thường niên.', en: 'No annual report found.' },
        evidence: ev(link),
      };
    }
    case 'disclosure-archive': {
      const min = p.min ?? 5;
      const years = Object.keys(s.disclosure.years)
        .filter((y) => y <= s.schoolYear)
        .sort()
        .reverse();
      return {
        score: Math.min(1, years.length / Math.max(1, min)),
        detail: {
          vi: `${years.length} năm học có trang công khai (cần ${min}).`,
          en: `${years.length} school year(s) with disclosures (expected ${min}).`,
        },
        evidence: years.slice(0, min).map((y) => s.disclosure.years[y]!),
      };
    }
    case 'latest-post': {
      const max = p.maxDays ?? 30;
      const newest = s.posts[0];
      if (!newest)
        return {
          score: 0,
          detail: {
            vi: `Không tìm thấy tin bài nào có ngày đăng (${readCount(s).vi}, cùng kênh RSS và sitemap.xml nếu có).`,
            en: `No dated post found (${readCount(s).en}, plus RSS and sitemap.xml when present).`,
          },
          evidence: [],
        };
      const age = daysBetween(newest.date, s.date);
      return {
        score: age <= max ? 1 : age <= 2 * max ? 0.5 : 0,
        detail: { vi: `Tin mới nhất ngày ${newest.date} (${age} ngày trước).`, en: `Latest post on ${newest.date} (${age} days ago).` },
        evidence: [{ url: newest.url, text: postText(newest) }],
      };
    }
    case 'posts-recent': {
      const days = p.days ?? 30;
      const min = Math.max(1, p.min ?? 4);
      const recent = s.posts.filter((x) => daysBetween(x.date, s.date) < days);
      return {
        score: Math.min(1, recent.length / min),
        detail: {
          vi: `${recent.length} tin bài trong ${days} ngày (cần ${min}).`,
          en: `${recent.length} post(s) in ${days} days (expected ${min}).`,
        },
        evidence: recent.slice(0, 5).map((x) => ({ url: x.url, text: postText(x) })),
      };
    }
    case 'posts-school-year': {
      const min = p.min ?? 40;
      const expected = Math.max(1, Math.ceil(p.prorate ? min * schoolYearShare(s.schoolYear, s.date) : min));
      const inYear = s.posts.filter((x) => x.date >= `${s.schoolYear.slice(0, 4)}-08-01`);
      return {
        score: Math.min(1, inYear.length / expected),
        detail: {
          vi: `${inYear.length} tin bài trong năm học ${s.schoolYear} (cần ${expected}${p.prorate ? ` đến ngày ${s.date}, ${min} cả năm` : ''}).`,
          en: `${inYear.length} post(s) in school year ${s.schoolYear} (expected ${expected}${p.prorate ? ` by ${s.date}, ${min} for the year` : ''}).`,
        },
        evidence: inYear.slice(0, 3).map((x) => ({ url: x.url, text: postText(x) })),
      };
    }
    case 'rss':
      return {
        score: s.rss.valid ? 1 : s.rss.linked.length > 0 ? 0.25 : 0,
        detail: s.rss.valid
          ? { vi: `Kênh RSS hợp lệ, ${s.rss.items} mục.`, en: `Valid RSS feed with ${s.rss.items} item(s).` }
          : s.rss.linked.length > 0
            ? { vi: 'Có liên kết RSS nhưng tệp không hợp lệ.', en: 'An RSS feed is linked but is not valid.' }
            : { vi: 'Không có kênh RSS.', en: 'No RSS feed.' },
        evidence: s.rss.valid ? [s.rss.valid] : s.rss.linked.slice(0, 2),
      };
    case 'search':
      return yesNo(
        !!s.search,
        ['Có chức năng tìm kiếm.', 'Không tìm thấy chức năng tìm kiếm.'],
        ['Site search found.', 'No site search found.'],
        ev(s.search),
      );
    case 'html-sitemap':
      return yesNo(
        !!s.htmlSitemap,
        ['Có sơ đồ cổng dạng HTML.', 'Không có sơ đồ cổng dạng HTML.'],
        ['HTML site map found.', 'No HTML site map.'],
        ev(s.htmlSitemap),
      );
    case 'sitemap-xml':
      return yesNo(
        !!s.sitemapXml,
        ['Có sitemap.xml hợp lệ.', 'Không có sitemap.xml hợp lệ.'],
        ['Valid sitemap.xml found.', 'No valid sitemap.xml.'],
        ev(s.sitemapXml),
      );
    case 'viewport':
      return yesNo(
        s.viewport.value,
        ['Có khai báo viewport cho thiết bị di động.', 'Thiếu khai báo viewport cho thiết bị di động.'],
        ['Mobile viewport declared.', 'No mobile viewport.'],
        s.viewport.evidence,
      );
    case 'accessibility': {
      const a = s.accessibility;
      const score = a.pages ? (a.lang + a.alt + a.headings) / 3 : 0;
      return {
        score,
        detail: {
          vi: `${a.pages} trang: khai báo ngôn ngữ ${pct(a.lang)}, ảnh có văn bản thay thế ${pct(a.alt)}, có tiêu đề cấp 1 ${pct(a.headings)}.`,
          en: `${a.pages} page(s): lang ${pct(a.lang)}, images with alt ${pct(a.alt)}, pages with h1 ${pct(a.headings)}.`,
        },
        evidence: a.evidence,
      };
    }
    case 'page-weight': {
      const max = (p.maxKb ?? 3000) * 1024;
      const b = s.pageWeight.bytes;
      const kb = Math.round(b / 1024);
      return {
        score: b === 0 ? 0 : b <= max ? 1 : b <= 2 * max ? 0.5 : 0,
        detail: {
          vi: `Trang chủ nặng ${kb} KB (${s.pageWeight.resources} tệp).`,
          en: `Home page weighs ${kb} KB (${s.pageWeight.resources} file(s)).`,
        },
        evidence: s.pageWeight.evidence,
      };
    }
    case 'broken-links': {
      const n = s.links.broken.length;
      const max = p.max ?? 2;
      return {
        score: s.links.checked === 0 ? 0 : n === 0 ? 1 : n <= max ? 0.5 : 0,
        detail: {
          vi: `${n} liên kết hỏng trong ${s.links.checked} trang đã duyệt.`,
          en: `${n} broken link(s) among ${s.links.checked} page(s) crawled.`,
        },
        evidence: s.links.broken.slice(0, 10),
      };
    }
    case 'compliance-rule': {
      const r = s.compliance?.results.find((x) => x.ruleId === p.rule);
      const title = RULES.find((x) => x.id === p.rule)?.title ?? { vi: '', en: '' };
      if (!r || r.status === 'not-applicable')
        return { score: null, detail: { vi: `Không áp dụng: ${title.vi}.`, en: `Does not apply: ${title.en}.` }, evidence: [] };
      const f = r.findings;
      // Nothing found is a finding: say where the reader looked.
      if (r.status !== 'pass' && p.rule === 'SEC-002' && f.some((x) => x.messageKey === 'none')) {
        const pages = s.looked?.leaders ?? [];
        return {
          score: 0,
          detail: pages.length
            ? {
                vi: `Không tìm thấy thông tin lãnh đạo (họ tên, chức vụ, điện thoại, thư điện tử, nhiệm vụ) trên ${pages.length} trang Ban giám hiệu/Lãnh đạo.`,
                en: `No leaders (name, title, phone, e-mail, duties) found on ${pages.length} leaders page(s).`,
              }
            : {
                vi: `Không tìm thấy trang Ban giám hiệu/Lãnh đạo nào (${readCount(s).vi}).`,
                en: `No leaders page found (${readCount(s).en}).`,
              },
          evidence: pages.slice(0, 5).map((url) => ({ url, text: 'đã tìm ở trang này' })),
        };
      }
      return {
        score: r.status === 'pass' ? 1 : 0,
        detail:
          r.status === 'pass'
            ? { vi: `Đạt: ${title.vi}.`, en: `Passes: ${title.en}.` }
            : {
                vi: f
                  .slice(0, 3)
                  .map((x) => x.message.vi)
                  .join(' '),
                en: f
                  .slice(0, 3)
                  .map((x) => x.message.en)
                  .join(' '),
              },
        evidence: f.slice(0, 5).map((x) => ({ url: x.url, text: x.text ?? x.message.vi })),
      };
    }
  }
}

export interface CriterionScore extends CriterionOutcome {
  id: string;
  category: string;
  points: number;
  max: number;
}

export interface SiteScore {
  total: number;
  band: Band;
  categories: { id: string; points: number; max: number }[];
  criteria: CriterionScore[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function bandOf(bands: readonly Band[], total: number): Band {
  return bands.find((b) => total >= b.min) ?? bands.at(-1)!;
}

export function scoreSite(criteria: CriteriaFile, signals: SiteSignals, levels: readonly Level[]): SiteScore {
  const out: CriterionScore[] = [];
  const cats: { id: string; points: number; max: number; applicable: boolean }[] = [];
  for (const cat of criteria.categories) {
    const outcomes = cat.criteria.map((c) => {
      const applies = !c.levels || c.levels.some((l) => levels.includes(l));
      const o: CriterionOutcome = !applies
        ? { score: null, detail: { vi: 'Không áp dụng cho cấp học này.', en: 'Does not apply to this level.' }, evidence: [] }
        : !signals.reachable
          ? { score: 0, detail: { vi: 'Không truy cập được trang web.', en: 'The site could not be reached.' }, evidence: [] }
          : evaluate(c, signals);
      return { c, o };
    });
    const wSum = outcomes.filter((x) => x.o.score !== null).reduce((n, x) => n + x.c.weight, 0);
    let points = 0;
    for (const { c, o } of outcomes) {
      const max = wSum > 0 && o.score !== null ? (cat.weight * c.weight) / wSum : 0;
      const pts = o.score === null ? 0 : max * o.score;
      points += pts;
      out.push({
        ...o,
        score: o.score === null ? null : Math.round(o.score * 1000) / 1000,
        id: c.id,
        category: cat.id,
        points: round1(pts),
        max: round1(max),
      });
    }
    cats.push({ id: cat.id, points, max: wSum > 0 ? cat.weight : 0, applicable: wSum > 0 });
  }
  const maxAll = cats.reduce((n, c) => n + c.max, 0);
  const raw = cats.reduce((n, c) => n + c.points, 0);
  const total = round1(maxAll > 0 ? (raw * 100) / maxAll : 0);
  return {
    total,
    band: bandOf(criteria.bands, total),
    categories: cats.map((c) => ({ id: c.id, points: round1(c.points), max: c.max })),
    criteria: out,
  };
}
