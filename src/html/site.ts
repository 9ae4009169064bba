/**
 * A whole site's HTML read into facts, the way an evaluator reads it: the header and footer of
 * the home page, the sections a visitor can reach from the menus (a section counts when a link
 * label or a page heading names it *and* the page behind it has matching content; URL keywords
 * never decide), the leaders, the dated posts, công khai. Both `rank` and `check --site` read
 * sites through here, so they always agree on the facts they share.
 *
 * Absence is recorded too: `searched` says where the reader looked for leaders, footer and
 * dates when it found none, so that a report can say "không tìm thấy" and where.
 */
import { DISCLOSURE_ITEMS, DISCLOSURE_ITEM_IDS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';
import { parseLocalDate } from '../util/dates.ts';
import type { DisclosureFacts, Evidence, PersonFacts, SectionKey, SiteFacts } from '../site/facts.ts';
import { schoolYearsIn } from './dates.ts';
import { readPage, textOf, type PageLink, type PageReading } from './page.ts';
import {
  EDUCATION_OFFICE,
  findEmails,
  findPhones,
  fold,
  hasAddress,
  isPersonName,
  LEADER_TITLE,
  RESPONSIBLE,
  squash,
  SUPERIOR_BODY,
  UNIT_NAME,
} from './vietnamese.ts';

export interface HtmlPage {
  url: string;
  html: string;
}

export interface HtmlSiteInput {
  id: string;
  /** Home page URL, e.g. `https://thcsleloi.songxanh.edu.vn/` or a tenant path `https://edu.viettel.vn/truong-x/`. */
  baseUrl: string;
  levels: Level[];
  pages: HtmlPage[];
  sitemapXml: boolean;
  /** Text of stylesheets by URL, to find print styles. */
  stylesheets?: Map<string, string> | undefined;
  /**
   * Sections a site built by Cổng Trường declares in its `/cong-truong.json` (absolute URLs):
   * taken as they are when their page is among the pages read.
   */
  declaredSections?: { key: SectionKey; url: string; title: string }[] | undefined;
}

/** Labels (folded) that name each section. Matched on whole words of a menu label or a page heading. */
export const SECTION_LABELS: Record<SectionKey, string[]> = {
  'gioi-thieu': ['gioi thieu', 've chung toi', 'tong quan'],
  'lich-su': ['lich su', 'qua trinh hinh thanh', 'truyen thong nha truong'],
  'co-cau-to-chuc': ['co cau to chuc', 'so do to chuc', 'bo may to chuc', 'to chuc bo may', 'co cau'],
  'chuc-nang-nhiem-vu': ['chuc nang', 'nhiem vu quyen han'],
  'lien-he': ['lien he', 'hoi dap', 'thong tin lien he'],
  'tin-tuc': ['tin tuc', 'su kien', 'thong bao', 'tin moi', 'bai viet'],
  'van-ban': ['van ban', 'cong van'],
  'tuyen-sinh': ['tuyen sinh'],
  'cong-khai': ['cong khai', 'ba cong khai'],
  'bieu-mau': ['bieu mau', 'mau don', 'mau bieu'],
  'lay-y-kien': ['lay y kien', 'gop y', 'du thao'],
  lich: ['lich cong tac', 'thoi khoa bieu', 'thuc don', 'lich tuan', 'lich hoc', 'lich thi'],
  'hoc-lieu': ['hoc lieu', 'bai giang', 'thu vien so', 'thu vien dien tu', 'tai lieu', 'tai nguyen'],
  'so-do-cong': ['so do cong', 'so do trang', 'so do website', 'so do web', 'so do site', 'site map', 'sitemap'],
  'tim-kiem': ['tim kiem'],
};

/** Labels that contain a section word but name something else ("Môn lịch sử" is a subject). */
const NOT_SECTION: Partial<Record<SectionKey, RegExp>> = {
  'lich-su': /^(mon|de thi|bai giang|on tap)\b|lich su (lop|khoi)/,
  'tin-tuc': /^tin tu /,
};

const hasWords = (text: string, phrase: string) =>
  new RegExp(`(^|[^a-z0-9])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(text);

/**
 * A menu label, not a post title: short, and without numbers or dates (a school year is fine:
 * "Công khai năm học 2025-2026"). "CÔNG KHAI BIỂU MẪU 05" and "Thông báo tuyển sinh năm 2021"
 * are documents.
 */
export function isMenuLabel(label: string): boolean {
  const words = label.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8 || label.length > 70) return false;
  return !/\d/.test(label.replace(/(20\d\d)\s*[-–—/]\s*(20\d\d)/g, ''));
}

/** Sections a label or heading names. */
function sectionsNamed(text: string): SectionKey[] {
  const t = fold(text);
  return (Object.entries(SECTION_LABELS) as [SectionKey, string[]][])
    .filter(([key, words]) => words.some((w) => hasWords(t, w)) && !NOT_SECTION[key]?.test(t))
    .map(([key]) => key);
}

const ITEM_KEYWORDS: Partial<Record<DisclosureItemId, string[]>> = {
  'thong-tin-chung': ['thong tin chung'],
  'tai-chinh': ['thu, chi tai chinh', 'thu chi tai chinh', 'tai chinh'],
  'doi-ngu': ['doi ngu'],
  'co-so-vat-chat': ['co so vat chat'],
  'kiem-dinh': ['kiem dinh', 'danh gia chat luong', 'chuan quoc gia'],
  'ke-hoach': ['ke hoach hoat dong giao duc', 'ke hoach giao duc'],
  'ket-qua': ['ket qua giao duc', 'ket qua hoat dong giao duc'],
  'bao-cao-thuong-nien': ['bao cao thuong nien'],
};

/** The công khai item a label names, if any. */
export function disclosureItemOf(text: string): DisclosureItemId | undefined {
  const t = fold(text).replace(/-/g, ' ');
  return (Object.entries(ITEM_KEYWORDS) as [DisclosureItemId, string[]][]).find(([, words]) => words.some((w) => t.includes(w)))?.[0];
}

export interface Post {
  url: string;
  date: string;
  title: string;
  source: 'page' | 'listing';
}

export interface SiteReading {
  facts: SiteFacts;
  pages: PageReading[];
  home: PageReading | undefined;
  /** School years of công khai, each with where it was seen (a công khai section page or its links). */
  disclosureYears: Record<string, Evidence>;
  posts: Post[];
  /** Where the reader looked when it found nothing: leaders pages, footer, dated pages. */
  searched: { leaders: string[]; footer: string[]; posts: number };
  /** Annual report links (PDF) found in content. */
  annualReportLinks: Evidence[];
  /** A page's own text: its content without what repeats across the site. */
  ownText: (p: PageReading) => string;
  /** A page's own content links. */
  ownLinks: (p: PageReading) => PageLink[];
}

/** Finds a page by URL, as crawlers and copies name them: exact, without query, with or without index.html. */
function pageIndex(pages: PageReading[]) {
  const map = new Map<string, PageReading>();
  const key = (u: string) => {
    try {
      const x = new URL(u);
      x.hash = '';
      return x.href;
    } catch {
      return u;
    }
  };
  const variants = (u: string): string[] => {
    const k = key(u);
    const out = [k];
    try {
      const x = new URL(k);
      if (x.search) {
        x.search = '';
        out.push(x.href);
      }
      const noIndex = x.href.replace(/\/index\.html?$/, '/');
      if (noIndex !== x.href) out.push(noIndex);
      if (!x.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(x.pathname)) out.push(`${x.href}/`);
    } catch {
      /* not a URL */
    }
    return out;
  };
  for (const p of pages) for (const v of variants(p.url)) if (!map.has(v)) map.set(v, p);
  return (u: string | undefined) => {
    if (!u) return undefined;
    for (const v of variants(u)) {
      const p = map.get(v);
      if (p) return p;
    }
    return undefined;
  };
}

const pathOf = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
};

/**
 * What repeats on many pages is the site's template (menus, side blocks, "most read" lists,
 * counters), whatever its markup: a line of text or a link seen on at least this share of the
 * pages is not a page's own content. Classic boilerplate removal; it needs no class names.
 */
class Boilerplate {
  private lines = new Map<string, number>();
  private links = new Map<string, number>();
  private threshold: number;
  constructor(pages: PageReading[]) {
    this.threshold = pages.length >= 5 ? Math.max(4, Math.ceil(pages.length * 0.3)) : Number.POSITIVE_INFINITY;
    for (const p of pages) {
      for (const l of new Set(p.body.split('\n').map((x) => x.trim()))) if (l) this.lines.set(l, (this.lines.get(l) ?? 0) + 1);
      for (const k of new Set(p.links.map((l) => `${l.label}|${l.url ?? l.href}`))) this.links.set(k, (this.links.get(k) ?? 0) + 1);
    }
  }
  text(p: PageReading): string {
    return p.content
      .split('\n')
      .filter((l) => (this.lines.get(l.trim()) ?? 0) < this.threshold)
      .join('\n');
  }
  isTemplateLine(line: string): boolean {
    return (this.lines.get(line.trim()) ?? 0) >= this.threshold;
  }
  isTemplate(l: PageLink): boolean {
    return (this.links.get(`${l.label}|${l.url ?? l.href}`) ?? 0) >= this.threshold;
  }
}

let template: Boilerplate;
const own = (p: PageReading) => ownCache.get(p) ?? ownCache.set(p, template.text(p)).get(p)!;
let ownCache = new WeakMap<PageReading, string>();
/** Links of the page's own content (not menus, not repeated blocks). */
const ownLinks = (p: PageReading) => p.links.filter((l) => l.region === 'main' && l.url && l.url !== p.url && !template.isTemplate(l));

/** The page has content of its own for a section, beyond its title ("Đang cập nhật…" is none). */
function hasContentFor(p: PageReading, key: SectionKey): boolean {
  const ownText = own(p).replace(/\s+/g, ' ').trim();
  const rest = p.headings.reduce((t, h) => t.replace(h, ''), ownText).trim().length;
  const updating = /dang cap nhat|dang xay dung|coming soon|under construction/.test(fold(ownText.slice(0, 200))) && ownText.length < 300;
  if (updating) return false;
  const links = ownLinks(p);
  if (key === 'lien-he' && (findPhones(p.content).length > 0 || findEmails(p.content).length > 0 || p.$('textarea').length > 0))
    return true;
  if (key === 'tim-kiem') return true;
  if (key === 'cong-khai') {
    const ckLinks = links.filter(
      (l) => /cong khai/.test(fold(l.label)) || !!disclosureItemOf(l.label) || schoolYearsIn(l.label).length > 0,
    );
    return ckLinks.length > 0 || schoolYearsIn(ownText).length > 0;
  }
  return rest >= 25 || links.length >= 3;
}

/** The page is about the section: a heading names it (or its opening text does, for pages without headings). */
function isAbout(p: PageReading, key: SectionKey): boolean {
  if (p.headings.some((h) => sectionsNamed(h).includes(key))) return true;
  return sectionsNamed(own(p).slice(0, 120)).includes(key);
}

/** Leaders from a leaders page: tables, "Họ và tên: … Chức vụ: …" blocks, or "Hiệu trưởng: Nguyễn Văn A" lines. */
function leadersOn(p: PageReading): PersonFacts[] {
  const out: PersonFacts[] = [];
  const { $ } = p;
  $('table tr').each((_, tr) => {
    const cells = $(tr)
      .find('td, th')
      .toArray()
      .map((td) => squash(textOf(td), 400));
    if (cells.length < 2) return;
    const name = cells.find((c) => isPersonName(c));
    if (!name) return;
    const title = cells.find((c) => c !== name && LEADER_TITLE.test(fold(c)) && c.length < 60);
    const phone = cells.map((c) => findPhones(c)[0]).find(Boolean);
    const email = cells.map((c) => findEmails(c)[0]).find(Boolean);
    if (!title && !phone && !email) return;
    const duties = cells.find(
      (c) => c !== name && c !== title && !findPhones(c).length && !findEmails(c).length && c.length > 3 && !/^\d+$/.test(c),
    );
    out.push({ name, title, phone, email, duties, evidence: { url: p.url, text: squash(cells.join(' | '), 160) } });
  });
  if (out.length > 0) return out;
  const text = own(p);
  // "Họ và tên: X  Chức vụ: Y  Điện thoại: Z  Email: W  Nhiệm vụ: …"
  const blocks = text.split(/(?=H[ọo] (?:v[àa] )?t[êe]n\s*:)/iu).slice(1);
  for (const b of blocks) {
    const field = (re: RegExp) => re.exec(b)?.[1]?.trim();
    const name = field(/H[ọo] (?:v[àa] )?t[êe]n\s*:\s*([^\n:]+?)(?=\s*(?:\n|Chức vụ|Điện thoại|Email|$))/iu);
    if (!name || !isPersonName(name)) continue;
    out.push({
      name,
      title: field(/Chức vụ\s*:\s*([^\n]+?)(?=\s*(?:\n|Học|Điện|Email|$))/iu),
      phone: findPhones(b)[0],
      email: findEmails(b)[0],
      duties: field(/(?:Nhiệm vụ|Phụ trách|Phân công)[^:]*:\s*([^\n]{4,})/iu),
      evidence: { url: p.url, text: squash(b, 160) },
    });
  }
  if (out.length > 0) return out;
  // "Giám đốc Sở GD&ĐT: Nguyễn Thế Bình Email: …" or "Nguyễn Văn A - Hiệu trưởng"
  for (const line of text.split('\n')) {
    const f = fold(line);
    if (!LEADER_TITLE.test(f)) continue;
    const m =
      /:\s*((?:\p{Lu}[\p{L}]*\s+){1,5}\p{Lu}[\p{L}]*)/u.exec(line) ??
      /^(?:\d+\.\s*)?((?:\p{Lu}[\p{L}]*\s+){1,5}\p{Lu}[\p{L}]*)\s*[-–,]/u.exec(line);
    const name = m?.[1]?.trim();
    if (!name || !isPersonName(name)) continue;
    out.push({
      name,
      title: squash(line.slice(0, Math.max(0, line.indexOf(name))).replace(/^\d+\.\s*|[:\-–,\s]+$/g, ''), 60) || undefined,
      phone: findPhones(line)[0],
      email: findEmails(line)[0],
      duties: undefined,
      evidence: { url: p.url, text: squash(line, 160) },
    });
  }
  return out;
}

function matchItem(slug: string, title: string): DisclosureItemId | undefined {
  if ((DISCLOSURE_ITEM_IDS as readonly string[]).includes(slug)) return slug as DisclosureItemId;
  const t = fold(title);
  return DISCLOSURE_ITEM_IDS.find((id) => t.includes(fold(DISCLOSURE_ITEMS[id].title)));
}

function dateIn(text: string): string | undefined {
  const m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  return m ? parseLocalDate(`${m[1]}/${m[2]}/${m[3]}`)?.iso : undefined;
}

/** Reads every page once and derives the site's facts. */
export function readSite(input: HtmlSiteInput): SiteReading {
  const pages = input.pages.map((p) => readPage(p.url, p.html));
  template = new Boilerplate(pages);
  ownCache = new WeakMap();
  const find = pageIndex(pages);
  const base = new URL(input.baseUrl);
  // A tenant's site lives under its path (`/truong-x/`); an entry file (`/Default.html`) lives at its folder.
  const baseDir = decodeURIComponent(base.pathname).replace(/[^/]*$/, '');
  const sameSite = (u: string | undefined) => {
    if (!u) return false;
    try {
      const x = new URL(u);
      return x.host === base.host && decodeURIComponent(x.pathname).startsWith(baseDir);
    } catch {
      return false;
    }
  };
  let home = find(input.baseUrl) ?? pages.find((p) => pathOf(p.url) === '/') ?? pages[0];
  // A copy's entry page that only redirects: the page it redirects to is the home page.
  for (let i = 0; i < 3 && home?.refresh && home.body.length < 200; i++) {
    const next = find(new URL(home.refresh, home.url).href);
    if (!next || next === home) break;
    home = next;
  }
  const ordered = home ? [home, ...pages.filter((p) => p !== home)] : pages;

  // Sections: declared by the site's own list, then menu labels (what every visitor sees), any link, page headings.
  const sections: Partial<Record<SectionKey, Evidence>> = {};
  for (const d of input.declaredSections ?? []) {
    const p = find(d.url);
    if (p && !sections[d.key]) sections[d.key] = { url: p.url, text: `${d.title} (theo bản kê chuyên mục của trang)` };
  }
  const confirm = (key: SectionKey, target: PageReading | undefined) => !!target && isAbout(target, key) && hasContentFor(target, key);
  const regionRank: Record<PageLink['region'], number> = { nav: 0, header: 0, footer: 1, main: 2, aside: 3 };
  for (const pass of [0, 1, 2]) {
    for (const p of ordered) {
      for (const l of p.links) {
        if (regionRank[l.region] > pass || !l.url || !sameSite(l.url) || !isMenuLabel(l.label) || find(l.url) === p) continue;
        for (const key of sectionsNamed(l.label)) {
          if (sections[key] || key === 'tim-kiem') continue;
          const target = find(l.url);
          if (confirm(key, target)) sections[key] = { url: target!.url, text: `«${l.label}» (liên kết trên ${p.url})` };
        }
      }
    }
  }
  // A page no other page links to is not part of what a visitor can reach.
  const linked = new Set<PageReading>();
  for (const p of ordered)
    for (const l of p.links) {
      const t = l.url && l.url !== p.url ? find(l.url) : undefined;
      if (t && t !== p) linked.add(t);
    }
  for (const p of ordered) {
    if (p !== home && !linked.has(p)) continue;
    for (const h of p.headings) {
      if (!isMenuLabel(h)) continue;
      for (const key of sectionsNamed(h)) {
        if (!sections[key] && key !== 'tim-kiem' && key !== 'so-do-cong' && confirm(key, p))
          sections[key] = { url: p.url, text: `«${h}» (tiêu đề trang)` };
      }
    }
  }
  const searchPage = ordered.find((p) => p.search);
  if (searchPage) sections['tim-kiem'] = { url: searchPage.url, text: searchPage.search };
  // The HTML site map: a link named so whose page links to many pages of the site.
  if (sections['so-do-cong']) {
    const map = find(sections['so-do-cong'].url);
    if (map && map.links.filter((l) => l.url && sameSite(l.url)).length < 10) delete sections['so-do-cong'];
  }

  // Header and footer of the home page.
  let header: SiteFacts['header'];
  let footer: SiteFacts['footer'];
  const searchedFooter: string[] = [];
  let name: string | undefined;
  let governingBody: SiteFacts['governingBody'];
  const emails = new Set<string>();
  if (home) {
    const headText = home.header;
    const hf = fold(headText);
    const school = /(?:^|[^a-z])(?:truong|mam non|nha tre)(?![a-z])/.test(hf);
    header = {
      name: UNIT_NAME.test(hf),
      // A school names its Phòng/Sở or UBND; a Phòng or Sở names the committee or ministry above it.
      governingBody: school ? EDUCATION_OFFICE.test(hf) || SUPERIOR_BODY.test(hf) : SUPERIOR_BODY.test(hf),
      evidence: { url: home.url, text: squash(headText, 160) },
    };
    name = home.$('header .unit-name').first().text().trim() || home.$('title').text().trim() || undefined;
    let foot = home.footer;
    if (!home.footerMarked) {
      // No footer element: the lines that end every page (the site's template) are its footer.
      const lines = home.body
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const tail: string[] = [];
      for (let i = lines.length - 1; i >= 0 && tail.length < 5 && template.isTemplateLine(lines[i]!); i--) tail.unshift(lines[i]!);
      foot = tail.length > 0 ? tail.join('\n') : (lines.at(-1) ?? '');
    }
    if (!foot) searchedFooter.push(home.url);
    const f = foot;
    const ff = fold(f);
    footer = {
      unitName: UNIT_NAME.test(ff),
      responsiblePerson: RESPONSIBLE.test(ff),
      address: hasAddress(ff),
      phone: findPhones(f).length > 0,
      email: findEmails(f).length > 0,
      evidence: { url: home.url, text: foot ? `${home.footerMarked ? '' : 'cuối trang: '}${squash(f, 200)}` : 'không tìm thấy chân trang' },
    };
    for (const e of [...findEmails(foot), ...findEmails(home.header)]) emails.add(e);
    home.$('[data-ctr=footer] a[href^="mailto:"], [data-ctr=header] a[href^="mailto:"]').each((_, a) => {
      const e = (home!.$(a).attr('href') ?? '').slice(7).split('?')[0]!.toLowerCase();
      if (e) emails.add(e);
    });
    const gb = home.$('header .governing').first().text().trim();
    if (gb) governingBody = { name: gb, url: home.$('footer a[href^="http"]').first().attr('href') };
  }
  // Contact e-mails: the footer, the header and the contact page; never an address inside an article.
  const contact = find(sections['lien-he']?.url);
  if (contact) for (const e of findEmails(own(contact))) emails.add(e);

  // Leaders: pages a menu or heading names as leaders, whatever their content; none found is a finding.
  const LEADERS = /ban giam hieu|lanh dao|ban giam doc|hieu truong nha truong/;
  const leaderPages = new Set<PageReading>();
  for (const p of ordered) {
    for (const l of p.links)
      if (l.url && isMenuLabel(l.label) && LEADERS.test(fold(l.label))) {
        const t = find(l.url);
        if (t) leaderPages.add(t);
      }
    if (p.headings.some((h) => isMenuLabel(h) && LEADERS.test(fold(h)))) leaderPages.add(p);
  }
  const leaders = [...leaderPages].flatMap(leadersOn);
  const aboutPage = find(sections['gioi-thieu']?.url);
  if (leaders.length === 0 && aboutPage) leaders.push(...leadersOn(aboutPage));

  // Posts: the page's own publication date, and dated items of listings (content only, never side blocks).
  const posts = new Map<string, Post>();
  const postKey = (u: string) => {
    const p = find(u);
    return p ? p.url : u;
  };
  for (const p of ordered)
    if (p.published && p.isArticle)
      posts.set(postKey(p.url), { url: p.url, date: p.published, title: p.headings[0] ?? '', source: 'page' });
  for (const p of ordered) {
    for (const l of ownLinks(p)) {
      if (!l.date || !l.url || !sameSite(l.url) || l.url === p.url) continue;
      const k = postKey(l.url);
      if (!posts.has(k)) posts.set(k, { url: l.url, date: l.date, title: l.label, source: 'listing' });
    }
  }
  const postList = [...posts.values()].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));

  // Công khai: school years and items from the công khai section page and the pages it links to.
  const disclosureYears: Record<string, Evidence> = {};
  const ckPages: PageReading[] = [];
  const ck = find(sections['cong-khai']?.url);
  if (ck) {
    ckPages.push(ck);
    for (const l of ck.links) {
      if (l.region !== 'main' && l.region !== 'nav') continue;
      const t = find(l.url);
      if (t && (/cong khai/.test(fold(`${l.label} ${t.headings.join(' ')}`)) || schoolYearsIn(l.label).length > 0) && !ckPages.includes(t))
        ckPages.push(t);
    }
    for (const p of ckPages) {
      for (const h of p.headings) for (const y of schoolYearsIn(h)) disclosureYears[y] ??= { url: p.url, text: squash(h, 120) };
      for (const l of p.links) {
        if (l.region !== 'main' && !(p === ck && l.region === 'nav')) continue;
        for (const y of schoolYearsIn(l.label))
          disclosureYears[y] ??= { url: l.url ?? p.url, text: `«${squash(l.label, 100)}» (trên ${p.url})` };
      }
    }
  }

  // Disclosure items: links of công khai pages, and công khai documents of content lists ("Công khai năm học 2025-2026: Đội ngũ").
  const disclosures: DisclosureFacts[] = [];
  const seenItem = new Set<string>();
  const addDisclosure = (schoolYear: string, item: DisclosureItemId, title: string, ev: Evidence, attachmentTypes: string[] = []) => {
    const k = `${schoolYear}/${item}`;
    if (seenItem.has(k)) return;
    seenItem.add(k);
    disclosures.push({ schoolYear, item, title, attachmentTypes, evidence: ev });
  };
  const annualReportLinks: Evidence[] = [];
  for (const p of ordered) {
    const inCk = ckPages.includes(p);
    const pageYear = schoolYearsIn(p.headings.join(' '))[0];
    for (const l of ownLinks(p)) {
      if (!l.url) continue;
      const f = fold(`${l.label} ${decodeURIComponent(l.href)}`);
      if (/\.pdf(\?|$)/i.test(l.href) && /bao cao thuong nien|bao-cao-thuong-nien|baocaothuongnien/.test(f))
        annualReportLinks.push({ url: l.url, text: squash(l.label || l.href, 120) });
      if (!inCk && !/cong khai/.test(fold(l.label))) continue;
      const year = schoolYearsIn(l.label)[0] ?? (inCk ? pageYear : undefined);
      const item = disclosureItemOf(l.label);
      if (year && item) {
        const type = /\.(pdf|docx?|xlsx?)(\?|$)/i.exec(l.href)?.[1]?.toLowerCase();
        addDisclosure(year, item, l.label, { url: l.url, text: squash(l.label, 120) }, type ? [type] : []);
      }
    }
  }

  // Cổng Trường's own layout: news, documents, công khai items and admissions at known paths.
  const news: SiteFacts['news'] = postList.map((p) => ({ title: p.title, published: p.date, evidence: { url: p.url } }));
  const documents: SiteFacts['documents'] = [];
  const admissions: SiteFacts['admissions'] = [];
  const forms: SiteFacts['forms'] = [];
  const texts: SiteFacts['texts'] = [];
  const rssFeeds = new Set<string>();
  for (const page of ordered) {
    const { $ } = page;
    texts.push({ text: page.prose, evidence: { url: page.url } });
    if (page === home) {
      $('link[rel=alternate][type="application/rss+xml"]').each(
        (_, l) => void rssFeeds.add(new URL($(l).attr('href') ?? '/', page.url).href),
      );
    }
    if (input.stylesheets) {
      $('link[rel=stylesheet][href]').each((_, l) => {
        const css = input.stylesheets?.get(new URL($(l).attr('href')!, page.url).href);
        if (css && /@media\s+print/.test(css)) page.facts.printStylesheet = true;
      });
    }
    const path = pathOf(page.url);
    const dcDate = $('meta[name="DC.date"]').attr('content');
    const pageTitle = $('h1').first().text().trim();
    const attachmentTypes = $('a[href]')
      .map((_, a) => /\.(pdf|docx?|xlsx?)(\?|$)/i.exec($(a).attr('href') ?? '')?.[1]?.toLowerCase())
      .get()
      .filter(Boolean);
    const segs = path.split('/').filter(Boolean);
    if (segs[0] === 'van-ban' && segs.length === 2) {
      const number = $('dl dt')
        .filter((_, dt) => fold($(dt).text()).includes('so hieu'))
        .next()
        .text()
        .trim();
      documents.push({
        title: pageTitle,
        number: number || undefined,
        published: dcDate,
        hasFile: attachmentTypes.length > 0,
        evidence: { url: page.url },
      });
    } else if (segs[0] === 'cong-khai' && segs.length === 3 && /^\d{4}-\d{4}$/.test(segs[1]!)) {
      const item = matchItem(segs[2]!, pageTitle);
      if (item) {
        const meta = fold($('.meta').first().text());
        const k = `${segs[1]}/${item}`;
        const facts: DisclosureFacts = {
          schoolYear: segs[1]!,
          item,
          title: pageTitle,
          published: dateIn(meta) ?? dcDate,
          updated: meta.includes('cap nhat') ? dateIn(meta.slice(meta.indexOf('cap nhat'))) : undefined,
          attachmentTypes,
          evidence: { url: page.url },
        };
        const i = disclosures.findIndex((d) => `${d.schoolYear}/${d.item}` === k);
        if (i >= 0) disclosures[i] = facts;
        else disclosures.push(facts);
        seenItem.add(k);
        disclosureYears[segs[1]!] ??= { url: page.url, text: squash(pageTitle, 120) };
      }
    } else if (segs[0] === 'tuyen-sinh' && segs.length === 2) {
      const labels = $('dl dt')
        .map((_, dt) => fold($(dt).text()))
        .get();
      const DETAIL_LABELS: Record<string, string> = {
        'doi tuong': 'doiTuong',
        'chi tieu': 'chiTieu',
        'hinh thuc': 'hinhThuc',
        'dieu kien': 'dieuKien',
        'ho so': 'hoSo',
        'thoi gian': 'thoiGian',
        'dia diem': 'diaDiem',
      };
      const yearMatch = /(\d{4})\s*-\s*(\d{4})/.exec(`${pageTitle} ${page.body.slice(0, 400)}`);
      admissions.push({
        title: pageTitle,
        schoolYear: yearMatch ? `${yearMatch[1]}-${yearMatch[2]}` : undefined,
        kind: fold(pageTitle).includes('thong bao') ? 'thong-bao' : 'ke-hoach',
        published: dcDate,
        details: labels.map((l) => DETAIL_LABELS[l]).filter((x): x is string => !!x),
        registrationUrl: $('a')
          .filter((_, a) => fold($(a).text()).includes('dang ky'))
          .attr('href'),
        evidence: { url: page.url },
      });
    } else if (segs[0] === 'bieu-mau') {
      $('a[download], a[href$=".docx"], a[href$=".pdf"]').each(
        (_, a) => void forms.push({ title: $(a).text().trim(), evidence: { url: page.url } }),
      );
    }
  }

  const facts: SiteFacts = {
    id: input.id,
    input: 'html',
    name,
    levels: input.levels,
    domain: base.hostname,
    emails: [...emails],
    governingBody,
    header,
    footer,
    sections,
    // Always a list for HTML: no leaders found is a finding (SEC-002 "none"), never "unknown".
    leaders,
    news,
    documents,
    disclosures,
    schedules: [],
    forms,
    admissions,
    consultations: [],
    texts,
    technical: {
      https: input.baseUrl.startsWith('https:'),
      pages: pages.map((p) => p.facts),
      sitemapXml: input.sitemapXml,
      rssFeeds: [...rssFeeds],
    },
  };
  return {
    facts,
    pages,
    home,
    disclosureYears,
    posts: postList,
    searched: { leaders: [...leaderPages].map((p) => p.url), footer: searchedFooter, posts: pages.length },
    annualReportLinks,
    ownText: own,
    ownLinks,
  };
}
