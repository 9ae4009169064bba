/**
 * One HTML page, parsed once, split the way a visitor sees it: header, navigation, main content,
 * side blocks and footer. Real platforms rarely use the semantic elements alone, so regions are
 * also found by ids and classes (`div#page-footer`, `div.FooterBar`, `ul.menu`, `.sidebar`), and
 * scripts, styles and templates are dropped before any text is read: inline JavaScript after a
 * `div` footer must never be taken for the footer. Everything a site reader needs from a page is
 * computed here, so each page is parsed exactly once.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { PageFacts } from '../site/facts.ts';
import { findDates, instantToVietnamDate } from './dates.ts';
import { fold, squash } from './vietnamese.ts';

export type Region = 'header' | 'nav' | 'main' | 'aside' | 'footer';

export interface PageLink {
  /** What the visitor reads: link text, else its title or image alt. */
  label: string;
  href: string;
  /** Absolute URL without fragment; undefined for javascript:, mailto: and broken hrefs. */
  url?: string | undefined;
  region: Region;
  /** A date printed in the link's own small container (listings: "Tiêu đề (05/09/2025)"). */
  date?: string | undefined;
}

export interface PageReading {
  url: string;
  $: cheerio.CheerioAPI;
  /** h1/h2 of the content, the last breadcrumb item and the first part of `<title>`. */
  headings: string[];
  header: string;
  /** Text of the footer region, or of the last lines of the page when no element is marked as one. */
  footer: string;
  /** The footer is a marked region (`footer`, `#footer`, `.FooterBar` …), not the last lines. */
  footerMarked: boolean;
  /** Text of the main content, without header, menus, side blocks and footer. */
  content: string;
  /** `content` without link texts and author/date lines, for the privacy guard. */
  prose: string;
  /** Whole visible text of the body (scripts and styles dropped). */
  body: string;
  links: PageLink[];
  /** Content links (listing items, attachments). */
  contentLinks: number;
  /** Publication date of the page itself (article metadata), `YYYY-MM-DD`. */
  published?: string | undefined;
  /** A single article rather than a listing. */
  isArticle: boolean;
  /** A site search form (text or search input with a search-like name, placeholder or action). */
  search?: string | undefined;
  /** `<meta http-equiv=refresh>` target, for copies that redirect. */
  refresh?: string | undefined;
  facts: PageFacts;
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'option',
  'select',
  'label',
  'button',
]);

/** Text of a node with a line break between blocks, so "Trang chủ" and "Giới thiệu" stay two words. */
export function textOf(node: AnyNode | AnyNode[]): string {
  const out: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const el = n as Element;
      if (el.type !== 'tag') return;
      const block = BLOCK.has(el.name);
      if (block) out.push('\n');
      for (const c of el.children) walk(c);
      if (block) out.push('\n');
    }
  };
  for (const n of Array.isArray(node) ? node : [node]) walk(n);
  return out
    .join('')
    .replace(/[ \t\u00a0\r]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

const FOOTER_RE = /footer|copyright|site-?info|contentinfo|chan-?trang/i;
const HEADER_RE = /header|banner|masthead|top-?bar|(^|[-_\s])(logo|top|site-?title|site-?name)([-_\s]|$)/i;
const NAV_RE = /(^|[-_\s])nav|menu|Nav[A-Z]/i;
const ASIDE_RE = /sidebar|side-bar|(^|[-_\s])aside|related|lien-?quan|doc-?nhieu|most-?read|quang-?cao|advert|counter|statistic|weblink/i;
const CRUMB_RE = /breadcrumb|duong-?dan|crumb/i;

const attrs = (el: Element) => `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`.trim();

/** Reads a page once. `base` is the URL links are resolved against (the page's public address). */
export function readPage(url: string, html: string): PageReading {
  // htmlparser2 (not parse5): several times faster on 100–400 KB portal pages, and forgiving enough.
  const load = (h: string) => cheerio.load(h, { xml: { xmlMode: false, decodeEntities: true, lowerCaseAttributeNames: true } });
  let $ = load(html);
  // htmlparser2 keeps the markup as written: give a fragment the body it lacks.
  if ($('body').length === 0) $ = load(`<html><body>${html}</body></html>`);
  const facts = pageFacts($, url);
  const refreshContent = $('meta[http-equiv="refresh" i]').attr('content');
  const refresh = refreshContent ? /url\s*=\s*['"]?([^'"\s]+)/i.exec(refreshContent)?.[1] : undefined;
  const meta = (sel: string) => $(sel).first().attr('content');
  const publishedRaw =
    meta('meta[property="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="DC.date"]') ??
    meta('meta[name="DC.date.created"]') ??
    ($('article').length === 1 ? $('article time[datetime]').first().attr('datetime') : undefined);
  const isArticle =
    $('meta[property="og:type"][content=article]').length > 0 ||
    $('meta[property="article:published_time"]').length > 0 ||
    ($('article').length === 1 && $('article h1').length === 1);
  const titleFirst = (
    $('title')
      .first()
      .text()
      .split(/\s+[-|–—:»]\s+/)[0] ?? ''
  )
    .replace(/[\s\-|–—:»]+$/, '')
    .trim();

  // Scripts, styles and templates never carry visible text.
  $('script, style, noscript, template, svg, iframe, object').remove();
  // cheerio.load always builds <html><body>, whatever the markup.
  const body = $('body');
  const bodyText = textOf(body.toArray());
  // One walk measures every element: where its text starts and how long it is (raw characters).
  const start = new Map<AnyNode, number>();
  const size = new Map<AnyNode, number>();
  let cursor = 0;
  const measure = (n: AnyNode) => {
    start.set(n, cursor);
    if (n.type === 'text') cursor += (n as unknown as { data: string }).data.replace(/\s+/g, ' ').length;
    else if ((n as Element).children) for (const c of (n as Element).children) measure(c);
    size.set(n, cursor - start.get(n)!);
  };
  for (const n of body.toArray()) measure(n);
  const total = Math.max(1, cursor);
  const inside = (el: Element, set: Set<AnyNode>) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) return true;
    return false;
  };
  const marked = new Set<AnyNode>();
  const mark = (els: Element[], region: Region, where?: (p: number, end: number) => boolean, accept?: (el: Element) => boolean) => {
    const candidates = new Set<AnyNode>(els);
    for (const el of els) {
      if (inside(el, candidates) || inside(el, marked) || marked.has(el)) continue;
      if ([...marked].some((m) => inside(m as Element, new Set([el])))) continue;
      const semantic = el.name === 'footer' || el.name === 'header' || el.name === 'nav' || el.name === 'aside';
      // A wrapper holding most of the page is a layout container, not a region.
      if (!semantic && (size.get(el) ?? 0) > total * 0.6) continue;
      // A "box-footer" in the middle of the page is a block's footer, not the page's.
      if (!semantic && where && !where((start.get(el) ?? 0) / total, ((start.get(el) ?? 0) + (size.get(el) ?? 0)) / total)) continue;
      if (!semantic && accept && !accept(el)) continue;
      $(el).attr('data-ctr', region);
      marked.add(el);
    }
  };
  const CONTAINERS = 'div, section, header, footer, nav, aside, ul, ol, table, tbody, tr, td, center, span[id]';
  const contentRoots = new Set<AnyNode>(body.find('article, main, [role=main]').toArray());
  const articles = new Set<AnyNode>(body.find('article').toArray());
  const containers = body.find(CONTAINERS).toArray();
  const byAttr = (re: RegExp) => containers.filter((el) => re.test(attrs(el)) && !inside(el, contentRoots) && !contentRoots.has(el));
  mark(
    [
      ...body
        .find('footer, [role=contentinfo]')
        .toArray()
        .filter((el) => !inside(el, articles)),
      ...byAttr(FOOTER_RE),
    ],
    'footer',
    (p, end) => p >= 0.5 || end >= 0.95,
  );
  mark(
    [
      ...body
        .find('header, [role=banner]')
        .toArray()
        .filter((el) => !inside(el, contentRoots)),
      ...byAttr(HEADER_RE),
    ],
    'header',
    (p) => p <= 0.3,
  );
  // A menu is a list of short labels; a block with dated titles ("ArticleInMenu") is a listing.
  const menuLike = (el: Element) => {
    const labels = $(el)
      .find('a')
      .toArray()
      .map((a) => textOf(a).split(/\s+/).filter(Boolean).length);
    const mean = labels.length ? labels.reduce((x, y) => x + y, 0) / labels.length : 0;
    return labels.length > 0 && mean <= 6 && findDates(textOf(el)).length === 0;
  };
  mark([...body.find('nav, [role=navigation], [role=menubar]').toArray(), ...byAttr(NAV_RE)], 'nav', undefined, menuLike);
  mark([...body.find('aside, [role=complementary]').toArray(), ...byAttr(ASIDE_RE)], 'aside');
  const crumbs = body
    .find('[id], [class]')
    .filter((_, el) => CRUMB_RE.test(attrs(el)))
    .first();
  const crumbItems = crumbs
    .find('a, li, span')
    .toArray()
    .map((e) => squash(textOf(e)))
    .filter(Boolean);
  const crumbLast = crumbItems.at(-1) ?? (crumbs.length ? squash(textOf(crumbs.toArray()).split('\n').at(-1) ?? '') : '');

  const regionText = (r: Region) =>
    body
      .find(`[data-ctr=${r}]`)
      .toArray()
      .map((e) => textOf(e))
      .join('\n');
  // The header's own text, without its menus: "Văn bản Sở GD&ĐT" in a menu names no governing body.
  // Banners are often images: their alt text is what the visitor reads.
  const withAlt = (c: cheerio.Cheerio<Element>) => {
    c.find('img[alt]').each((_, img) => void $(img).replaceWith(` ${$(img).attr('alt')} `));
    c.find('li a, nav, select, [data-ctr=nav]').remove();
    return c
      .toArray()
      .map((e) => textOf(e))
      .join('\n');
  };
  const headerEls = body.find('[data-ctr=header]');
  // Without a header region, the top of the page stands for it (menus left out).
  const header = headerEls.length > 0 ? withAlt(headerEls.clone()) : withAlt(body.clone()).slice(0, 400);
  const footerRegion = regionText('footer');
  // Hand-made table layouts have no footer element: the last lines of the page stand for it.
  const footer =
    footerRegion ||
    bodyText
      .split('\n')
      .filter((l) => l.trim())
      .slice(-2)
      .join('\n')
      .slice(-400);
  const contentRoot = body.clone();
  // Form controls carry no content (ASP.NET wraps the whole page in one <form>: keep the form).
  contentRoot.find('[data-ctr], select, option, button, textarea').remove();
  contentRoot
    .find('[id], [class]')
    .filter((_, el) => CRUMB_RE.test(attrs(el)))
    .remove();
  const content = textOf(contentRoot.toArray());
  contentRoot.find('a').remove();
  const prose = textOf(contentRoot.toArray()).replace(
    /(?:Tác giả|Người đăng|Đăng bởi|Người viết|Ngày đăng|Cập nhật|Cập nhật lúc|Posted by|Ngày)\s*:?[^\n]{0,80}/giu,
    ' ',
  );

  const links: PageLink[] = [];
  let contentLinks = 0;
  body.find('a[href]').each((_, a) => {
    const href = $(a).attr('href')!.trim();
    let region: Region = 'main';
    for (let p: AnyNode | null = a; p; p = p.parent) {
      const r = (p as Element).attribs?.['data-ctr'];
      if (r) {
        region = r as Region;
        break;
      }
    }
    const label = squash(textOf(a) || $(a).attr('title') || $(a).find('img[alt]').attr('alt') || '', 200);
    let abs: string | undefined;
    // "#" and empty hrefs open nothing (menu headings of drop-downs).
    if (!/^(javascript|mailto|tel|data):/i.test(href) && href !== '' && !href.startsWith('#')) {
      try {
        const u = new URL(href, url);
        u.hash = '';
        if (u.protocol === 'http:' || u.protocol === 'https:') abs = u.href;
      } catch {
        /* a broken href is no link */
      }
    }
    let date: string | undefined;
    if (label.length >= 8) {
      // A listing item: a date in the link's own small container.
      let node = $(a);
      for (let i = 0; i < 3 && !date; i++) {
        const parent = node.parent();
        if (parent.length === 0 || parent.is('body, main, nav, header, footer, [data-ctr]')) break;
        node = parent;
        if (node.find('a[href]').length > 3) break;
        date = findDates(textOf(node.toArray()))[0] ?? instantToVietnamDate(node.find('time[datetime]').first().attr('datetime'));
      }
    }
    if (region === 'main' && abs) contentLinks++;
    links.push({ label, href, url: abs, region, ...(date ? { date } : {}) });
  });

  const headings = [
    ...body
      .find('h1, h2')
      .toArray()
      .filter((h) => $(h).closest('[data-ctr]').length === 0)
      .map((h) => squash(textOf(h), 200)),
    crumbLast,
    titleFirst,
  ].filter((h) => h.length > 0);

  // Search: a form, or (ASP.NET: one form for the whole page) a text input that says it searches.
  let search: string | undefined;
  const SEARCHY = /search|tim-?kiem|timkiem|keyword|tu-?khoa|tukhoa|^q$|^s$|txtsearch|tìm/i;
  $('form[role=search], [role=search]').each((_, f) => {
    const ph = $(f).find('input[placeholder]').attr('placeholder');
    search ??= `ô tìm kiếm${ph ? ` «${ph}»` : ''}`;
  });
  $('input').each((_, i) => {
    if (search) return;
    const type = ($(i).attr('type') ?? 'text').toLowerCase();
    if (type !== 'text' && type !== 'search') return;
    const form = $(i).closest('form');
    const hints = [
      $(i).attr('name'),
      $(i).attr('id'),
      $(i).attr('class'),
      $(i).attr('placeholder'),
      $(i).attr('aria-label'),
      form.attr('action'),
      form.attr('id'),
      form.attr('class'),
    ]
      .filter(Boolean)
      .join(' ');
    const hidden = form
      .find('input[type=hidden]')
      .toArray()
      .some((h) => /search/i.test(`${$(h).attr('name')}=${$(h).attr('value')}`));
    if (type === 'search' || hidden || SEARCHY.test(fold(hints)) || hints.split(/\s+/).some((w) => SEARCHY.test(w)))
      search = `ô tìm kiếm${$(i).attr('placeholder') ? ` «${$(i).attr('placeholder')}»` : ''}`;
  });

  return {
    url,
    $,
    headings,
    header,
    footer,
    footerMarked: footerRegion !== '',
    content,
    prose,
    body: bodyText,
    links,
    contentLinks,
    published: instantToVietnamDate(publishedRaw),
    isArticle,
    search,
    refresh,
    facts,
  };
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

/** Technical facts of one page (before scripts and styles are dropped: print styles live there). */
function pageFacts($: cheerio.CheerioAPI, url: string): PageFacts {
  const bodyText = $('body').text().replace(/\s+/g, ' ').trim();
  const dcNames = $('meta[name^="DC."]')
    .filter((_, m) => ($(m).attr('content') ?? '').trim() !== '')
    .map((_, m) => ($(m).attr('name') ?? '').slice(3).toLowerCase())
    .get();
  return {
    url,
    charset:
      $('meta[charset]').attr('charset') ?? /charset=([\w-]+)/i.exec($('meta[http-equiv="Content-Type" i]').attr('content') ?? '')?.[1],
    lang: $('html').attr('lang'),
    viewport: ($('meta[name=viewport]').attr('content') ?? '').includes('width=device-width'),
    dublinCore: dcNames,
    imagesWithoutAlt: $('img:not([alt])').length,
    h1Count: $('h1').length,
    tablesWithoutHeaders: $('table').filter((_, t) => $(t).find('th').length === 0).length,
    rssLinked: $('link[rel=alternate][type="application/rss+xml"]').length > 0,
    printStylesheet: $('link[rel=stylesheet][media*=print]').length > 0 || /@media\s+print/.test($('style').text()),
    nfc: bodyText === bodyText.normalize('NFC'),
    // Error pages and pure listings need no Dublin Core of their own.
    isContentPage: !/\/404(\.html)?$/.test(pathOf(url)) && $('meta[name=robots][content*=noindex]').length === 0,
  };
}
