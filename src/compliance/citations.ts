/**
 * The legal instruments rules cite, each written once. Rules refer to them by id with an
 * article (`{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }`) and never paste legal text.
 *
 * Source: the project's research notes (legal-requirements §0–§5). `verification` repeats the
 * note's marker for the instrument's dates and status; a rule's own verification is on the rule.
 * If you add an instrument: give the official number and title, the dates you could verify,
 * `replacedBy` when it is no longer in force, and a URL where the text can be read.
 */

import type { Verification } from '../schemas/verification.ts';

export interface Instrument {
  /** Official number, e.g. "37/2020/TT-BGDĐT". */
  number: string;
  /** Short Vietnamese title. */
  title: string;
  titleEn: string;
  /** Date signed (YYYY-MM-DD), if known. */
  signed?: string;
  /** Date in force (YYYY-MM-DD), if known. */
  inForce?: string;
  /** Id of the instrument that replaced it. */
  replacedBy?: string;
  /** Date it stopped applying, if known. */
  until?: string;
  url?: string;
  verification: Verification;
}

export const CITATIONS = {
  'tt37-2020': {
    number: '37/2020/TT-BGDĐT',
    title:
      'Quy định về tổ chức hoạt động, sử dụng thư điện tử và cổng thông tin điện tử tại sở, phòng giáo dục và đào tạo và các cơ sở giáo dục',
    titleEn: 'E-mail and web portals of education departments and schools',
    signed: '2020-10-05',
    inForce: '2020-11-20',
    url: 'https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Thong-tu-37-2020-TT-BGDDT-su-dung-thu-dien-tu-cong-thong-tin-dien-tu-tai-so-phong-giao-duc-454788.aspx',
    verification: 'verified',
  },
  'tt53-2012': {
    number: '53/2012/TT-BGDĐT',
    title: 'Quy định về tổ chức hoạt động, sử dụng thư điện tử và cổng thông tin điện tử (đã được thay thế)',
    titleEn: 'E-mail and web portals in education (replaced)',
    signed: '2012-12-20',
    replacedBy: 'tt37-2020',
    until: '2020-11-20',
    url: 'https://thuvienphapluat.vn/hoi-dap-phap-luat/3DE2E-hd-ten-mien-internet-cua-co-quan-quan-ly-giao-duc-va-co-so-giao-duc.html',
    verification: 'partial',
  },
  'tt09-2024': {
    number: '09/2024/TT-BGDĐT',
    title: 'Quy định công khai trong hoạt động của các cơ sở giáo dục thuộc hệ thống giáo dục quốc dân',
    titleEn: 'Public disclosure by education institutions',
    signed: '2024-06-03',
    inForce: '2024-07-19',
    url: 'https://m.thuvienphapluat.vn/van-ban/Giao-duc/Thong-tu-09-2024-TT-BGDDT-cong-khai-trong-hoat-dong-co-so-giao-duc-quoc-dan-581008.aspx',
    verification: 'verified',
  },
  'tt36-2017': {
    number: '36/2017/TT-BGDĐT',
    title: 'Quy chế thực hiện công khai đối với cơ sở giáo dục (đã được thay thế)',
    titleEn: 'Public disclosure rules for education institutions (replaced)',
    signed: '2017-12-28',
    replacedBy: 'tt09-2024',
    until: '2024-07-19',
    verification: 'partial',
  },
  'tt32-2017': {
    number: '32/2017/TT-BTTTT',
    title:
      'Quy định về cung cấp dịch vụ công trực tuyến và bảo đảm khả năng truy cập thuận tiện đối với trang thông tin điện tử, cổng thông tin điện tử',
    titleEn: 'Online public services and accessible government websites',
    inForce: '2018-06-01',
    verification: 'verified',
  },
  'tt26-2020': {
    number: '26/2020/TT-BTTTT',
    title:
      'Quy định áp dụng tiêu chuẩn, công nghệ hỗ trợ người khuyết tật tiếp cận, sử dụng sản phẩm, dịch vụ công nghệ thông tin và truyền thông',
    titleEn: 'Accessibility standards for ICT products and services',
    signed: '2020-09-23',
    inForce: '2021-01-01',
    verification: 'verified',
  },
  'tt24-2011': {
    number: '24/2011/TT-BTTTT',
    title: 'Quy định về việc tạo lập, sử dụng và lưu trữ dữ liệu đặc tả trên trang thông tin điện tử hoặc cổng thông tin điện tử',
    titleEn: 'Dublin Core metadata on government websites',
    inForce: '2011-11-15',
    verification: 'verified',
  },
  'tt09-2014': {
    number: '09/2014/TT-BTTTT',
    title: 'Quy định chi tiết về hoạt động quản lý, cung cấp, sử dụng thông tin trên trang thông tin điện tử và mạng xã hội',
    titleEn: 'Website information management',
    verification: 'verified',
  },
  'tt15-2018': {
    number: '15/2018/TT-BGDĐT',
    title:
      'Quy định về tổ chức hoạt động, sử dụng thư điện tử và cổng thông tin điện tử tại các đại học, học viện, trường đại học, trường cao đẳng sư phạm',
    titleEn: 'E-mail and web portals of universities (analogue)',
    inForce: '2018-09-11',
    verification: 'verified',
  },
  'nd43-2011': {
    number: '43/2011/NĐ-CP',
    title:
      'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước (đã được thay thế)',
    titleEn: 'Online information of state bodies (replaced)',
    inForce: '2011-10-01',
    replacedBy: 'nd42-2022',
    until: '2022-08-15',
    verification: 'verified',
  },
  'nd42-2022': {
    number: '42/2022/NĐ-CP',
    title: 'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng',
    titleEn: 'Online information and services of state bodies',
    signed: '2022-06-24',
    inForce: '2022-08-15',
    // NĐ 224/2026 Điều 90 khoản 2 điểm b: "hết hiệu lực" from 1/7/2026 (unofficial copy, §8.4).
    replacedBy: 'nd224-2026',
    until: '2026-07-01',
    verification: 'verified',
  },
  'nd224-2026': {
    number: '224/2026/NĐ-CP',
    title: 'Quy định chi tiết thi hành Luật Chuyển đổi số (bản chưa xác minh)',
    titleEn: 'Decree implementing the Digital Transformation Law (unofficial copy)',
    inForce: '2026-07-01',
    verification: 'unverified',
  },
  'nd13-2023': {
    number: '13/2023/NĐ-CP',
    title: 'Bảo vệ dữ liệu cá nhân (đã được thay thế)',
    titleEn: 'Personal data protection (replaced)',
    // Research notes §8.4: the Law on Personal Data Protection governs from 1/1/2026.
    replacedBy: 'luat91-2025',
    until: '2026-01-01',
    verification: 'unverified',
  },
  'luat91-2025': {
    number: '91/2025/QH15',
    title: 'Luật Bảo vệ dữ liệu cá nhân',
    titleEn: 'Law on Personal Data Protection',
    inForce: '2026-01-01',
    // Secondary sources only (§8.4).
    verification: 'partial',
  },
  'blld-2019': {
    number: '45/2019/QH14',
    title: 'Bộ luật Lao động (ngày nghỉ lễ, tết: Điều 112)',
    titleEn: 'Labour Code (public holidays: Article 112)',
    inForce: '2021-01-01',
    verification: 'unverified',
  },
  'hcm-thidua': {
    number: 'Sở GD&ĐT TP.HCM',
    title: 'Tiêu chuẩn đánh giá thi đua nhiệm vụ công nghệ thông tin (THCS, THPT)',
    titleEn: 'Ho Chi Minh City IT evaluation criteria (lower and upper secondary)',
    verification: 'local-practice',
  },
  wcag21: {
    number: 'WCAG 2.1',
    title: 'Web Content Accessibility Guidelines 2.1',
    titleEn: 'Web Content Accessibility Guidelines 2.1',
    url: 'https://www.w3.org/TR/WCAG21/',
    verification: 'verified',
  },
} as const satisfies Record<string, Instrument>;

export type CitationId = keyof typeof CITATIONS;

/** A reference from a rule to an article of an instrument. */
export interface CitationRef {
  ref: CitationId;
  /** Article, clause and point, e.g. "Điều 9 khoản 1 điểm a". */
  article?: string;
  /**
   * The matching article in the instruments that replaced `ref`, where it was read (e.g. Luật
   * 91/2025 Điều 24 for NĐ 13/2023). A successor without an entry is cited without article.
   */
  articles?: Partial<Record<CitationId, string>>;
  /**
   * Cited as history (where an idea comes from, e.g. TT 53/2012 Điều 6 on own-domain mailboxes):
   * never replaced by its successor, and marked as no longer in force.
   */
  historical?: boolean;
}

/** A citation as it reads on a given day: the instrument in force then, and what it replaced. */
export interface ResolvedCitation {
  ref: CitationId;
  article?: string | undefined;
  /** The instrument (and article) the rule was written against, when a successor governs now. */
  replaces?: { ref: CitationId; article?: string | undefined } | undefined;
  historical?: boolean | undefined;
}

/** The instrument that governs on `date` in place of `id` (itself when not replaced by then). */
export function governingOn(id: CitationId, date: string): CitationId {
  let current = id;
  for (;;) {
    const inst: Instrument = CITATIONS[current];
    if (!inst.replacedBy || !inst.until || date < inst.until) return current;
    current = inst.replacedBy as CitationId;
  }
}

/**
 * Resolves a rule's citation for a check date: a replaced instrument is cited by its successor
 * in force on that day (NĐ 43/2011 → NĐ 42/2022 → NĐ 224/2026; NĐ 13/2023 → Luật 91/2025), with
 * the original as `replaces`. Without a date (the generated docs) the reference stays as written.
 */
export function citationOn(c: CitationRef, date?: string): ResolvedCitation {
  if (c.historical) return { ref: c.ref, article: c.article, historical: true };
  const ref = date ? governingOn(c.ref, date) : c.ref;
  if (ref === c.ref) return { ref, article: c.article };
  return { ref, article: c.articles?.[ref], replaces: { ref: c.ref, article: c.article } };
}

/** "từ 19/7/2024", "20/11/2020 – 19/7/2024": when an instrument applies, for the docs. */
export function instrumentDates(id: CitationId): string {
  const inst: Instrument = CITATIONS[id];
  const d = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
  if (inst.inForce && inst.until) return `${d(inst.inForce)} – ${d(inst.until)}`;
  if (inst.until) return `đến / until ${d(inst.until)}`;
  if (inst.inForce) return `từ / from ${d(inst.inForce)}`;
  return '–';
}
