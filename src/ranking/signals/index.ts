/**
 * What a crawl says about a site, each signal with its evidence (URL and the text or element
 * found). Sections and footer facts come from the compliance checker's HTML reader
 * (`factsFromHtml`), so the ranking and the checker recognise a section the same way; our own
 * sites' `/cong-truong.json` manifest is preferred where present. Everything here is a pure
 * function of the crawl records and the date, so a snapshot always gives the same signals.
 */
import * as cheerio from 'cheerio';
import { runChecks } from '../../compliance/engine.ts';
import { readSite } from '../../html/site.ts';
import { SECTION_KEYS, type Evidence, type SectionKey, type SiteFacts } from '../../site/facts.ts';
import type { SiteResult } from '../../compliance/report.ts';
import { FREE_WEBMAIL } from '../../compliance/rules/ID-005.ts';
import { latestDueSchoolYear, requiredItems, disclosureInstrument } from '../../compliance/school-years.ts';
import type { DisclosureItemId } from '../../schemas/disclosure-items.ts';
import { schoolYearOf } from '../../util/dates.ts';
import { siteOrigins, toFetchUrl, type CrawlResult } from '../crawler.ts';
import { fold } from '../../util/slug.ts';
import { decodeBody } from '../decode.ts';
import { bodyOf, type FetchRecord } from '../fetcher.ts';
import { manifestSchema, type Manifest } from '../manifest.ts';
import type { RankSite } from '../sites-list.ts';
import { instantToVietnamDate } from './dates.ts';

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
  /** Where the reader looked when it found nothing (leaders pages, footer), and the pages read. */
  looked?: { leaders: string[]; footer: string[]; pages: string[] } | undefined;
}

const NEWS_CONTEXT = /tin tuc|tin-tuc|tintuc|news|su kien|su-kien|thong bao|thong-bao|hoat dong|hoat-dong|bai viet|chuyen-muc|category/;
const short = (s: string, n = 120) => s.replace(/\s+/g, ' ').trim().slice(0, n);

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
  const htmlPages: { url: string; html: string }[] = [];
  for (const e of crawl.entries) {
    if ((e.kind === 'home' || e.kind === 'page') && okHtml(e.record)) {
      htmlPages.push({ url: e.record.finalUrl, html: decodeBody(bodyOf(e.record), e.record.contentType).text });
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

  // The one HTML reader, as `check --site` uses it: every page parsed once.
  const reading = readSite({
    id: site.id,
    baseUrl: home.finalUrl,
    levels: site.levels,
    pages: htmlPages,
    sitemapXml: crawl.entries.some((e) => e.kind === 'sitemap' && e.record.status === 'ok'),
  });
  const facts = reading.facts;
  base.facts = facts;
  base.compliance = runChecks({ sites: [facts], date, preset: 'recommended' }).sites[0];
  base.looked = { leaders: reading.searched.leaders, footer: reading.searched.footer, pages: htmlPages.map((p) => p.url) };

  // Sections: manifest first (when its page answered), then what a visitor sees.
  if (manifest) {
    for (const s of manifest.sections) {
      const u = same(s.url, home.finalUrl);
      if (u && fetchedOk(u) && !base.sections[s.key])
        base.sections[s.key] = { url: u, text: `${s.title} (theo bản kê chuyên mục của trang)` };
    }
  }
  for (const k of SECTION_KEYS) if (!base.sections[k] && facts.sections[k]) base.sections[k] = facts.sections[k];

  // Công khai: years of the công khai section, and items (documents) for the year due.
  const { years, items } = base.disclosure;
  const addItem = (year: string, item: DisclosureItemId, ev: Evidence) => {
    items[year] ??= {};
    items[year][item] ??= ev;
  };
  if (manifest) {
    for (const y of manifest.disclosures.years) {
      const yu = same(y.url, home.finalUrl);
      if (yu && fetchedOk(yu)) years[y.schoolYear] ??= { url: yu, text: 'theo bản kê chuyên mục của trang' };
      for (const it of y.items) {
        const iu = same(it.url, home.finalUrl);
        if (iu && fetchedOk(iu)) addItem(y.schoolYear, it.item, { url: iu, text: `${it.title} (theo bản kê chuyên mục của trang)` });
        if (it.item === 'bao-cao-thuong-nien' && it.attachments[0])
          base.annualReport.link ??= { url: same(it.attachments[0], home.finalUrl), text: it.title };
      }
    }
  }
  for (const [y, ev] of Object.entries(reading.disclosureYears)) years[y] ??= ev;
  for (const d of facts.disclosures) addItem(d.schoolYear, d.item, d.evidence);
  base.annualReport.link ??= reading.annualReportLinks[0];
  const pdfRec = crawl.entries.find((e) => e.kind === 'pdf')?.record;
  if (pdfRec?.status === 'ok' && bodyOf(pdfRec).subarray(0, 5).toString('latin1') === '%PDF-') {
    base.annualReport.pdf = true;
    base.annualReport.link = { url: pdfRec.finalUrl, text: base.annualReport.link?.text ?? '%PDF' };
  }

  // Posts: manifest news, feed items, dated pages and listings (the reader's), sitemap entries of news paths.
  const posts = new Map<string, Post>();
  const keyOf = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.pathname.replace(/\/(index\.html?)?$/, '')}${x.search}`;
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
        text: `${rssItems.length + atomEntries.length} mục: ${short($('channel > title, feed > title').first().text(), 80)}`,
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
  for (const p of reading.posts) addPost(p.url, p.date, p.source);
  for (const e of crawl.entries) {
    if (e.kind !== 'sitemap' || e.record.status !== 'ok') continue;
    const $ = cheerio.load(decodeBody(bodyOf(e.record), e.record.contentType).text, { xml: true });
    if ($('urlset').length > 0) base.sitemapXml ??= { url: e.record.url, text: `${$('url').length} địa chỉ` };
    else if ($('sitemapindex').length > 0) base.sitemapXml ??= { url: e.record.url, text: `chỉ mục sitemap, ${$('sitemap').length} tệp` };
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
    if (u) base.search = { url: u, text: 'theo bản kê chuyên mục của trang' };
  }
  base.search ??= facts.sections['tim-kiem'];
  if (manifest?.htmlSitemap) {
    const u = same(manifest.htmlSitemap, home.finalUrl);
    if (u && fetchedOk(u)) base.htmlSitemap = { url: u, text: 'theo bản kê chuyên mục của trang' };
  }
  base.htmlSitemap ??= facts.sections['so-do-cong'];

  // Footer, e-mails (footer, header and contact page only: never an address quoted in an article)
  if (facts.footer) {
    const { evidence, ...fields } = facts.footer;
    base.footer = { fields, evidence };
  }
  const emails = new Set(facts.emails);
  const bare = site.domain.replace(/^www\./, '');
  for (const e of [...emails].sort()) {
    const d = e.split('@')[1] ?? '';
    if (d === bare || bare.endsWith(`.${d}`) || d.endsWith(`.${bare}`) || /\.edu\.vn$/.test(d)) base.emails.own.push(e);
    else if (FREE_WEBMAIL.includes(d)) base.emails.webmail.push(e);
    else base.emails.other.push(e);
  }
  base.emails.evidence = [...emails].sort().map((e) => ({ url: home.finalUrl, text: e }));

  // Mobile viewport, accessibility basics, page weight
  const homeReading = reading.home ?? reading.pages[0]!;
  const vp = homeReading.$('meta[name=viewport]').attr('content') ?? '';
  base.viewport = {
    value: /width\s*=\s*device-width/.test(vp),
    evidence: [
      {
        url: home.finalUrl,
        text: !vp
          ? 'không khai báo viewport'
          : /width\s*=\s*device-width/.test(vp)
            ? 'có khai báo viewport co giãn theo màn hình thiết bị'
            : 'viewport không co giãn theo màn hình thiết bị',
      },
    ],
  };
  let withLang = 0;
  let headings = 0;
  let imgs = 0;
  let alts = 0;
  for (const p of reading.pages) {
    if (p.facts.lang) withLang++;
    else base.accessibility.evidence.push({ url: p.url, text: 'trang không khai báo ngôn ngữ' });
    if (p.facts.h1Count >= 1) headings++;
    else base.accessibility.evidence.push({ url: p.url, text: 'trang không có tiêu đề cấp 1' });
    const all = p.$('img').length;
    const missing = p.facts.imagesWithoutAlt;
    imgs += all;
    alts += all - missing;
    if (missing > 0) base.accessibility.evidence.push({ url: p.url, text: `${missing} ảnh thiếu văn bản thay thế` });
  }
  const n = reading.pages.length;
  base.accessibility = {
    ...base.accessibility,
    pages: n,
    lang: n ? withLang / n : 0,
    headings: n ? headings / n : 0,
    alt: imgs ? alts / imgs : 1,
  };
  base.accessibility.evidence = base.accessibility.evidence.slice(0, 10);
  const assets = crawl.entries.filter((e) => e.kind === 'asset' && e.record.status === 'ok');
  base.pageWeight = {
    bytes: home.bytes + assets.reduce((sum, e) => sum + e.record.bytes, 0),
    resources: assets.length + 1,
    evidence: [{ url: home.finalUrl, text: `HTML ${home.bytes} B + ${assets.length} tệp` }],
  };

  // Broken internal links: pages the crawl followed that answered with an error, with the page holding the link.
  const followed = crawl.entries.filter(
    (e) => e.kind === 'page' && e.record.status !== 'blocked-by-robots' && e.record.status !== 'not-fetched',
  );
  base.links = {
    checked: followed.length,
    broken: followed
      .filter((e) => e.record.status === 'http-error' && (e.record.httpStatus ?? 0) >= 400)
      .map((e) => ({ url: e.record.url, text: `HTTP ${e.record.httpStatus}${e.from ? `, liên kết trên trang ${e.from}` : ''}` })),
  };
  return base;
}
