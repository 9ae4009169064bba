/**
 * Front matter of the Markdown collections in a school folder. Each file is
 * `<collection>/<name>.md`: YAML between `---` lines, then the Markdown body. The file name
 * (folded to a slug) is the page address, so `Lễ khai giảng.md` becomes `/tin-tuc/le-khai-giang/`.
 *
 * If you add a collection: add its schema here, its folder to `COLLECTIONS` in
 * `src/content/collections.ts`, demo content, a fixture, and its pages in `templates/`.
 */
import { z } from 'zod';
import { attachment, date, email, fileRef, image, optionalText, schoolYear, text, url } from './fields.ts';
import { DISCLOSURE_ITEM_IDS } from './disclosure-items.ts';
import { levelSchema } from './level.ts';
import { HINT, labelled } from './field-meta.ts';

/** Pages: giới thiệu, lịch sử, cơ cấu tổ chức, chức năng nhiệm vụ, liên hệ … */
export const PAGE_KINDS = ['gioi-thieu', 'lich-su', 'co-cau-to-chuc', 'chuc-nang-nhiem-vu', 'lien-he', 'khac'] as const;
export const pageSchema = z.strictObject({
  title: labelled(text(), ['Tiêu đề trang', 'Page title'], HINT.title),
  /** What the page is for; the theme places well-known kinds in the menu. Default `khac`. */
  kind: labelled(z.enum(PAGE_KINDS).default('khac'), ['Loại trang', 'Kind']),
  description: labelled(
    optionalText(),
    ['Mô tả ngắn', 'Short description'],
    ['Một câu mô tả trang, dùng cho máy tìm kiếm.', 'One sentence about the page, for search engines.'],
  ),
  /** Position in menus, lower first. Default 100. */
  order: labelled(z.number().int().default(100), ['Thứ tự trong menu', 'Menu position']),
  updated: labelled(date().optional(), ['Ngày cập nhật', 'Last updated'], HINT.updated),
  image: labelled(image().optional(), ['Ảnh minh họa', 'Illustration']),
});

/** News categories, with their Vietnamese labels in `NEWS_CATEGORY_NAMES`. */
export const NEWS_CATEGORIES = ['tin-tuc', 'thong-bao', 'su-kien', 'hoat-dong'] as const;
export const NEWS_CATEGORY_NAMES: Record<(typeof NEWS_CATEGORIES)[number], string> = {
  'tin-tuc': 'Tin tức',
  'thong-bao': 'Thông báo',
  'su-kien': 'Sự kiện',
  'hoat-dong': 'Hoạt động giáo dục',
};
export const newsSchema = z.strictObject({
  title: labelled(text(), ['Tiêu đề tin', 'Title'], HINT.title),
  /** Publication date (and optional time), Vietnam time. */
  date: labelled(date(), ['Ngày đăng', 'Publication date'], HINT.date),
  /** Last substantive change, if any. */
  updated: labelled(date().optional(), ['Ngày cập nhật', 'Last updated'], HINT.updated),
  category: labelled(z.enum(NEWS_CATEGORIES), ['Chuyên mục', 'Category'], HINT.category),
  /** Author or source ("Tổ Văn phòng", "Theo Báo Giáo dục và Thời đại"). */
  author: labelled(optionalText(), ['Tác giả', 'Author']),
  source: labelled(optionalText(), ['Nguồn', 'Source']),
  /** One or two sentences for lists and feeds; defaults to the start of the text. */
  summary: labelled(
    optionalText(),
    ['Tóm tắt', 'Summary'],
    ['Một hai câu, hiện ở danh sách tin và RSS.', 'One or two sentences, shown in lists and feeds.'],
  ),
  image: labelled(image().optional(), ['Ảnh minh họa', 'Illustration']),
  /** Shown first on the home page. */
  featured: labelled(z.boolean().default(false), ['Tin nổi bật', 'Featured']),
  /** Drafts are validated but not published. */
  draft: labelled(z.boolean().default(false), ['Bản nháp (chưa đăng)', 'Draft (not published)']),
});

/** Kinds of văn bản (Nghị định 30/2020/NĐ-CP names). */
export const DOCUMENT_TYPES = [
  'luat',
  'nghi-dinh',
  'thong-tu',
  'quyet-dinh',
  'chi-thi',
  'cong-van',
  'ke-hoach',
  'thong-bao',
  'huong-dan',
  'bao-cao',
  'quy-che',
  'to-trinh',
  'khac',
] as const;
export const DOCUMENT_TYPE_NAMES: Record<(typeof DOCUMENT_TYPES)[number], string> = {
  luat: 'Luật',
  'nghi-dinh': 'Nghị định',
  'thong-tu': 'Thông tư',
  'quyet-dinh': 'Quyết định',
  'chi-thi': 'Chỉ thị',
  'cong-van': 'Công văn',
  'ke-hoach': 'Kế hoạch',
  'thong-bao': 'Thông báo',
  'huong-dan': 'Hướng dẫn',
  'bao-cao': 'Báo cáo',
  'quy-che': 'Quy chế',
  'to-trinh': 'Tờ trình',
  khac: 'Văn bản khác',
};
/** Văn bản: the fields NĐ 43/2011 Điều 10 k1 e listed for published documents. */
export const documentSchema = z.strictObject({
  /** Số hiệu, e.g. "125/QĐ-THCSLL". */
  number: labelled(text(), ['Số hiệu văn bản', 'Document number']),
  type: labelled(z.enum(DOCUMENT_TYPES), ['Loại văn bản', 'Document type']),
  /** Trích yếu: what the document is about. */
  summary: labelled(text(), ['Trích yếu', 'Summary (trích yếu)']),
  /** Ngày ban hành. */
  issued: labelled(date(), ['Ngày ban hành', 'Issue date'], HINT.issued),
  /** Cơ quan ban hành. */
  issuer: labelled(text(), ['Cơ quan ban hành', 'Issuing body']),
  /** Người ký. */
  signer: labelled(text(), ['Người ký', 'Signed by']),
  /** Ngày có hiệu lực; defaults to the issue date. */
  effective: labelled(date().optional(), ['Ngày có hiệu lực', 'Effective date']),
  /** Ngày hết hiệu lực, if known. */
  expires: labelled(date().optional(), ['Ngày hết hiệu lực', 'Expiry date']),
  /** The signed file (PDF preferred). */
  file: labelled(fileRef(), ['Tệp văn bản đã ký (PDF)', 'The signed file (PDF)'], HINT.file),
});

/** One công khai item of one school year: `disclosures/<năm-học>/<item>.md`. */
export const disclosureSchema = z.strictObject({
  /** Item id from the catalogue (`thong-tin-chung`, `tai-chinh`, … `bao-cao-thuong-nien`). */
  item: labelled(z.enum(DISCLOSURE_ITEM_IDS), ['Mục công khai', 'Disclosure item']),
  /** Title override; defaults to the catalogue title. */
  title: labelled(optionalText(), ['Tiêu đề (mặc định theo danh mục)', 'Title (default from the catalogue)']),
  /** Date first published on the site; an item dated after today is scheduled, not yet public. */
  published: labelled(date(), ['Ngày đăng', 'Publication date'], HINT.published),
  /** Date of the latest update (TT 09/2024 Điều 15 k1 a: within 10 working days of a change). */
  updated: labelled(date().optional(), ['Ngày cập nhật', 'Last updated'], HINT.updated),
  /** Date the underlying information changed, when an update followed a change. */
  changed: labelled(date().optional(), ['Ngày thông tin thay đổi', 'Date the information changed']),
  /**
   * Date official information first existed, when it did not exist yet by 30 June (TT 09/2024
   * Điều 15 k1 a: "từ ngày có thông tin chính thức"): the item is then due within 10 working
   * days of this date instead of before 30 June.
   */
  officialInfo: labelled(date().optional(), [
    'Ngày có thông tin chính thức (nếu đến 30/6 chưa có)',
    'Date official information existed (if not by 30 June)',
  ]),
  /** For the annual report: the calendar year it covers (figures as of 31/12). */
  reportYear: labelled(z.number().int().min(2000).max(2100).optional(), ['Năm của báo cáo thường niên', 'Year of the annual report']),
  attachments: labelled(z.array(attachment()).default([]), ['Tệp đính kèm', 'Attachments']),
  /**
   * A draft is validated but neither published nor counted as published by the checker
   * (`congtruong new disclosure` creates the items of a year as drafts). Default `false`.
   */
  draft: labelled(z.boolean().default(false), ['Bản nháp (chưa đăng)', 'Draft (not published)']),
});

/** Mẫu đơn: a downloadable form. */
export const formSchema = z.strictObject({
  title: labelled(text(), ['Tên mẫu đơn', 'Form title'], HINT.title),
  /** Dùng để làm gì, ai nộp, nộp ở đâu. */
  purpose: labelled(text(), ['Mục đích sử dụng', 'Purpose']),
  files: labelled(z.array(attachment()).min(1), ['Các tệp mẫu đơn', 'Form files']),
  /** Căn cứ (legal basis), if any. */
  basis: labelled(optionalText(), ['Căn cứ pháp lý', 'Legal basis']),
  updated: labelled(date(), ['Ngày cập nhật', 'Last updated'], HINT.updated),
});

export const ADMISSION_KINDS = ['ke-hoach', 'thong-bao', 'danh-sach', 'ket-qua'] as const;
/** Tuyển sinh: plan, notice (7 fields of TT 37/2020 Điều 9), candidate list or results. */
export const admissionSchema = z.strictObject({
  title: labelled(text(), ['Tiêu đề', 'Title'], HINT.title),
  schoolYear: labelled(schoolYear(), ['Năm học tuyển sinh', 'Admission school year'], HINT.schoolYear),
  kind: labelled(z.enum(ADMISSION_KINDS), ['Loại', 'Kind']),
  /**
   * Intake levels the item is about, for a school with several levels (a tiểu học + THCS school
   * admits to lớp 1 and lớp 6 and needs a notice for each). May be left out in a one-level school.
   */
  levels: labelled(z.array(levelSchema).min(1).optional(), ['Cấp học tuyển sinh', 'Intake levels']),
  published: labelled(date(), ['Ngày đăng', 'Publication date'], HINT.published),
  /** The fields a notice must state; each is free text. */
  details: labelled(
    z
      .strictObject({
        doiTuong: labelled(text(), ['Đối tượng tuyển sinh', 'Who may apply']),
        chiTieu: labelled(text(), ['Chỉ tiêu', 'Places']),
        hinhThuc: labelled(text(), ['Hình thức tuyển sinh', 'Selection method']),
        dieuKien: labelled(text(), ['Điều kiện dự tuyển', 'Conditions']),
        hoSo: labelled(text(), ['Hồ sơ', 'Application documents']),
        thoiGian: labelled(text(), ['Thời gian', 'Dates']),
        diaDiem: labelled(text(), ['Địa điểm', 'Place']),
      })
      .optional(),
    ['Nội dung thông báo tuyển sinh', 'Admission notice details'],
  ),
  /** Online registration (the school's form or the province's admission portal). */
  registrationUrl: labelled(url().optional(), ['Địa chỉ đăng ký trực tuyến', 'Online registration address']),
  /** Where parents look up results. */
  resultsUrl: labelled(url().optional(), ['Địa chỉ tra cứu kết quả', 'Results look-up address']),
  attachments: labelled(z.array(attachment()).default([]), ['Tệp đính kèm', 'Attachments']),
});

/** Lấy ý kiến góp ý: a question put to the public (TT 37/2020 Điều 9). */
export const consultationSchema = z.strictObject({
  /** Vấn đề lấy ý kiến. */
  title: labelled(text(), ['Vấn đề lấy ý kiến', 'Subject'], HINT.title),
  /** Nội dung, in one or two sentences; the body has the details. */
  summary: labelled(text(), ['Nội dung tóm tắt', 'Summary']),
  /** Where comments go. */
  email: labelled(email(), ['Thư điện tử nhận góp ý', 'E-mail for comments'], HINT.email),
  address: labelled(optionalText(), ['Địa chỉ nhận góp ý', 'Postal address for comments']),
  published: labelled(date(), ['Ngày đăng', 'Publication date'], HINT.published),
  /** Hạn góp ý. */
  deadline: labelled(date(), ['Hạn góp ý', 'Deadline'], HINT.deadline),
  attachments: labelled(z.array(attachment()).default([]), ['Tệp đính kèm', 'Attachments']),
});

export const SCHEDULE_KINDS = ['lich-cong-tac', 'thoi-khoa-bieu', 'thuc-don', 'ke-hoach-thang', 'ke-hoach-tuan', 'ke-hoach-ngay'] as const;
export const SCHEDULE_KIND_NAMES: Record<(typeof SCHEDULE_KINDS)[number], string> = {
  'lich-cong-tac': 'Lịch công tác',
  'thoi-khoa-bieu': 'Thời khóa biểu',
  'thuc-don': 'Thực đơn',
  'ke-hoach-thang': 'Kế hoạch giáo dục tháng',
  'ke-hoach-tuan': 'Kế hoạch giáo dục tuần',
  'ke-hoach-ngay': 'Kế hoạch giáo dục ngày',
};
/**
 * Lịch công tác, thời khóa biểu, thực đơn, kế hoạch tháng/tuần/ngày (mầm non). TT 09/2024 Điều 15
 * k1 a: a mầm non school publishes the monthly plan before the 25th of the previous month, and the
 * weekly plan, the daily plans (`ke-hoach-ngay`: one item whose `from`/`to` span the school days
 * of a week) and the menu before the Saturday of the previous week.
 */
export const scheduleSchema = z.strictObject({
  title: labelled(text(), ['Tiêu đề', 'Title'], HINT.title),
  kind: labelled(z.enum(SCHEDULE_KINDS), ['Loại lịch', 'Kind']),
  /** First and last day the schedule covers. */
  from: labelled(date(), ['Áp dụng từ ngày', 'First day'], HINT.from),
  to: labelled(date(), ['Đến ngày', 'Last day'], HINT.to),
  /** When it was posted (mầm non deadlines are measured from this). */
  published: labelled(date(), ['Ngày đăng', 'Publication date'], HINT.published),
  attachments: labelled(z.array(attachment()).default([]), ['Tệp đính kèm', 'Attachments']),
});

/** Albums: a titled set of photos under `media/`. */
export const albumSchema = z.strictObject({
  title: labelled(text(), ['Tên album', 'Album title'], HINT.title),
  date: labelled(date(), ['Ngày', 'Date'], HINT.date),
  photos: labelled(z.array(image()).min(1), ['Ảnh', 'Photos']),
  /** Videos from the iframe allow-list (YouTube). */
  videos: labelled(z.array(url()).default([]), ['Video (YouTube)', 'Videos (YouTube)']),
});

export type Page = z.infer<typeof pageSchema>;
export type News = z.infer<typeof newsSchema>;
export type Document = z.infer<typeof documentSchema>;
export type Disclosure = z.infer<typeof disclosureSchema>;
export type Form = z.infer<typeof formSchema>;
export type Admission = z.infer<typeof admissionSchema>;
export type Consultation = z.infer<typeof consultationSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Album = z.infer<typeof albumSchema>;
