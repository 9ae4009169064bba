/**
 * Facts from HTML pages: a site built by Cổng Trường or any other school website. Sections are
 * recognised from link texts, URLs and headings, compared without diacritics (`đ` → `d`), so
 * that "Cong khai", "CÔNG KHAI" and "/cong-khai/" all count.
 */
import * as cheerio from 'cheerio';
import type { Level } from '../schemas/level.ts';
import { DISCLOSURE_ITEMS, DISCLOSURE_ITEM_IDS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import { parseLocalDate } from '../util/dates.ts';
import { foldDiacritics } from '../util/slug.ts';
import type { DisclosureFacts, Evidence, PageFacts, SectionKey, SiteFacts } from './facts.ts';

export interface HtmlPage {
  url: string;
  html: string;
}

export interface HtmlSiteInput {
  id: string;
  /** Home page URL, e.g. `https://thcsleloi.songxanh.edu.vn/`. */
  baseUrl: string;
  levels: Level[];
  pages: HtmlPage[];
  sitemapXml: boolean;
  /** Text of stylesheets by URL, to find print styles. */
  stylesheets?: Map<string, string> | undefined;
}

const fold = (s: string) => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** Keywords (folded) of each section, in link texts, headings or URL paths. */
export const SECTION_KEYWORDS: Record<SectionKey, string[]> = {
  'gioi-thieu': ['gioi thieu', 'gioi-thieu'],
  'lich-su': ['lich su', 'qua trinh hinh thanh', 'lich-su'],
  'co-cau-to-chuc': ['co cau to chuc', 'so do to chuc', 'bo may', 'co-cau-to-chuc'],
  'chuc-nang-nhiem-vu': ['chuc nang', 'nhiem vu quyen han', 'chuc-nang'],
  'lien-he': ['lien he', 'lien-he', 'hoi dap'],
  'tin-tuc': ['tin tuc', 'tin-tuc', 'su kien', 'thong bao'],
  'van-ban': ['van ban', 'van-ban', 'cong van'],
  'tuyen-sinh': ['tuyen sinh', 'tuyen-sinh'],
  'cong-khai': ['cong khai', 'cong-khai', 'ba cong khai'],
  'bieu-mau': ['bieu mau', 'bieu-mau', 'mau don'],
  'lay-y-kien': ['lay y kien', 'lay-y-kien', 'gop y'],
  lich: ['lich cong tac', 'thoi khoa bieu', 'thuc don', '/lich/'],
  'hoc-lieu': ['hoc lieu', 'bai giang', 'thu vien so'],
  'so-do-cong': ['so do cong', 'so do trang', 'so do website', 'site map', 'sitemap', 'so-do-cong'],
  'tim-kiem': ['tim kiem', 'tim-kiem'],
};

const DATE_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

function dateIn(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  return parseLocalDate(`${m[1]}/${m[2]}/${m[3]}`)?.iso;
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

export function factsFromHtml(input: HtmlSiteInput): SiteFacts {
  const sections: Partial<Record<SectionKey, Evidence>> = {};
  const pages: PageFacts[] = [];
  const texts: SiteFacts['texts'] = [];
  const news: SiteFacts['news'] = [];
  const documents: SiteFacts['documents'] = [];
  const disclosures: DisclosureFacts[] = [];
  const admissions: SiteFacts['admissions'] = [];
  const forms: SiteFacts['forms'] = [];
  const emails = new Set<string>();
  const rssFeeds = new Set<string>();
  let header: SiteFacts['header'];
  let footer: SiteFacts['footer'];
  let leaders: SiteFacts['leaders'];
  let name: string | undefined;
  let governingBody: SiteFacts['governingBody'];
  const home = input.pages.find((p) => pathOf(p.url) === '/') ?? input.pages[0];

  for (const page of input.pages) {
    const $ = cheerio.load(page.html);
    const path = pathOf(page.url);
    const bodyText = $('body').text().replace(/\s+/g, ' ').trim();
    const isHome = page === home;

    // Sections: links and headings anywhere, and the page's own URL.
    const candidates: { text: string; href?: string | undefined }[] = [{ text: path, href: page.url }];
    $('a[href]').each((_, a) => void candidates.push({ text: `${$(a).text()} ${$(a).attr('href') ?? ''}`, href: $(a).attr('href') }));
    $('h1, h2').each((_, h) => void candidates.push({ text: $(h).text() }));
    for (const c of candidates) {
      const t = fold(c.text);
      for (const [key, words] of Object.entries(SECTION_KEYWORDS) as [SectionKey, string[]][]) {
        if (!sections[key] && words.some((w) => t.includes(w)))
          sections[key] = { url: c.href ? new URL(c.href, page.url).href : page.url, text: c.text.trim().slice(0, 80) };
      }
    }
    if (!sections['tim-kiem'] && ($('form[role=search], input[type=search]').length > 0 || $('[role=search]').length > 0)) {
      sections['tim-kiem'] = { url: page.url, text: 'search form' };
    }

    const dcNames = $('meta[name^="DC."]')
      .filter((_, m) => ($(m).attr('content') ?? '').trim() !== '')
      .map((_, m) => ($(m).attr('name') ?? '').slice(3).toLowerCase())
      .get();
    let printStylesheet = $('link[rel=stylesheet][media*=print]').length > 0 || /@media\s+print/.test($('style').text());
    $('link[rel=stylesheet][href]').each((_, l) => {
      const css = input.stylesheets?.get(new URL($(l).attr('href')!, page.url).href);
      if (css && /@media\s+print/.test(css)) printStylesheet = true;
    });
    const rss = $('link[rel=alternate][type="application/rss+xml"]');
    if (rss.length > 0 && isHome) rss.each((_, l) => void rssFeeds.add(new URL($(l).attr('href') ?? '/', page.url).href));
    pages.push({
      url: page.url,
      charset:
        $('meta[charset]').attr('charset') ?? /charset=([\w-]+)/i.exec($('meta[http-equiv="Content-Type" i]').attr('content') ?? '')?.[1],
      lang: $('html').attr('lang'),
      viewport: ($('meta[name=viewport]').attr('content') ?? '').includes('width=device-width'),
      dublinCore: dcNames,
      imagesWithoutAlt: $('img:not([alt])').length,
      h1Count: $('h1').length,
      tablesWithoutHeaders: $('table').filter((_, t) => $(t).find('th').length === 0).length,
      rssLinked: rss.length > 0,
      printStylesheet,
      nfc: bodyText === bodyText.normalize('NFC'),
      // Error pages and pure listings need no Dublin Core of their own.
      isContentPage: !/\/404(\.html)?$/.test(path) && $('meta[name=robots][content*=noindex]').length === 0,
    });
    texts.push({ text: $('main').text() || bodyText, evidence: { url: page.url } });
    $('a[href^="mailto:"]').each((_, a) => {
      const e = ($(a).attr('href') ?? '').slice(7).split('?')[0]!.toLowerCase();
      if (e) emails.add(e);
    });

    if (isHome) {
      const head = $('header').first();
      const headText = fold(head.text() || bodyText.slice(0, 300));
      name = $('header .unit-name').first().text().trim() || $('title').text().trim() || undefined;
      header = {
        name: /\btruong\b|\bmam non\b|\bgiao duc\b/.test(headText),
        governingBody: /\b(phong|so) giao duc|uy ban nhan dan|ubnd|phong van hoa/.test(headText),
        evidence: { url: page.url, text: head.text().replace(/\s+/g, ' ').trim().slice(0, 120) },
      };
      const foot = $('footer').last();
      const f = foot.text() || bodyText.slice(-800);
      const ff = fold(f);
      footer = {
        unitName: /\btruong\b|\bmam non\b/.test(ff),
        responsiblePerson: ff.includes('chiu trach nhiem'),
        address: ff.includes('dia chi'),
        phone: /(\+84|0)[\d\s.\u00a0]{8,13}\d/.test(f),
        email: /[\w.+-]+@[\w-]+\.[\w.]+/.test(f),
        evidence: { url: page.url, text: f.replace(/\s+/g, ' ').trim().slice(0, 160) },
      };
      const gb = $('header .governing').first().text().trim();
      if (gb) governingBody = { name: gb, url: foot.find('a[href^="http"]').first().attr('href') };
    }

    // Leaders: rows of a table on an introduction page that carry a phone or an e-mail.
    if (fold(path).includes('gioi-thieu') || fold(path).includes('lanh-dao')) {
      $('table tr').each((_, tr) => {
        const cells = $(tr)
          .find('td')
          .map((_, td) => $(td).text().replace(/\s+/g, ' ').trim())
          .get();
        if (cells.length < 2) return;
        const phone = cells.find((c) => /(\+84|0)[\d\s.\u00a0]{8,13}\d/.test(c));
        const email = cells.find((c) => /@/.test(c));
        if (!phone && !email) return;
        leaders ??= [];
        leaders.push({
          name: cells[0],
          title: cells[1],
          phone,
          email,
          duties: cells.find((c) => c !== cells[0] && c !== cells[1] && c !== phone && c !== email && c.length > 3),
          evidence: { url: page.url, text: cells.join(' | ').slice(0, 120) },
        });
      });
    }

    const dcDate = $('meta[name="DC.date"]').attr('content');
    const pageTitle = $('h1').first().text().trim();
    const attachmentTypes = $('a[href]')
      .map((_, a) => /\.(pdf|docx?|xlsx?)(\?|$)/i.exec($(a).attr('href') ?? '')?.[1]?.toLowerCase())
      .get()
      .filter(Boolean);
    const segs = path.split('/').filter(Boolean);
    if (segs[0] === 'tin-tuc' && segs.length === 2 && segs[1] !== 'trang') {
      news.push({ title: pageTitle, published: dcDate?.slice(0, 10) ?? dateIn(bodyText), evidence: { url: page.url } });
    } else if (segs[0] === 'van-ban' && segs.length === 2) {
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
        disclosures.push({
          schoolYear: segs[1]!,
          item,
          title: pageTitle,
          published: dateIn(meta) ?? dcDate,
          updated: meta.includes('cap nhat') ? dateIn(meta.slice(meta.indexOf('cap nhat'))) : undefined,
          attachmentTypes,
          evidence: { url: page.url },
        });
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
      const yearMatch = /(\d{4})\s*-\s*(\d{4})/.exec(`${pageTitle} ${bodyText.slice(0, 400)}`);
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

  return {
    id: input.id,
    input: 'html',
    name,
    levels: input.levels,
    domain: new URL(input.baseUrl).hostname,
    emails: [...emails],
    governingBody,
    header,
    footer,
    sections,
    leaders,
    news,
    documents,
    disclosures,
    schedules: [],
    forms,
    admissions,
    consultations: [],
    texts,
    technical: { https: input.baseUrl.startsWith('https:'), pages, sitemapXml: input.sitemapXml, rssFeeds: [...rssFeeds] },
  };
}

function matchItem(slug: string, title: string): DisclosureItemId | undefined {
  if ((DISCLOSURE_ITEM_IDS as readonly string[]).includes(slug)) return slug as DisclosureItemId;
  const t = fold(title);
  return DISCLOSURE_ITEM_IDS.find((id) => t.includes(fold(DISCLOSURE_ITEMS[id].title)));
}
