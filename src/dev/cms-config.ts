/**
 * The Decap CMS `config.yml` of one school, generated from our schemas. Paths are relative to
 * the school's folder, which is the "repository" the local backend (decap-server) reads and
 * writes: collections are the content folders, uploads go to `media/…`, and file fields hold
 * the `media/…` paths that content already uses.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../content/collections.ts';
import { ADMISSION_KINDS, DOCUMENT_TYPE_NAMES, NEWS_CATEGORY_NAMES, SCHEDULE_KIND_NAMES, type PAGE_KINDS } from '../schemas/collections.ts';
import { DISCLOSURE_ITEMS } from '../schemas/disclosure-items.ts';
import { LEVEL_NAMES } from '../schemas/level.ts';
import { schoolSchema } from '../schemas/school.ts';
import { cmsFields, MEDIA_FOLDERS, type CmsField, type OptionLabels } from './cms-fields.ts';

const PAGE_KIND_NAMES: Record<(typeof PAGE_KINDS)[number], string> = {
  'gioi-thieu': 'Giới thiệu chung',
  'lich-su': 'Lịch sử',
  'co-cau-to-chuc': 'Cơ cấu tổ chức',
  'chuc-nang-nhiem-vu': 'Chức năng, nhiệm vụ',
  'lien-he': 'Liên hệ',
  khac: 'Trang khác',
};
const ADMISSION_KIND_NAMES: Record<(typeof ADMISSION_KINDS)[number], string> = {
  'ke-hoach': 'Kế hoạch tuyển sinh',
  'thong-bao': 'Thông báo tuyển sinh',
  'danh-sach': 'Danh sách dự tuyển',
  'ket-qua': 'Kết quả tuyển sinh',
};

const OPTION_LABELS: OptionLabels = {
  'pages.kind': PAGE_KIND_NAMES,
  'news.category': NEWS_CATEGORY_NAMES,
  'documents.type': DOCUMENT_TYPE_NAMES,
  'admissions.kind': ADMISSION_KIND_NAMES,
  'schedules.kind': SCHEDULE_KIND_NAMES,
  item: Object.fromEntries(Object.entries(DISCLOSURE_ITEMS).map(([id, d]) => [id, d.title])),
  levels: LEVEL_NAMES,
};

/** How each Markdown collection appears in the editor. */
interface CollectionView {
  label: string;
  singular: string;
  /** File name of new entries (Decap template). */
  slug: string;
  /** Title shown in lists. */
  summary?: string;
  identifier?: string;
  sort?: string[];
  /** Folder for attachments of this collection. */
  mediaFolder: string;
  description?: string;
}

const VIEWS: Record<CollectionName, CollectionView> = {
  pages: { label: 'Trang giới thiệu', singular: 'trang', slug: '{{slug}}', sort: ['order', 'title'], mediaFolder: MEDIA_FOLDERS.files },
  news: {
    label: 'Tin tức',
    singular: 'tin',
    slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
    sort: ['date', 'title'],
    mediaFolder: MEDIA_FOLDERS.files,
    description: 'Tin bài, thông báo, sự kiện của nhà trường. Tên tệp là địa chỉ trang.',
  },
  documents: {
    label: 'Văn bản',
    singular: 'văn bản',
    slug: '{{number}}',
    identifier: 'number',
    summary: '{{number}} – {{summary}}',
    sort: ['issued', 'number'],
    mediaFolder: MEDIA_FOLDERS.files,
  },
  disclosures: {
    label: 'Công khai',
    singular: 'mục công khai',
    slug: '{{item}}',
    identifier: 'item',
    summary: '{{item}} {{title}}',
    mediaFolder: MEDIA_FOLDERS.files,
  },
  forms: { label: 'Mẫu đơn', singular: 'mẫu đơn', slug: '{{slug}}', sort: ['title', 'updated'], mediaFolder: MEDIA_FOLDERS.forms },
  admissions: {
    label: 'Tuyển sinh',
    singular: 'tin tuyển sinh',
    slug: '{{slug}}',
    sort: ['published', 'title'],
    mediaFolder: MEDIA_FOLDERS.files,
  },
  consultations: {
    label: 'Lấy ý kiến góp ý',
    singular: 'dự thảo',
    slug: '{{slug}}',
    sort: ['published', 'title'],
    mediaFolder: MEDIA_FOLDERS.files,
  },
  schedules: {
    label: 'Lịch công tác, thời khóa biểu, thực đơn',
    singular: 'lịch',
    slug: '{{slug}}',
    sort: ['from', 'title'],
    mediaFolder: MEDIA_FOLDERS.files,
  },
  albums: { label: 'Thư viện ảnh', singular: 'album', slug: '{{slug}}', sort: ['date', 'title'], mediaFolder: MEDIA_FOLDERS.images },
};

export interface CmsConfigInput {
  /** Origin the editor is opened at, e.g. `http://127.0.0.1:4321`. */
  origin: string;
  /** School years that have a `disclosures/<year>/` folder, plus the current one. */
  disclosureYears: string[];
  /** The school's name, for the editor's title. */
  schoolName?: string | undefined;
}

/** A Decap collection (the subset of options we use). */
export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  create?: boolean;
  delete?: boolean;
  extension?: string;
  format?: string;
  slug?: string;
  summary?: string;
  identifier_field?: string;
  sortable_fields?: string[];
  filter?: { field: string; value: string };
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  fields?: CmsField[];
  /** Which zod schema this collection edits (ours, not Decap's: removed before writing YAML). */
  schema: CollectionName | 'school';
}

/**
 * The editor's commit messages in Vietnamese (Decap's defaults are "Create News “…”"): the
 * history page, the review page and the host's dashboard show them to teachers. `{{collection}}`
 * is the collection's singular label.
 */
export const COMMIT_MESSAGES = {
  create: 'Thêm {{collection}} “{{slug}}”',
  update: 'Sửa {{collection}} “{{slug}}”',
  delete: 'Xoá {{collection}} “{{slug}}”',
  uploadMedia: 'Tải lên “{{path}}”',
  deleteMedia: 'Xoá tệp “{{path}}”',
};

export interface CmsConfig {
  locale: string;
  backend: { name: string; proxy_url: string; branch: string; commit_messages: typeof COMMIT_MESSAGES };
  local_backend: { url: string; allowed_hosts: string[] };
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: string; clean_accents: boolean; sanitize_replacement: string };
  editor: { preview: boolean };
  collections: CmsCollection[];
}

const BODY: CmsField = { name: 'body', label: 'Nội dung', widget: 'markdown', required: false };

function folderCollection(name: string, schemaName: CollectionName, folder: string, over: Partial<CmsCollection> = {}): CmsCollection {
  const view = VIEWS[schemaName];
  const label = over.label ?? view.label;
  const fields = cmsFields(COLLECTIONS[schemaName] as z.ZodType, schemaName, OPTION_LABELS, view.mediaFolder);
  const c: CmsCollection = {
    name,
    label,
    label_singular: view.singular,
    folder,
    create: true,
    delete: true,
    extension: 'md',
    format: 'frontmatter',
    slug: view.slug,
    fields: [...fields, BODY],
    schema: schemaName,
    ...over,
  };
  if (view.description && !over.description) c.description = view.description;
  if (view.summary) c.summary = view.summary;
  if (view.identifier) c.identifier_field = view.identifier;
  if (view.sort) c.sortable_fields = view.sort;
  return c;
}

export function buildCmsConfig(input: CmsConfigInput): CmsConfig {
  // With a trailing slash: the preview's routes (Astro's `trailingSlash: 'always'`) require it.
  const api = `${input.origin}/api/v1/`;
  const collections: CmsCollection[] = [
    folderCollection('news', 'news', 'news'),
    folderCollection('announcements', 'news', 'news', {
      label: 'Thông báo',
      description: 'Các tin thuộc chuyên mục Thông báo (cùng thư mục với Tin tức).',
      filter: { field: 'category', value: 'thong-bao' },
    }),
    folderCollection('documents', 'documents', 'documents'),
  ];
  // Announcements are news of one category: new ones start in that category.
  const category = collections[1]!.fields!.find((f) => f.name === 'category')!;
  category.default = 'thong-bao';
  for (const year of [...new Set(input.disclosureYears)].sort().reverse()) {
    collections.push(
      folderCollection(`disclosures-${year}`, 'disclosures', `disclosures/${year}`, {
        label: `Công khai năm học ${year}`,
        label_singular: 'mục công khai',
      }),
    );
  }
  collections.push(
    folderCollection('forms', 'forms', 'forms'),
    folderCollection('pages', 'pages', 'pages'),
    folderCollection('admissions', 'admissions', 'admissions'),
    folderCollection('consultations', 'consultations', 'consultations'),
    folderCollection('schedules', 'schedules', 'schedules'),
    folderCollection('albums', 'albums', 'albums'),
    {
      name: 'school',
      label: 'Thông tin trường',
      delete: false,
      schema: 'school',
      files: [
        {
          name: 'school',
          label: input.schoolName ? `Thông tin trường (${input.schoolName})` : 'Thông tin trường',
          file: 'school.yaml',
          fields: cmsFields(schoolSchema, 'school', OPTION_LABELS, MEDIA_FOLDERS.images),
        },
      ],
    },
  );
  const hostname = new URL(input.origin).hostname;
  return {
    locale: 'vi',
    backend: { name: 'proxy', proxy_url: api, branch: 'main', commit_messages: COMMIT_MESSAGES },
    local_backend: { url: api, allowed_hosts: [hostname] },
    site_url: input.origin,
    display_url: input.origin,
    media_folder: 'media',
    public_folder: 'media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: false },
    collections,
  };
}

/** The config as Decap reads it. */
export function cmsConfigYaml(input: CmsConfigInput): string {
  const config = buildCmsConfig(input);
  const collections = config.collections.map(({ schema, ...rest }) => {
    void schema;
    return rest;
  });
  return `# Tạo tự động bởi congtruong dev từ các lược đồ nội dung; không sửa tay.\n${stringify({ ...config, collections }, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
