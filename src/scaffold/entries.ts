/**
 * What `congtruong new <kind>` writes for each Markdown collection: its flags, its file name
 * and its front matter. Every field of the collection's schema (`src/schemas/collections.ts`)
 * appears: required fields filled, optional ones either filled from a flag or written as a
 * commented hint. The test suite loads every result with the real loader.
 */
import { DISCLOSURE_ITEMS, DISCLOSURE_ITEM_IDS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { z } from 'zod';
import {
  admissionSchema,
  albumSchema,
  consultationSchema,
  disclosureSchema,
  documentSchema,
  formSchema,
  newsSchema,
  pageSchema,
  scheduleSchema,
  ADMISSION_KINDS,
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_NAMES,
  NEWS_CATEGORIES,
  NEWS_CATEGORY_NAMES,
  PAGE_KINDS,
  SCHEDULE_KINDS,
  SCHEDULE_KIND_NAMES,
} from '../schemas/collections.ts';
import type { CollectionName } from '../content/collections.ts';
import { formatDateVi } from '../util/dates.ts';
import type { AttachmentKind } from './attachments.ts';
import { disclosureBody, disclosureLines } from './disclosures.ts';
import { fieldFlag, str, type FlagSpec, type SchoolContext, type Values } from './flags.ts';
import { attachmentList, type AttachmentRef, type YamlLine } from './front-matter.ts';
import { entrySlug } from './names.ts';
import type { Localized } from './scaffold-error.ts';

export interface EntryKind {
  collection: CollectionName;
  about: Localized;
  flags: FlagSpec[];
  attachments?: {
    flag: string;
    kind: (v: Values) => AttachmentKind;
    min: number;
    max: number;
    /** Flag that gives each image its text alternative (one per image, in order). */
    altFlag?: string;
  };
  /** Folder inside the collection (the school year of a disclosure). */
  subfolder?: (v: Values) => string;
  /** File name without `.md`; already a slug. */
  slug: (v: Values, ctx: SchoolContext) => string;
  lines: (v: Values, refs: AttachmentRef[], ctx: SchoolContext) => YamlLine[];
  body: (v: Values, ctx: SchoolContext) => string;
}

const req = (v: Values, k: string): string => str(v, k) ?? '';
const day = (iso: string) => iso.slice(0, 10);

const imageValue = (refs: readonly AttachmentRef[]) => (refs[0] ? { src: refs[0].ref, alt: refs[0].alt } : undefined);

const bodyHint = (vi: string) => `<!-- ${vi} Dòng hướng dẫn này không hiện trên trang; có thể xóa. -->`;

// Questions are the labels of the fields the flags fill (`fieldFlag`), so that `congtruong new`,
// the editor and the validator name a field alike.
const titleFlag = (schema: z.ZodType, example: string): FlagSpec => fieldFlag(schema, 'title', { name: 'title', example, required: true });
/** `--date` fills the collection's main date (`date`, `issued`, `published`, `updated`). */
const dateFlag = (schema: z.ZodType, field: string, check: 'date' | 'dateTime' = 'date', required = false): FlagSpec =>
  fieldFlag(schema, field, {
    name: 'date',
    example: '2026-09-05',
    check,
    ...(required ? { required: true } : { fallback: (ctx) => ctx?.today }),
  });
const filesFlag = (schema: z.ZodType, field: string, more: Partial<FlagSpec> = {}): FlagSpec =>
  fieldFlag(schema, field, { name: 'file', example: '"Kế hoạch.pdf"', multiple: true, path: true, ...more });
const imageFlags = (schema: z.ZodType): FlagSpec[] => [
  fieldFlag(schema, 'image', { name: 'image', example: 'anh.jpg', path: true }),
  fieldFlag(schema, 'image.alt', { name: 'alt', example: '"Học sinh dự lễ chào cờ"', multiple: true }),
];

const news: EntryKind = {
  collection: 'news',
  about: { vi: 'tin tức, thông báo, sự kiện', en: 'news, notices, events' },
  flags: [
    titleFlag(newsSchema, '"Lễ khai giảng năm học 2026-2027"'),
    dateFlag(newsSchema, 'date', 'dateTime'),
    fieldFlag(newsSchema, 'category', { name: 'category', example: 'thong-bao', choices: NEWS_CATEGORIES, fallback: () => 'tin-tuc' }),
    fieldFlag(newsSchema, 'summary', { name: 'summary', example: '"…"' }),
    fieldFlag(newsSchema, 'author', { name: 'author', example: '"Tổ Văn phòng"' }),
    fieldFlag(newsSchema, 'source', { name: 'source', example: '"Báo Giáo dục và Thời đại"' }),
    ...imageFlags(newsSchema),
    fieldFlag(newsSchema, 'featured', { name: 'featured', example: '', boolean: true }),
    fieldFlag(newsSchema, 'draft', { name: 'draft', example: '', boolean: true }),
  ],
  attachments: { flag: 'image', kind: () => 'image', min: 0, max: 1, altFlag: 'alt' },
  slug: (v) => `${day(req(v, 'date'))}-${entrySlug(req(v, 'title'), 69)}`,
  lines: (v, refs) => [
    { key: 'title', value: req(v, 'title') },
    { key: 'date', value: req(v, 'date') },
    { hint: 'updated', example: 'YYYY-MM-DD', note: 'ngày sửa nội dung quan trọng (nếu có)' },
    { key: 'category', value: req(v, 'category') },
    { comment: `Chuyên mục: ${NEWS_CATEGORIES.map((c) => `${c} (${NEWS_CATEGORY_NAMES[c]})`).join(', ')}` },
    str(v, 'author') ? { key: 'author', value: str(v, 'author') } : { hint: 'author', example: 'Tổ Văn phòng' },
    str(v, 'source') ? { key: 'source', value: str(v, 'source') } : { hint: 'source', example: 'Theo Báo Giáo dục và Thời đại' },
    str(v, 'summary')
      ? { key: 'summary', value: str(v, 'summary') }
      : { hint: 'summary', example: 'Một hai câu tóm tắt', note: 'hiện ở danh sách tin và RSS' },
    refs[0]
      ? { key: 'image', value: imageValue(refs) }
      : {
          comment:
            'Ảnh đại diện (tùy chọn): thêm --image TỆP --alt "mô tả" khi tạo, hoặc viết:\nimage:\n  src: media/anh/ten-anh.jpg\n  alt: Mô tả ảnh cho người khiếm thị',
        },
    { key: 'featured', value: v.featured === true },
    { key: 'draft', value: v.draft === true },
  ],
  body: () =>
    bodyHint(
      'Viết nội dung tin bên dưới. Chèn ảnh: ![mô tả ảnh](media/anh/ten-anh.jpg); liên kết tệp: [Tải kế hoạch](media/tep/ke-hoach.pdf).',
    ),
};

const document: EntryKind = {
  collection: 'documents',
  about: { vi: 'văn bản (quyết định, kế hoạch, công văn …)', en: 'official documents' },
  flags: [
    fieldFlag(documentSchema, 'number', { name: 'number', example: '125/QĐ-THCSLL', required: true }),
    fieldFlag(documentSchema, 'type', { name: 'type', example: 'quyet-dinh', required: true, choices: DOCUMENT_TYPES }),
    fieldFlag(documentSchema, 'summary', { name: 'summary', example: '"Về việc thành lập Ban Biên tập"', required: true }),
    dateFlag(documentSchema, 'issued', 'date', true),
    fieldFlag(documentSchema, 'issuer', { name: 'issuer', example: '"Trường THCS Lê Lợi"', fallback: (ctx) => ctx?.config.name }),
    fieldFlag(documentSchema, 'signer', { name: 'signer', example: '"Nguyễn Văn A"', required: true }),
    fieldFlag(documentSchema, 'effective', { name: 'effective', example: '2026-09-05', check: 'date' }),
    fieldFlag(documentSchema, 'expires', { name: 'expires', example: '2027-06-30', check: 'date' }),
    filesFlag(documentSchema, 'file', { required: true, multiple: false }),
  ],
  attachments: { flag: 'file', kind: () => 'document', min: 1, max: 1 },
  slug: (v) => entrySlug(`${req(v, 'number')} ${req(v, 'summary')}`),
  lines: (v, refs) => [
    { key: 'number', value: req(v, 'number') },
    { key: 'type', value: req(v, 'type') },
    { comment: `Loại: ${DOCUMENT_TYPES.map((t) => `${t} (${DOCUMENT_TYPE_NAMES[t]})`).join(', ')}` },
    { key: 'summary', value: req(v, 'summary') },
    { key: 'issued', value: req(v, 'date') },
    { key: 'issuer', value: req(v, 'issuer') },
    { key: 'signer', value: req(v, 'signer') },
    str(v, 'effective')
      ? { key: 'effective', value: str(v, 'effective') }
      : { hint: 'effective', example: 'YYYY-MM-DD', note: 'ngày có hiệu lực; mặc định là ngày ban hành' },
    str(v, 'expires')
      ? { key: 'expires', value: str(v, 'expires') }
      : { hint: 'expires', example: 'YYYY-MM-DD', note: 'ngày hết hiệu lực (nếu có)' },
    { key: 'file', value: refs[0]?.ref ?? '' },
  ],
  body: () =>
    bodyHint('Có thể tóm tắt nội dung chính của văn bản bên dưới (không bắt buộc): người xem đọc nhanh trên điện thoại trước khi tải tệp.'),
};

const form: EntryKind = {
  collection: 'forms',
  about: { vi: 'mẫu đơn, biểu mẫu', en: 'downloadable forms' },
  flags: [
    titleFlag(formSchema, '"Đơn xin nghỉ học"'),
    fieldFlag(formSchema, 'purpose', {
      name: 'purpose',
      example: '"Cha mẹ học sinh dùng khi xin cho con nghỉ học; nộp cho giáo viên chủ nhiệm."',
      required: true,
    }),
    filesFlag(formSchema, 'files', { required: true }),
    fieldFlag(formSchema, 'basis', { name: 'basis', example: '"Thông tư số …"' }),
    dateFlag(formSchema, 'updated'),
  ],
  attachments: { flag: 'file', kind: () => 'form', min: 1, max: 10 },
  slug: (v) => entrySlug(req(v, 'title')),
  lines: (v, refs) => [
    { key: 'title', value: req(v, 'title') },
    { key: 'purpose', value: req(v, 'purpose') },
    { key: 'files', value: attachmentList(req(v, 'title'), refs) },
    str(v, 'basis') ? { key: 'basis', value: str(v, 'basis') } : { hint: 'basis', example: 'Căn cứ pháp lý (nếu có)' },
    { key: 'updated', value: req(v, 'date') },
  ],
  body: () => bodyHint('Hướng dẫn điền và nộp mẫu đơn (không bắt buộc): cần kèm giấy tờ gì, nộp cho ai, bao lâu có kết quả.'),
};

const disclosure: EntryKind = {
  collection: 'disclosures',
  about: { vi: 'công khai theo năm học (không có --item: mọi mục bắt buộc, dạng nháp)', en: 'disclosures per school year' },
  flags: [
    { name: 'year', label: { vi: 'Năm học', en: 'School year' }, example: '2025-2026', required: true, check: 'schoolYear' },
    fieldFlag(disclosureSchema, 'item', { name: 'item', example: 'tai-chinh', choices: DISCLOSURE_ITEM_IDS }),
    fieldFlag(disclosureSchema, 'title', { name: 'title', example: '"…"' }),
    dateFlag(disclosureSchema, 'published'),
    fieldFlag(disclosureSchema, 'reportYear', { name: 'report-year', example: '2025', check: 'int' }),
    filesFlag(disclosureSchema, 'attachments'),
    { name: 'publish', label: { vi: 'Đăng ngay (không phải bản nháp)', en: 'Publish now (not a draft)' }, example: '', boolean: true },
  ],
  attachments: {
    flag: 'file',
    kind: (v) => (str(v, 'item') === 'bao-cao-thuong-nien' ? 'annualReport' : 'document'),
    min: 0,
    max: 10,
  },
  subfolder: (v) => req(v, 'year'),
  slug: (v) => req(v, 'item'),
  lines: (v, refs, ctx) =>
    disclosureLines(req(v, 'item') as DisclosureItemId, req(v, 'year'), {
      title: str(v, 'title'),
      published: req(v, 'date'),
      draft: v.publish !== true,
      reportYear: str(v, 'report-year'),
      refs,
      today: ctx.today,
    }),
  body: (v, ctx) => disclosureBody(req(v, 'item') as DisclosureItemId, req(v, 'year'), ctx, v.publish !== true),
};

const ADMISSION_NAMES: Record<(typeof ADMISSION_KINDS)[number], string> = {
  'ke-hoach': 'Kế hoạch tuyển sinh',
  'thong-bao': 'Thông báo tuyển sinh',
  'danh-sach': 'Danh sách tuyển sinh',
  'ket-qua': 'Kết quả tuyển sinh',
};
const admission: EntryKind = {
  collection: 'admissions',
  about: { vi: 'tuyển sinh: kế hoạch, thông báo, danh sách, kết quả', en: 'admissions' },
  flags: [
    fieldFlag(admissionSchema, 'schoolYear', { name: 'year', example: '2026-2027', required: true, check: 'schoolYear' }),
    fieldFlag(admissionSchema, 'kind', { name: 'kind', example: 'thong-bao', choices: ADMISSION_KINDS, fallback: () => 'thong-bao' }),
    fieldFlag(admissionSchema, 'title', {
      name: 'title',
      example: '"Thông báo tuyển sinh lớp 6 năm học 2026-2027"',
      fallback: (_ctx, v) =>
        str(v, 'year')
          ? `${ADMISSION_NAMES[(str(v, 'kind') ?? 'thong-bao') as keyof typeof ADMISSION_NAMES]} năm học ${str(v, 'year')}`
          : undefined,
    }),
    dateFlag(admissionSchema, 'published'),
    fieldFlag(admissionSchema, 'registrationUrl', { name: 'registration-url', example: 'https://…', check: 'url' }),
    fieldFlag(admissionSchema, 'resultsUrl', { name: 'results-url', example: 'https://…', check: 'url' }),
    filesFlag(admissionSchema, 'attachments'),
  ],
  attachments: { flag: 'file', kind: () => 'document', min: 0, max: 10 },
  slug: (v) => entrySlug(req(v, 'title')),
  lines: (v, refs) => {
    const kind = req(v, 'kind');
    const details: YamlLine = {
      comment: [
        kind === 'thong-bao'
          ? 'Thông báo tuyển sinh cần đủ 7 nội dung (quy tắc SEC-006). Bỏ dấu # ở các dòng dưới và điền:'
          : 'Bảy nội dung của thông báo tuyển sinh (tùy chọn với loại này):',
        'details:',
        '  doiTuong: Đối tượng tuyển sinh',
        '  chiTieu: Chỉ tiêu',
        '  hinhThuc: Hình thức tuyển sinh (xét tuyển, thi tuyển …)',
        '  dieuKien: Điều kiện dự tuyển',
        '  hoSo: Hồ sơ cần nộp',
        '  thoiGian: Thời gian đăng ký, nộp hồ sơ, công bố kết quả',
        '  diaDiem: Địa điểm nộp hồ sơ',
      ].join('\n'),
    };
    return [
      { key: 'title', value: req(v, 'title') },
      { key: 'schoolYear', value: req(v, 'year') },
      { key: 'kind', value: kind },
      { comment: `Loại: ${ADMISSION_KINDS.map((k) => `${k} (${ADMISSION_NAMES[k]})`).join(', ')}` },
      { hint: 'levels', example: '[th]', note: 'trường nhiều cấp học: cấp tuyển sinh của mục này (th lớp 1, thcs lớp 6 …)' },
      { key: 'published', value: req(v, 'date') },
      details,
      str(v, 'registration-url')
        ? { key: 'registrationUrl', value: str(v, 'registration-url') }
        : { hint: 'registrationUrl', example: 'https://…', note: 'đăng ký trực tuyến (SEC-007)' },
      str(v, 'results-url')
        ? { key: 'resultsUrl', value: str(v, 'results-url') }
        : { hint: 'resultsUrl', example: 'https://…', note: 'tra cứu kết quả' },
      { key: 'attachments', value: attachmentList(req(v, 'title'), refs) },
    ];
  },
  body: () => bodyHint('Viết thông báo cho cha mẹ học sinh bên dưới: mốc thời gian, cách đăng ký, nơi hỏi đáp.'),
};

const consultation: EntryKind = {
  collection: 'consultations',
  about: { vi: 'lấy ý kiến góp ý', en: 'public consultations' },
  flags: [
    titleFlag(consultationSchema, '"Lấy ý kiến dự thảo Quy chế chi tiêu nội bộ"'),
    fieldFlag(consultationSchema, 'summary', { name: 'summary', example: '"…"', required: true }),
    fieldFlag(consultationSchema, 'deadline', { name: 'deadline', example: '2026-12-07', required: true, check: 'date' }),
    fieldFlag(consultationSchema, 'email', {
      name: 'email',
      example: 'gopy@truong.edu.vn',
      check: 'email',
      fallback: (ctx) => ctx?.config.email,
    }),
    fieldFlag(consultationSchema, 'address', { name: 'address', example: '"Văn phòng nhà trường"' }),
    dateFlag(consultationSchema, 'published'),
    filesFlag(consultationSchema, 'attachments'),
  ],
  attachments: { flag: 'file', kind: () => 'document', min: 0, max: 10 },
  slug: (v) => entrySlug(req(v, 'title')),
  lines: (v, refs) => [
    { key: 'title', value: req(v, 'title') },
    { key: 'summary', value: req(v, 'summary') },
    { key: 'email', value: req(v, 'email') },
    str(v, 'address')
      ? { key: 'address', value: str(v, 'address') }
      : { hint: 'address', example: 'Văn phòng nhà trường, …', note: 'nơi nhận góp ý bằng giấy' },
    { key: 'published', value: req(v, 'date') },
    { key: 'deadline', value: req(v, 'deadline') },
    { key: 'attachments', value: attachmentList(req(v, 'title'), refs) },
  ],
  body: () => bodyHint('Giải thích vì sao lấy ý kiến, các điểm chính của dự thảo và cách gửi góp ý.'),
};

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthEnd = (iso: string) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).toISOString().slice(0, 10);
const WEEKLY = new Set(['lich-cong-tac', 'thuc-don', 'ke-hoach-tuan', 'ke-hoach-ngay']);

function scheduleTitle(kind: string, from: string, to: string | undefined): string {
  const name = SCHEDULE_KIND_NAMES[kind as keyof typeof SCHEDULE_KIND_NAMES] ?? kind;
  if (kind === 'ke-hoach-thang') return `${name} ${from.slice(5, 7)}/${from.slice(0, 4)}`;
  if (WEEKLY.has(kind) && to) return `${name.replace(/ tuần$/, '')} tuần từ ${formatDateVi(from).slice(0, 5)} đến ${formatDateVi(to)}`;
  return `${name} áp dụng từ ${formatDateVi(from)}`;
}

const schedule: EntryKind = {
  collection: 'schedules',
  about: { vi: 'lịch công tác, thời khóa biểu, thực đơn, kế hoạch tháng/tuần', en: 'schedules, timetables, menus, plans' },
  flags: [
    fieldFlag(scheduleSchema, 'kind', { name: 'kind', example: 'thuc-don', required: true, choices: SCHEDULE_KINDS }),
    fieldFlag(scheduleSchema, 'from', { name: 'from', example: '2026-11-23', required: true, check: 'date' }),
    fieldFlag(scheduleSchema, 'to', {
      name: 'to',
      example: '2026-11-27',
      check: 'date',
      required: true,
      // Weeks run Monday to Friday, months to their last day; a timetable needs an end date.
      fallback: (_ctx, v) => {
        const from = str(v, 'from');
        const kind = str(v, 'kind') ?? '';
        if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return undefined;
        if (kind === 'ke-hoach-thang') return monthEnd(from);
        return WEEKLY.has(kind) ? addDays(from, 4) : undefined;
      },
    }),
    fieldFlag(scheduleSchema, 'title', {
      name: 'title',
      example: '"Thực đơn tuần từ 23/11 đến 27/11/2026"',
      fallback: (_ctx, v) => (str(v, 'kind') && str(v, 'from') ? scheduleTitle(str(v, 'kind')!, str(v, 'from')!, str(v, 'to')) : undefined),
    }),
    dateFlag(scheduleSchema, 'published'),
    filesFlag(scheduleSchema, 'attachments'),
  ],
  attachments: { flag: 'file', kind: () => 'document', min: 0, max: 10 },
  slug: (v) =>
    req(v, 'kind') === 'ke-hoach-thang' ? `${req(v, 'kind')}-${req(v, 'from').slice(0, 7)}` : `${req(v, 'kind')}-${req(v, 'from')}`,
  lines: (v, refs) => [
    { key: 'title', value: req(v, 'title') },
    { key: 'kind', value: req(v, 'kind') },
    { comment: `Loại: ${SCHEDULE_KINDS.map((k) => `${k} (${SCHEDULE_KIND_NAMES[k]})`).join(', ')}` },
    { key: 'from', value: req(v, 'from') },
    { key: 'to', value: req(v, 'to') },
    { key: 'published', value: req(v, 'date') },
    { key: 'attachments', value: attachmentList(req(v, 'title'), refs) },
  ],
  body: () => bodyHint('Viết lịch hoặc thực đơn bên dưới, ví dụ thành bảng: | Thứ | Nội dung |.'),
};

const album: EntryKind = {
  collection: 'albums',
  about: { vi: 'album ảnh', en: 'photo albums' },
  flags: [
    titleFlag(albumSchema, '"Vui hội trăng rằm 2026"'),
    dateFlag(albumSchema, 'date'),
    filesFlag(albumSchema, 'photos', { required: true }),
    // One --alt per photo, in order.
    fieldFlag(albumSchema, 'photos.0.alt', { name: 'alt', example: '"Các em múa lân trên sân trường"', multiple: true, required: true }),
  ],
  attachments: { flag: 'file', kind: () => 'image', min: 1, max: 100, altFlag: 'alt' },
  slug: (v) => entrySlug(req(v, 'title')),
  lines: (v, refs) => [
    { key: 'title', value: req(v, 'title') },
    { key: 'date', value: req(v, 'date') },
    { key: 'photos', value: refs.map((r) => ({ src: r.ref, alt: r.alt })) },
    { hint: 'videos', example: '["https://www.youtube.com/watch?v=…"]', note: 'video YouTube (nếu có)' },
  ],
  body: () => bodyHint('Vài dòng giới thiệu album. Ảnh có trẻ em: chỉ đăng khi cha mẹ đồng ý.'),
};

const page: EntryKind = {
  collection: 'pages',
  about: { vi: 'trang giới thiệu, liên hệ …', en: 'pages (introduction, contact …)' },
  flags: [
    titleFlag(pageSchema, '"Lịch sử nhà trường"'),
    fieldFlag(pageSchema, 'kind', { name: 'kind', example: 'lich-su', choices: PAGE_KINDS, fallback: () => 'khac' }),
    fieldFlag(pageSchema, 'description', { name: 'description', example: '"…"' }),
    fieldFlag(pageSchema, 'order', { name: 'order', example: '5', check: 'int', fallback: () => '100' }),
    ...imageFlags(pageSchema),
  ],
  attachments: { flag: 'image', kind: () => 'image', min: 0, max: 1, altFlag: 'alt' },
  slug: (v) => (str(v, 'kind') && str(v, 'kind') !== 'khac' ? req(v, 'kind') : entrySlug(req(v, 'title'))),
  lines: (v, refs, ctx) =>
    pageLines({
      title: req(v, 'title'),
      kind: req(v, 'kind'),
      order: Number(req(v, 'order')),
      description: str(v, 'description'),
      updated: ctx.today,
      refs,
    }),
  body: () => bodyHint('Viết nội dung trang bên dưới.'),
};

export function pageLines(p: {
  title: string;
  kind: string;
  order: number;
  description?: string | undefined;
  updated: string;
  refs?: AttachmentRef[];
}): YamlLine[] {
  return [
    { key: 'title', value: p.title },
    { key: 'kind', value: p.kind },
    { comment: `Loại: ${PAGE_KINDS.join(', ')} (các loại trừ "khac" được đặt sẵn vào menu Giới thiệu / Liên hệ)` },
    p.description
      ? { key: 'description', value: p.description }
      : { hint: 'description', example: 'Một câu mô tả trang', note: 'dùng cho máy tìm kiếm' },
    { key: 'order', value: p.order },
    { key: 'updated', value: p.updated },
    p.refs?.[0]
      ? { key: 'image', value: imageValue(p.refs) }
      : { comment: 'Ảnh (tùy chọn):\nimage:\n  src: media/anh/ten-anh.jpg\n  alt: Mô tả ảnh' },
  ];
}

/** Kinds of `congtruong new`, by the name typed on the command line. `school` is separate. */
export const ENTRY_KINDS = { news, document, form, disclosure, admission, consultation, schedule, album, page } as const;
export type EntryKindName = keyof typeof ENTRY_KINDS;

export const isDisclosureItem = (s: string): s is DisclosureItemId => s in DISCLOSURE_ITEMS;
