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

/** Pages: giới thiệu, lịch sử, cơ cấu tổ chức, chức năng nhiệm vụ, liên hệ … */
export const PAGE_KINDS = ['gioi-thieu', 'lich-su', 'co-cau-to-chuc', 'chuc-nang-nhiem-vu', 'lien-he', 'khac'] as const;
export const pageSchema = z.strictObject({
  title: text(),
  /** What the page is for; the theme places well-known kinds in the menu. Default `khac`. */
  kind: z.enum(PAGE_KINDS).default('khac'),
  description: optionalText(),
  /** Position in menus, lower first. Default 100. */
  order: z.number().int().default(100),
  updated: date().optional(),
  image: image().optional(),
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
  title: text(),
  /** Publication date (and optional time), Vietnam time. */
  date: date(),
  /** Last substantive change, if any. */
  updated: date().optional(),
  category: z.enum(NEWS_CATEGORIES),
  /** Author or source ("Tổ Văn phòng", "Theo Báo Giáo dục và Thời đại"). */
  author: optionalText(),
  source: optionalText(),
  /** One or two sentences for lists and feeds; defaults to the start of the text. */
  summary: optionalText(),
  image: image().optional(),
  /** Shown first on the home page. */
  featured: z.boolean().default(false),
  /** Drafts are validated but not published. */
  draft: z.boolean().default(false),
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
  number: text(),
  type: z.enum(DOCUMENT_TYPES),
  /** Trích yếu: what the document is about. */
  summary: text(),
  /** Ngày ban hành. */
  issued: date(),
  /** Cơ quan ban hành. */
  issuer: text(),
  /** Người ký. */
  signer: text(),
  /** Ngày có hiệu lực; defaults to the issue date. */
  effective: date().optional(),
  /** Ngày hết hiệu lực, if known. */
  expires: date().optional(),
  /** The signed file (PDF preferred). */
  file: fileRef(),
});

/** One công khai item of one school year: `disclosures/<năm-học>/<item>.md`. */
export const disclosureSchema = z.strictObject({
  /** Item id from the catalogue (`thong-tin-chung`, `tai-chinh`, … `bao-cao-thuong-nien`). */
  item: z.enum(DISCLOSURE_ITEM_IDS),
  /** Title override; defaults to the catalogue title. */
  title: optionalText(),
  /** Date first published on the site; an item dated after today is scheduled, not yet public. */
  published: date(),
  /** Date of the latest update (TT 09/2024 Điều 15 k1 a: within 10 working days of a change). */
  updated: date().optional(),
  /** Date the underlying information changed, when an update followed a change. */
  changed: date().optional(),
  /**
   * Date official information first existed, when it did not exist yet by 30 June (TT 09/2024
   * Điều 15 k1 a: "từ ngày có thông tin chính thức"): the item is then due within 10 working
   * days of this date instead of before 30 June.
   */
  officialInfo: date().optional(),
  /** For the annual report: the calendar year it covers (figures as of 31/12). */
  reportYear: z.number().int().min(2000).max(2100).optional(),
  attachments: z.array(attachment()).default([]),
  /**
   * A draft is validated but neither published nor counted as published by the checker
   * (`congtruong new disclosure` creates the items of a year as drafts). Default `false`.
   */
  draft: z.boolean().default(false),
});

/** Mẫu đơn: a downloadable form. */
export const formSchema = z.strictObject({
  title: text(),
  /** Dùng để làm gì, ai nộp, nộp ở đâu. */
  purpose: text(),
  files: z.array(attachment()).min(1),
  /** Căn cứ (legal basis), if any. */
  basis: optionalText(),
  updated: date(),
});

export const ADMISSION_KINDS = ['ke-hoach', 'thong-bao', 'danh-sach', 'ket-qua'] as const;
/** Tuyển sinh: plan, notice (7 fields of TT 37/2020 Điều 9), candidate list or results. */
export const admissionSchema = z.strictObject({
  title: text(),
  schoolYear: schoolYear(),
  kind: z.enum(ADMISSION_KINDS),
  /**
   * Intake levels the item is about, for a school with several levels (a tiểu học + THCS school
   * admits to lớp 1 and lớp 6 and needs a notice for each). May be left out in a one-level school.
   */
  levels: z.array(levelSchema).min(1).optional(),
  published: date(),
  /** The fields a notice must state; each is free text. */
  details: z
    .strictObject({
      doiTuong: text(),
      chiTieu: text(),
      hinhThuc: text(),
      dieuKien: text(),
      hoSo: text(),
      thoiGian: text(),
      diaDiem: text(),
    })
    .optional(),
  /** Online registration (the school's form or the province's admission portal). */
  registrationUrl: url().optional(),
  /** Where parents look up results. */
  resultsUrl: url().optional(),
  attachments: z.array(attachment()).default([]),
});

/** Lấy ý kiến góp ý: a question put to the public (TT 37/2020 Điều 9). */
export const consultationSchema = z.strictObject({
  /** Vấn đề lấy ý kiến. */
  title: text(),
  /** Nội dung, in one or two sentences; the body has the details. */
  summary: text(),
  /** Where comments go. */
  email: email(),
  address: optionalText(),
  published: date(),
  /** Hạn góp ý. */
  deadline: date(),
  attachments: z.array(attachment()).default([]),
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
  title: text(),
  kind: z.enum(SCHEDULE_KINDS),
  /** First and last day the schedule covers. */
  from: date(),
  to: date(),
  /** When it was posted (mầm non deadlines are measured from this). */
  published: date(),
  attachments: z.array(attachment()).default([]),
});

/** Albums: a titled set of photos under `media/`. */
export const albumSchema = z.strictObject({
  title: text(),
  date: date(),
  photos: z.array(image()).min(1),
  /** Videos from the iframe allow-list (YouTube). */
  videos: z.array(url()).default([]),
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
