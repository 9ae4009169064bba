/**
 * What a crawl says about a site, each signal with its evidence (URL and the text or element
 * found). Sections and footer facts come from the compliance checker's HTML reader
 * (`factsFromHtml`), so the ranking and the checker recognise a section the same way; our own
 * sites' `/cong-truong.json` manifest is preferred where present. Everything here is a pure
 * function of the crawl records and the date, so a snapshot always gives the same signals.
 */
import * as cheerio from 'cheerio';
import { runChecks } from '../../compliance/engine.ts';
import { factsFromHtml } from '../../compliance/facts-from-html.ts';
import { SECTION_KEYS, type Evidence, type SectionKey, type SiteFacts } from '../../compliance/facts.ts';
import type { SiteResult } from '../../compliance/report.ts';
import { FREE_WEBMAIL } from '../../compliance/rules/ID-005.ts';
import { latestDueSchoolYear, requiredItems, disclosureInstrument } from '../../compliance/school-years.ts';
import type { DisclosureItemId } from '../../schemas/disclosure-items.ts';
import { schoolYearOf } from '../../util/dates.ts';
import { fold, siteOrigins, toFetchUrl, type CrawlResult } from '../crawler.ts';
import { decodeBody } from '../decode.ts';
import { bodyOf, type FetchRecord } from '../fetcher.ts';
import { manifestSchema, type Manifest } from '../manifest.ts';
import type { RankSite } from '../sites-list.ts';
import { firstDate, instantToVietnamDate, schoolYearsIn } from './dates.ts';

export type { Evidence };

export interface Post {
  url: string;
  date: string;
  source: 'manifest' | 'rss' | 'page' | 'listing' | 'sitemap';
}

export interface SiteSignals {
  reachable: boolean;
  manifest: boolean;
  date: string;
  schoolYear: string;
  dueSchoolYear: string;
  https: { value: boolean; evidence: Evidence[] };
  eduVn: { value: boolean; evidence: Evidence[] };
  sections: Partial<Record<SectionKey, Evidence>>;
  disclosure: {
    years: Record<string, Evidence>;
    items: Record<string, Partial<Record<DisclosureItemId, Evidence>>>;
    required: DisclosureItemId[];
  };
  annualReport: { link?: Evidence | undefined; pdf: boolean };
  posts: Post[];
  rss: { linked: Evidence[]; valid?: Evidence | undefined; items: number };
  search?: Evidence | undefined;
  htmlSitemap?: Evidence | undefined;
  sitemapXml?: Evidence | undefined;
  footer: { fields: Record<string, boolean>; evidence?: Evidence | undefined };
  emails: { own: string[]; webmail: string[]; other: string[]; evidence: Evidence[] };
  viewport: { value: boolean; evidence: Evidence[] };
  accessibility: { lang: number; alt: number; headings: number; pages: number; evidence: Evidence[] };
  pageWeight: { bytes: number; resources: number; evidence: Evidence[] };
  links: { checked: number; broken: Evidence[] };
  compliance?: SiteResult | undefined;
  facts?: SiteFacts | undefined;
}

const ITEM_KEYWORDS: Record<string, string[]> = {
  'thong-tin-chung': ['thong tin chung'],
  'tai-chinh': ['thu, chi tai chinh', 'thu chi tai chinh', 'tai chinh'],
  'doi-ngu': ['doi ngu'],
  'co-so-vat-chat': ['co so vat chat'],
  'kiem-dinh': ['kiem dinh', 'danh gia chat luong', 'chuan quoc gia'],
  'ke-hoach': ['ke hoach hoat dong giao duc', 'ke hoach giao duc'],
  'ket-qua': ['ket qua giao duc', 'ket qua hoat dong giao duc'],
  'bao-cao-thuong-nien': ['bao cao thuong nien'],
};

function itemOf(foldedText: string): DisclosureItemId | undefined {
  const t = foldedText.replace(/-/g, ' ');
  return (Object.entries(ITEM_KEYWORDS) as [DisclosureItemId, string[]][]).find(([, words]) => words.some((w) => t.includes(w)))?.[0];
}

const NEWS_CONTEXT = /tin tuc|tin-tuc|tintuc|news|su kien|su-kien|thong bao|thong-bao|hoat dong|hoat-dong|bai viet|chuyen-muc|category/;
const short = (s: string, n = 120) => s.replace(/\s+/g, ' ').trim().slice(0, n);

interface Page {
  rec: FetchRecord;
  html: string;
  $: cheerio.CheerioAPI;
}

export function computeSignals(site: RankSite, crawl: CrawlResult, date: string): SiteSignals {
  const schoolYear = schoolYearOf(date);
  const dueSchoolYear = latestDueSchoolYear(date);
  const base: SiteSignals = {
    reachable: crawl.status === 'ok',
    manifest: false,
    date,
    schoolYear,
    dueSchoolYear,
    https: { value: false, evidence: [] },
    eduVn: { value: /\.edu\.vn$/.test(site.domain), evidence: [{ text: site.domain }] },
    sections: {},
    disclosure: { years: {}, items: {}, required: requiredItems(disclosureInstrument(dueSchoolYear), site.levels) },
    annualReport: { pdf: false },
    posts: [],
    rss: { linked: [], items: 0 },
    footer: { fields: {} },
    emails: { own: [], webmail: [], other: [], evidence: [] },
    viewport: { value: false, evidence: [] },
    accessibility: { lang: 0, alt: 0, headings: 0, pages: 0, evidence: [] },
    pageWeight: { bytes: 0, resources: 0, evidence: [] },
    links: { checked: 0, broken: [] },
  };
  const home = crawl.entries.find((e) => e.kind === 'home')?.record;
  if (!home || home.status !== 'ok') return base;

  // HTTPS: judged by where the home page really answered (under `resolve`, the test or staging server).
  const finalScheme = new URL(home.finalUrl).protocol;
  base.https = { value: finalScheme === 'https:', evidence: [{ url: home.finalUrl, text: finalScheme.replace(':', '') }] };

  const origins = siteOrigins(site, home.finalUrl);
  const fetchOrigin = new URL(home.finalUrl).origin;
  const same = (href: string, b: string) => toFetchUrl(href, b, origins, fetchOrigin);
  const okHtml = (r: FetchRecord) => r.status === 'ok' && /html/i.test(r.contentType ?? 'text/html');
  const pages: Page[] = [];
  for (const e of crawl.entries) {
    if ((e.kind === 'home' || e.kind === 'page') && okHtml(e.record)) {
      const html = decodeBody(bodyOf(e.record), e.record.contentType).text;
      pages.push({ rec: e.record, html, $: cheerio.load(html) });
    }
  }
  const fetched = new Map<string, FetchRecord>();
  for (const e of crawl.entries) {
    fetched.set(e.record.url, e.record);
    fetched.set(e.record.finalUrl, e.record);
  }
  /** A URL the crawl fetched successfully, or did not fetch at all (then the manifest is trusted). */
  const fetchedOk = (u: string | undefined) => !!u && (fetched.get(u)?.status ?? 'ok') === 'ok';

  // Manifest
  let manifest: Manifest | undefined;
  const mrec = crawl.entries.find((e) => e.kind === 'manifest')?.record;
  if (mrec?.status === 'ok') {
    try {
      const p = manifestSchema.safeParse(JSON.parse(decodeBody(bodyOf(mrec), mrec.contentType).text));
      if (p.success) manifest = p.data;
    } catch {
      /* not JSON */
    }
  }
  base.manifest = !!manifest;

  // Facts as the compliance checker reads HTML: sections, footer, header, e-mails, page facts.
  const facts = factsFromHtml({
    id: site.id,
    baseUrl: site.url,
    levels: site.levels,
    pages: pages.map((p) => ({ url: p.rec.finalUrl, html: p.html })),
    sitemapXml: crawl.entries.some((e) => e.kind === 'sitemap' && e.record.status === 'ok'),
  });
  // The checker finds the home page by path "/"; ours is the first page in any case.
  base.facts = facts;
  base.compliance = runChecks({ sites: [facts], date, preset: 'recommended' }).sites[0];

  // Sections: manifest first (when its page answered), then menus, URLs and headings.
  if (manifest) {
    for (const s of manifest.sections) {
      const u = same(s.url, home.finalUrl);
      if (u && fetchedOk(u) && !base.sections[s.key]) base.sections[s.key] = { url: u, text: `cong-truong.json: ${s.title}` };
    }
  }
  for (const k of SECTION_KEYS) if (!base.sections[k] && facts.sections[k]) base.sections[k] = facts.sections[k];

  // Công khai: years and items, from the manifest and from any page (menus, văn bản lists, headings).
  const { years, items } = base.disclosure;
  const addItem = (year: string, item: DisclosureItemId, ev: Evidence) => {
    items[year] ??= {};
    items[year][item] ??= ev;
  };
  if (manifest) {
    for (const y of manifest.disclosures.years) {
      const yu = same(y.url, home.finalUrl);
      if (yu && fetchedOk(yu)) years[y.schoolYear] ??= { url: yu, text: 'cong-truong.json' };
      for (const it of y.items) {
        const iu = same(it.url, home.finalUrl);
        if (iu && fetchedOk(iu)) addItem(y.schoolYear, it.item, { url: iu, text: `cong-truong.json: ${it.title}` });
        if (it.item === 'bao-cao-thuong-nien' && it.attachments[0])
          base.annualReport.link ??= { url: same(it.attachments[0], home.finalUrl), text: it.title };
      }
    }
  }
  for (const d of facts.disclosures) addItem(d.schoolYear, d.item, d.evidence);
  for (const p of pages) {
    const $ = p.$;
    const url = p.rec.finalUrl;
    const path = decodeURIComponent(new URL(url).pathname);
    const heading = `${$('title').text()} ${$('h1').first().text()}`;
    const pageContext = fold(`${path} ${heading}`);
    const pageYear = schoolYearsIn(`${path} ${heading}`)[0];
    const pageIsCk = /cong khai|cong-khai|congkhai/.test(pageContext);
    if (pageIsCk && pageYear) years[pageYear] ??= { url, text: short(heading) };
    const candidates: { text: string; href?: string | undefined }[] = [];
    $('a[href]').each((_, a) => void candidates.push({ text: `${$(a).text()} ${$(a).attr('title') ?? ''}`, href: $(a).attr('href') }));
    $('h1, h2, h3, h4, td, li').each((_, h) => {
      if ($(h).children().length === 0) candidates.push({ text: $(h).text() });
    });
    for (const c of candidates) {
      const f = fold(c.text);
      const hrefFold = fold(c.href ? decodeURIComponent(c.href) : '');
      const inCk = pageIsCk || /cong khai|cong-khai|congkhai/.test(f) || /cong-khai|congkhai/.test(hrefFold);
      if (!inCk) continue;
      const year = schoolYearsIn(`${c.text} ${c.href ?? ''}`)[0] ?? pageYear;
      if (!year) continue;
      const target = c.href ? (same(c.href, url) ?? new URL(c.href, url).href) : url;
      if (/cong khai|cong-khai/.test(f) || /cong-khai/.test(hrefFold)) years[year] ??= { url: target, text: short(c.text) };
      const item = itemOf(f) ?? itemOf(hrefFold);
      if (item) addItem(year, item, { url: target, text: short(c.text) });
    }
    // Annual report PDF links
    $('a[href]').each((_, a) => {
      const href = $(a).attr('href')!;
      const label = fold(`${$(a).text()} ${href}`);
      if (/\.pdf(\?|$)/i.test(href) && /bao cao thuong nien|bao-cao-thuong-nien|baocaothuongnien/.test(label))
        base.annualReport.link ??= { url: same(href, url) ?? href, text: short($(a).text() || href) };
    });
  }
  const pdfRec = crawl.entries.find((e) => e.kind === 'pdf')?.record;
  if (pdfRec?.status === 'ok' && bodyOf(pdfRec).subarray(0, 5).toString('latin1') === '%PDF-') {
    base.annualReport.pdf = true;
    base.annualReport.link = { url: pdfRec.finalUrl, text: base.annualReport.link?.text ?? '%PDF' };
  }

  // Posts: manifest news, feed items, article pages, dated listings, sitemap entries of news paths.
  const posts = new Map<string, Post>();
  const keyOf = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.pathname.replace(/\/$/, '')}${x.search}`;
    } catch {
      return u;
    }
  };
  const addPost = (u: string | undefined, d: string | undefined, source: Post['source']) => {
    if (!u || !d || d > date) return;
    const k = keyOf(u);
    if (!posts.has(k)) posts.set(k, { url: u, date: d, source });
  };
  if (manifest) for (const n of manifest.news) addPost(same(n.url, home.finalUrl), n.date.slice(0, 10), 'manifest');
  for (const e of crawl.entries) {
    if (e.kind !== 'feed') continue;
    base.rss.linked.push({ url: e.record.url });
    if (e.record.status !== 'ok') continue;
    const xml = decodeBody(bodyOf(e.record), e.record.contentType).text;
    const $ = cheerio.load(xml, { xml: true });
    const rssItems = $('rss > channel > item');
    const atomEntries = $('feed > entry');
    const valid =
      ($('rss > channel > title').length > 0 && rssItems.length > 0) || ($('feed > title').length > 0 && atomEntries.length > 0);
    if (valid && !base.rss.valid) {
      base.rss.valid = {
        url: e.record.url,
        text: `${rssItems.length + atomEntries.length} item(s): ${short($('channel > title, feed > title').first().text(), 80)}`,
      };
      base.rss.items = rssItems.length + atomEntries.length;
    }
    rssItems.each((_, it) =>
      addPost(same($(it).children('link').text().trim(), e.record.finalUrl), instantToVietnamDate($(it).children('pubDate').text()), 'rss'),
    );
    atomEntries.each((_, it) =>
      addPost(
        same($(it).children('link').attr('href') ?? '', e.record.finalUrl),
        instantToVietnamDate($(it).children('published').text() || $(it).children('updated').text()),
        'rss',
      ),
    );
  }
  for (const p of pages) {
    const $ = p.$;
    const url = p.rec.finalUrl;
    const path = fold(decodeURIComponent(new URL(url).pathname));
    const own =
      $('meta[property="article:published_time"]').attr('content') ??
      $('article time[datetime]').first().attr('datetime') ??
      $('meta[name="DC.date"]').attr('content');
    // One article per page: a listing has many, and its own date is not a post's.
    const isArticle = $('article').length === 1 || $('meta[property="og:type"][content=article]').length > 0;
    if (own && isArticle && NEWS_CONTEXT.test(path)) addPost(url, instantToVietnamDate(own), 'page');
    // Listings: each link with a date in its closest small container.
    if (NEWS_CONTEXT.test(fold(`${path} ${$('h1').first().text()}`))) {
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href')!;
        const target = same(href, url);
        if (!target || target === url) return;
        let node = $(a);
        for (let i = 0; i < 3; i++) {
          const parent = node.parent();
          if (parent.length === 0 || parent.is('body, main, nav, header, footer')) break;
          node = parent;
          if (node.find('a[href]').length > 3) break;
          const d = firstDate(node.text()) ?? instantToVietnamDate(node.find('time[datetime]').first().attr('datetime'));
          if (d) {
            if ($(a).text().trim().length >= 8) addPost(target, d, 'listing');
            break;
          }
        }
      });
    }
  }
  for (const e of crawl.entries) {
    if (e.kind !== 'sitemap' || e.record.status !== 'ok') continue;
    const $ = cheerio.load(decodeBody(bodyOf(e.record), e.record.contentType).text, { xml: true });
    if ($('urlset').length > 0) base.sitemapXml ??= { url: e.record.url, text: `${$('url').length} URL(s)` };
    else if ($('sitemapindex').length > 0) base.sitemapXml ??= { url: e.record.url, text: `sitemap index, ${$('sitemap').length} file(s)` };
    $('url').each((_, u) => {
      const loc = $(u).children('loc').text().trim();
      if (NEWS_CONTEXT.test(fold(loc)) && /[/-][^/]{12,}\/?$/.test(loc))
        addPost(same(loc, e.record.finalUrl), instantToVietnamDate($(u).children('lastmod').text()), 'sitemap');
    });
  }
  base.posts = [...posts.values()].sort((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url));

  // Search, site map
  if (manifest?.search) {
    const u = same(manifest.search, home.finalUrl);
    if (u) base.search = { url: u, text: 'cong-truong.json' };
  }
  for (const p of pages) {
    if (base.search) break;
    const form = p
      .$(
        'form[role=search], [role=search] form, form:has(input[type=search]), form:has(input[name=q]), form:has(input[name=s]), form:has(input[name=keyword]), form:has(input[name=q_search])',
      )
      .first();
    if (form.length > 0) base.search = { url: p.rec.finalUrl, text: short(`<form action="${form.attr('action') ?? ''}">`) };
  }
  base.search ??= facts.sections['tim-kiem'];
  const mapOf = (u: string | undefined) => (u ? fetched.get(u) : undefined);
  if (manifest?.htmlSitemap) {
    const u = same(manifest.htmlSitemap, home.finalUrl);
    if (u && fetchedOk(u)) base.htmlSitemap = { url: u, text: 'cong-truong.json' };
  }
  if (!base.htmlSitemap) {
    for (const p of pages) {
      p.$('a[href]').each((_, a) => {
        if (base.htmlSitemap) return;
        const href = p.$(a).attr('href')!;
        const label = fold(p.$(a).text());
        if (/\.xml(\?|$)/i.test(href)) return;
        if (/so do (cong|trang|website|site)|site ?map/.test(label)) {
          const u = same(href, p.rec.finalUrl);
          const r = mapOf(u);
          if (u && (!r || r.status === 'ok')) base.htmlSitemap = { url: u, text: short(p.$(a).text()) };
        }
      });
    }
  }

  // Footer, e-mails
  if (facts.footer) {
    const { evidence, ...fields } = facts.footer;
    base.footer = { fields, evidence };
  }
  const emails = new Set(facts.emails);
  const homePage = pages[0]!;
  for (const m of (homePage.$('footer').text() || homePage.$('body').text()).matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g))
    emails.add(m[0].toLowerCase());
  const bare = site.domain.replace(/^www\./, '');
  for (const e of [...emails].sort()) {
    const d = e.split('@')[1] ?? '';
    if (d === bare || bare.endsWith(`.${d}`) || d.endsWith(`.${bare}`) || /\.edu\.vn$/.test(d)) base.emails.own.push(e);
    else if (FREE_WEBMAIL.includes(d)) base.emails.webmail.push(e);
    else base.emails.other.push(e);
  }
  base.emails.evidence = [...emails].sort().map((e) => ({ url: home.finalUrl, text: e }));

  // Mobile viewport, accessibility basics, page weight
  const vp = homePage.$('meta[name=viewport]').attr('content') ?? '';
  base.viewport = {
    value: /width\s*=\s*device-width/.test(vp),
    evidence: [{ url: home.finalUrl, text: vp ? `<meta name="viewport" content="${vp}">` : 'no viewport meta' }],
  };
  let withLang = 0;
  let headings = 0;
  let imgs = 0;
  let alts = 0;
  for (const p of pages) {
    const lang = p.$('html').attr('lang');
    if (lang) withLang++;
    else base.accessibility.evidence.push({ url: p.rec.finalUrl, text: '<html> without lang' });
    if (p.$('h1').length >= 1) headings++;
    else base.accessibility.evidence.push({ url: p.rec.finalUrl, text: 'no <h1>' });
    const all = p.$('img').length;
    const missing = p.$('img:not([alt])').length;
    imgs += all;
    alts += all - missing;
    if (missing > 0) base.accessibility.evidence.push({ url: p.rec.finalUrl, text: `${missing} <img> without alt` });
  }
  base.accessibility = {
    ...base.accessibility,
    pages: pages.length,
    lang: pages.length ? withLang / pages.length : 0,
    headings: pages.length ? headings / pages.length : 0,
    alt: imgs ? alts / imgs : 1,
  };
  base.accessibility.evidence = base.accessibility.evidence.slice(0, 10);
  const assets = crawl.entries.filter((e) => e.kind === 'asset' && e.record.status === 'ok');
  base.pageWeight = {
    bytes: home.bytes + assets.reduce((n, e) => n + e.record.bytes, 0),
    resources: assets.length + 1,
    evidence: [{ url: home.finalUrl, text: `HTML ${home.bytes} B + ${assets.length} resource(s)` }],
  };

  // Broken internal links: pages the crawl followed that answered with an error.
  const followed = crawl.entries.filter(
    (e) => e.kind === 'page' && e.record.status !== 'blocked-by-robots' && e.record.status !== 'not-fetched',
  );
  base.links = {
    checked: followed.length,
    broken: followed
      .filter((e) => e.record.status === 'http-error' && (e.record.httpStatus ?? 0) >= 400)
      .map((e) => ({ url: e.record.url, text: `HTTP ${e.record.httpStatus}` })),
  };
  return base;
}
