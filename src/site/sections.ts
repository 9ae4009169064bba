/**
 * The sections of a school portal, once: their route, their title in both languages, where the
 * menus show them and the key under which `/cong-truong.json` and the checker name them.
 *
 * Everything that writes a section address or title reads this table: the theme's menus, links,
 * site map and manifest (`templates/`), the feeds (`src/feeds/`), the host's syndication, the
 * checker's facts (`src/compliance/facts-from-content.ts`) and the scaffolder's messages.
 * Astro page files (`templates/pages/[school]/tin-tuc/…`) are routes themselves and keep their
 * folder names; `tests/theme/sections.test.ts` checks that every routed section has its page
 * folder, so a route changed here without its folder fails a test instead of breaking links.
 *
 * If you add a section: add its row here, its page folder in `templates/pages/[school]/`, and,
 * when other portals have it too, its words in `SECTION_LABELS` (`src/html/site.ts`).
 */

/**
 * Keys under which the manifest and the checker name a section (TT 37/2020 Điều 9 and
 * TT 32/2017 Điều 16). They are part of the `/cong-truong.json` contract: never rename one.
 * `lich-su`, `co-cau-to-chuc` and `chuc-nang-nhiem-vu` are pages under Giới thiệu (their page
 * `kind`); `hoc-lieu` exists on other portals only, the checker recognises it when crawling.
 */
export const MANIFEST_KEYS = [
  'gioi-thieu',
  'lich-su',
  'co-cau-to-chuc',
  'chuc-nang-nhiem-vu',
  'lien-he',
  'tin-tuc',
  'van-ban',
  'tuyen-sinh',
  'cong-khai',
  'bieu-mau',
  'lay-y-kien',
  'lich',
  'hoc-lieu',
  'so-do-cong',
  'tim-kiem',
] as const;
export type ManifestKey = (typeof MANIFEST_KEYS)[number];

/**
 * Where a menu lists a section: `wide` in the menu bar and in the folded (phone) menu, `folded`
 * in the folded menu only (the bar has the search box instead). Absent: in no menu.
 */
export type MenuPlace = 'wide' | 'folded';

/** A text in both languages of the product. */
export interface Localized {
  vi: string;
  en: string;
}

export interface Section {
  /** Root-relative address of the section's first page, with the trailing slash. */
  route: `/${string}`;
  /** The section's name in menus, the site map and the manifest. */
  title: Localized;
  /** Place in a school site's main menu. */
  menu?: MenuPlace;
  /** Place in the host portal's main menu; the host portal renders only these sections and `feeds`. */
  hostMenu?: MenuPlace;
  /** Key in `/cong-truong.json` and in the checker's facts. */
  manifest?: ManifestKey;
}

/**
 * The sections, in menu and site-map order. Keys are the names the theme uses for the current
 * menu entry (`section="news"`) and, where a section lists a collection, the collection's name.
 */
export const SECTIONS = {
  home: { route: '/', title: { vi: 'Trang chủ', en: 'Home' }, menu: 'wide', hostMenu: 'wide' },
  about: { route: '/gioi-thieu/', title: { vi: 'Giới thiệu', en: 'About' }, menu: 'wide', manifest: 'gioi-thieu' },
  news: { route: '/tin-tuc/', title: { vi: 'Tin tức', en: 'News' }, menu: 'wide', hostMenu: 'wide', manifest: 'tin-tuc' },
  /** News of one category: `/chuyen-muc/<category>/`. */
  categories: { route: '/chuyen-muc/', title: { vi: 'Chuyên mục', en: 'Categories' } },
  documents: { route: '/van-ban/', title: { vi: 'Văn bản', en: 'Documents' }, menu: 'wide', hostMenu: 'wide', manifest: 'van-ban' },
  /** Công khai by school year: `/cong-khai/<năm-học>/<item>/`. */
  disclosures: { route: '/cong-khai/', title: { vi: 'Công khai', en: 'Disclosures' }, menu: 'wide', manifest: 'cong-khai' },
  admissions: { route: '/tuyen-sinh/', title: { vi: 'Tuyển sinh', en: 'Admissions' }, menu: 'wide', manifest: 'tuyen-sinh' },
  forms: { route: '/bieu-mau/', title: { vi: 'Biểu mẫu', en: 'Forms' }, menu: 'wide', manifest: 'bieu-mau' },
  consultations: { route: '/lay-y-kien/', title: { vi: 'Lấy ý kiến góp ý', en: 'Public consultation' }, manifest: 'lay-y-kien' },
  schedules: { route: '/lich/', title: { vi: 'Lịch công tác, thực đơn', en: 'Schedules and menus' }, manifest: 'lich' },
  albums: { route: '/thu-vien-anh/', title: { vi: 'Thư viện ảnh', en: 'Photo albums' } },
  contact: { route: '/lien-he/', title: { vi: 'Liên hệ', en: 'Contact' }, menu: 'wide', manifest: 'lien-he' },
  feeds: { route: '/rss/', title: { vi: 'Kênh RSS', en: 'RSS feeds' } },
  sitemap: { route: '/so-do-cong/', title: { vi: 'Sơ đồ cổng', en: 'Site map' }, menu: 'wide', hostMenu: 'wide', manifest: 'so-do-cong' },
  search: { route: '/tim-kiem/', title: { vi: 'Tìm kiếm', en: 'Search' }, menu: 'folded', hostMenu: 'folded', manifest: 'tim-kiem' },
} as const satisfies Record<string, Section>;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];

/** The first page of a section: `sectionUrl('documents')` is `/van-ban/`. */
export function sectionUrl(name: SectionName): string {
  return SECTIONS[name].route;
}

/**
 * A page inside a section: `entryUrl('documents', 'qd-125')` is `/van-ban/qd-125/`; several
 * segments nest (`entryUrl('disclosures', '2025-2026', 'tai-chinh')`).
 */
export function entryUrl(name: SectionName, ...segments: string[]): string {
  return `${SECTIONS[name].route}${segments.map((s) => `${s}/`).join('')}`;
}

/** The section that lists each collection whose entries have a page of their own. */
export const COLLECTION_SECTIONS = {
  news: 'news',
  documents: 'documents',
  disclosures: 'disclosures',
  forms: 'forms',
  admissions: 'admissions',
  consultations: 'consultations',
  schedules: 'schedules',
  albums: 'albums',
} as const satisfies Record<string, SectionName>;

/**
 * The address of a page of `pages/`: the introduction and the contact page are sections of their
 * own (`/gioi-thieu/`, `/lien-he/`), every other page is under Giới thiệu.
 */
export function pageAddress(kind: string, slug: string): string {
  if (kind === 'gioi-thieu') return sectionUrl('about');
  if (kind === 'lien-he') return sectionUrl('contact');
  return entryUrl('about', slug);
}

/** The section's RSS feed, for the sections that have one (`/van-ban/rss.xml`). */
export function feedUrl(name: 'documents' | 'disclosures' | 'categories', ...segments: string[]): string {
  return `${entryUrl(name, ...segments)}rss.xml`;
}

/** Entries of a main menu, in table order. */
export function menuSections(portal: 'school' | 'host', place: MenuPlace): SectionName[] {
  const key = portal === 'school' ? 'menu' : 'hostMenu';
  return SECTION_NAMES.filter((n) => {
    const at = (SECTIONS[n] as Section)[key];
    return at === 'wide' || at === place;
  });
}

/** Sections listed in `/cong-truong.json`, in table order, with their manifest key. */
export function manifestSections(): [SectionName, ManifestKey][] {
  return SECTION_NAMES.flatMap((n) => {
    const key = (SECTIONS[n] as Section).manifest;
    return key ? [[n, key] as [SectionName, ManifestKey]] : [];
  });
}

/** The section a manifest key belongs to, if the theme renders it as a section of its own. */
export function sectionOfManifestKey(key: ManifestKey): SectionName | undefined {
  return SECTION_NAMES.find((n) => (SECTIONS[n] as Section).manifest === key);
}
