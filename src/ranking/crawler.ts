/**
 * Budgeted crawl of one school site: robots.txt, the home page, our manifest when present,
 * sitemap.xml, feeds, then pages in waves. A wave is chosen from the frontier by priority
 * (links that look like Công khai, Tin tức, Giới thiệu … first), depth and URL, and the next
 * wave is computed only once the whole wave is in, so that the pages chosen never depend on
 * which response came back first. The crawl stops at the page budget, the depth limit or the
 * site's time limit, whichever comes first, so that a hostile server cannot stall the job.
 */
import * as cheerio from 'cheerio';
import { z } from 'zod';
import { isMenuLabel } from '../html/site.ts';
import { fold } from '../util/slug.ts';
import { decodeBody } from './decode.ts';
import { bodyOf, fetchRecordSchema, scanStatusSchema, type Fetch, type FetchRecord, type ScanStatus } from './fetcher.ts';
import { MANIFEST_PATH, manifestSchema, type Manifest } from './manifest.ts';
import { robotsFromRecord } from './robots.ts';
import type { RankSite } from './sites-list.ts';

export const ENTRY_KINDS = ['robots', 'home', 'manifest', 'sitemap', 'feed', 'page', 'pdf', 'asset'] as const;
export const crawlEntrySchema = z.object({
  kind: z.enum(ENTRY_KINDS),
  depth: z.number().int().optional(),
  /** The page whose link led here (so that a broken link is reported with the page holding it). */
  from: z.string().optional(),
  record: fetchRecordSchema,
});
export type CrawlEntry = z.infer<typeof crawlEntrySchema>;

export const STEP_NAMES = ['robots', 'home', 'manifest', 'sitemap', 'feeds', 'pages', 'annual-report', 'assets'] as const;
export const crawlStepSchema = z.object({
  step: z.enum(STEP_NAMES),
  status: scanStatusSchema,
  url: z.string().optional(),
  /** Counts or a short explanation. */
  detail: z.string().optional(),
});
export type CrawlStep = z.infer<typeof crawlStepSchema>;

export const crawlResultSchema = z.object({
  status: scanStatusSchema,
  /** Why the crawl ended: frontier empty, page budget, time limit, or the home page failed. */
  stop: z.enum(['done', 'budget', 'deadline', 'failed']),
  ms: z.number().int(),
  steps: z.array(crawlStepSchema),
  entries: z.array(crawlEntrySchema),
});
export type CrawlResult = z.infer<typeof crawlResultSchema>;

export interface CrawlOptions {
  /** HTML pages fetched per site, the home page included. */
  maxPages: number;
  /** robots, manifest, sitemaps, feeds, annual report check. */
  maxAuxiliary: number;
  /** Home page stylesheets, scripts and images measured for the page weight. */
  maxAssets: number;
  maxDepth: number;
  /** Pages fetched together in one wave. */
  waveSize: number;
  /** Hard limit for the whole site. */
  siteTimeoutMs: number;
  /** Crawl-delay from robots.txt is honoured up to this. */
  maxCrawlDelayMs: number;
}

export const DEFAULT_CRAWL_OPTIONS: CrawlOptions = {
  maxPages: 60,
  maxAuxiliary: 12,
  maxAssets: 30,
  maxDepth: 4,
  waveSize: 6,
  siteTimeoutMs: 180_000,
  maxCrawlDelayMs: 2000,
};

const NON_PAGE =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|jpe?g|png|gif|webp|svg|bmp|ico|mp[34]|avi|mov|wmv|css|js|json|xml|rss|txt|woff2?|ttf)$/i;
const TRAPS =
  /[?&](replytocom|share|print|lang|sort|order|s|q|search|keyword)=|\/(wp-admin|wp-login|admin|login|dang-nhap|logout|cart|tag|tags|author)\b|\/feed\/?$|\/tim-kiem\/./i;

/** Higher first: what the score sheets look at. */
const PRIORITY: [RegExp, number][] = [
  [/cong khai|cong-khai|congkhai|ba cong khai/, 60],
  [/bao cao thuong nien|bao-cao-thuong-nien/, 55],
  [/tin tuc|tin-tuc|news|su kien|thong bao|bai viet|trang \d|\/page\/\d|trang=\d|page=\d|\/trang\/\d/, 40],
  [
    /gioi thieu|gioi-thieu|lien he|lien-he|van ban|van-ban|cong van|tuyen sinh|tuyen-sinh|bieu mau|bieu-mau|so do|so-do|sitemap|lay y kien|lay-y-kien|gop y|lich|thoi khoa bieu|hoc lieu|tai lieu|thu vien|tai nguyen|bai giang|co cau|chuc nang|lich su|lanh dao|ban giam hieu|ban giam doc|hoi dap/,
    35,
  ],
  [/tim kiem|tim-kiem|search/, 20],
];

function priorityOf(text: string): number {
  const t = fold(text);
  return PRIORITY.reduce((p, [re, w]) => (re.test(t) ? Math.max(p, w) : p), 0);
}

export interface CrawlContext {
  site: RankSite;
  fetch: Fetch;
  options: CrawlOptions;
}

/** Origins that count as the site itself (declared domain with and without www, http and https, and where it is fetched). */
export function siteOrigins(site: RankSite, finalUrl?: string): Set<string> {
  const set = new Set<string>();
  const bare = site.domain.replace(/^www\./, '');
  for (const scheme of ['http', 'https']) for (const host of [bare, `www.${bare}`]) set.add(`${scheme}://${host}`);
  set.add(new URL(site.fetchUrl).origin);
  if (finalUrl) set.add(new URL(finalUrl).origin);
  return set;
}

/** Maps a same-site URL onto the origin actually fetched (matters under `resolve`); others → undefined. */
export function toFetchUrl(href: string, base: string, origins: Set<string>, fetchOrigin: string): string | undefined {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (!origins.has(u.origin)) return undefined;
  u.hash = '';
  return new URL(`${u.pathname}${u.search}`, fetchOrigin).href;
}

export async function crawlSite(ctx: CrawlContext): Promise<CrawlResult> {
  const { site, fetch, options } = ctx;
  const started = performance.now();
  const deadline = AbortSignal.timeout(options.siteTimeoutMs);
  const entries: CrawlEntry[] = [];
  const steps: CrawlStep[] = [];
  let aux = 0;
  const finish = (status: ScanStatus, stop: CrawlResult['stop']): CrawlResult => ({
    status,
    stop,
    ms: Math.round(performance.now() - started),
    steps,
    entries,
  });
  const get = async (kind: CrawlEntry['kind'], url: string, extra: Partial<Parameters<Fetch>[0]> = {}, depth?: number) => {
    const record = await fetch({ url, signal: deadline, ...extra });
    entries.push({ kind, ...(depth !== undefined ? { depth } : {}), record });
    return record;
  };
  const fetchOrigin = new URL(site.fetchUrl).origin;

  // 1. robots.txt
  const robotsUrl = `${fetchOrigin}/robots.txt`;
  const robotsRec = await get('robots', robotsUrl, { maxBytes: 512 * 1024, partial: true });
  const robots = robotsFromRecord(robotsUrl, robotsRec);
  steps.push({ step: 'robots', status: robotsRec.status, url: robotsUrl, detail: robots.mode });
  const allowed = (u: string) => robots.isAllowed(u);
  const delayMs = Math.min((robots.crawlDelay ?? 0) * 1000, options.maxCrawlDelayMs);

  // 2. home page
  const home = await get('home', site.fetchUrl, { allowed }, 0);
  steps.push({ step: 'home', status: home.status, url: home.finalUrl, ...(home.error ? { detail: home.error } : {}) });
  if (home.status !== 'ok') {
    // robots.txt unreachable (5xx, timeout …) explains the failure better than "blocked".
    const status =
      home.status === 'blocked-by-robots' && robots.mode === 'disallow-all' && robotsRec.status !== 'ok' ? robotsRec.status : home.status;
    return finish(status, 'failed');
  }
  const origins = siteOrigins(site, home.finalUrl);
  const finalOrigin = new URL(home.finalUrl).origin;
  const same = (href: string, base: string) => toFetchUrl(href, base, origins, finalOrigin);

  // Frontier: url → best priority and smallest depth.
  const frontier = new Map<string, { priority: number; depth: number }>();
  const referrer = new Map<string, string>();
  const seen = new Set<string>([home.url, home.finalUrl]);
  const feedUrls = new Set<string>();
  const sitemapUrls = new Set<string>();
  const pdfCandidates = new Map<string, number>();
  const addLink = (url: string | undefined, priority: number, depth: number, from?: string) => {
    if (!url || seen.has(url) || depth > options.maxDepth) return;
    if (from && !referrer.has(url)) referrer.set(url, from);
    const path = decodeURIComponent(new URL(url).pathname);
    if (TRAPS.test(url)) return;
    if (NON_PAGE.test(path)) return;
    const cur = frontier.get(url);
    if (!cur || cur.priority < priority || (cur.priority === priority && cur.depth > depth))
      frontier.set(url, { priority: Math.max(priority, cur?.priority ?? 0), depth: Math.min(depth, cur?.depth ?? depth) });
  };
  const scan = (record: FetchRecord, depth: number) => {
    if (!/html|xml\+xhtml/i.test(record.contentType ?? 'text/html')) return;
    const { text } = decodeBody(bodyOf(record), record.contentType);
    const $ = cheerio.load(text);
    $('link[rel~=alternate][href]').each((_, l) => {
      const type = ($(l).attr('type') ?? '').toLowerCase();
      if (type.includes('rss') || type.includes('atom')) {
        const u = same($(l).attr('href')!, record.finalUrl);
        if (u) feedUrls.add(u);
      }
    });
    $('a[href]').each((_, a) => {
      const href = $(a).attr('href')!;
      const label = `${$(a).text()} ${$(a).attr('title') ?? ''} ${href}`;
      const u = same(href, record.finalUrl);
      if (!u) return;
      const f = fold(label);
      if (/\.pdf(\?|$)/i.test(href) && /bao cao thuong nien|bao-cao-thuong-nien|baocaothuongnien/.test(f)) {
        pdfCandidates.set(u, Math.min(pdfCandidates.get(u) ?? depth, depth));
      }
      if (/(^|[^a-z])rss([^a-z]|$)|\/feeds?\/?$|\.rss$/.test(f) && depth <= 1) feedUrls.add(u);
      // Menu items first: a post titled "Thông báo …" must not use up the budget before "Liên hệ".
      const text = `${$(a).text()}`.replace(/\s+/g, ' ').trim();
      const p = priorityOf(label);
      addLink(u, isMenuLabel(text) ? p + 10 : Math.floor(p / 2), depth + 1, record.finalUrl);
    });
  };
  scan(home, 0);

  // 3. our manifest
  let manifest: Manifest | undefined;
  if (aux < options.maxAuxiliary) {
    aux++;
    const url = `${finalOrigin}${MANIFEST_PATH}`;
    const rec = await get('manifest', url, { allowed, maxBytes: 2 * 1024 * 1024 });
    let detail = rec.status === 'ok' ? 'absent or invalid' : 'absent';
    if (rec.status === 'ok') {
      try {
        const parsed = manifestSchema.safeParse(JSON.parse(decodeBody(bodyOf(rec), rec.contentType).text));
        if (parsed.success) {
          manifest = parsed.data;
          detail = `version ${manifest.version}`;
        }
      } catch {
        /* not JSON: a CMS that answers every path with its home page */
      }
    }
    steps.push({ step: 'manifest', status: manifest ? 'ok' : rec.status === 'ok' ? 'error' : rec.status, url, detail });
  }
  if (manifest) {
    const abs = (p: string) => same(p, home.finalUrl);
    for (const s of manifest.sections) addLink(abs(s.url), 70, 1);
    const years = [...manifest.disclosures.years].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear)).slice(0, 2);
    for (const y of years) {
      addLink(abs(y.url), 80, 1);
      for (const item of y.items) {
        addLink(abs(item.url), 75, 2);
        if (item.item === 'bao-cao-thuong-nien') for (const a of item.attachments) if (/\.pdf$/i.test(a)) pdfCandidates.set(abs(a)!, 0);
      }
    }
    for (const f of manifest.feeds.slice(0, 1)) feedUrls.add(abs(f.url)!);
    if (manifest.sitemapXml) sitemapUrls.add(abs(manifest.sitemapXml)!);
  }

  // 4. sitemap.xml (from robots.txt, the manifest, or the conventional place)
  for (const s of robots.sitemaps) {
    const u = same(s, home.finalUrl);
    if (u) sitemapUrls.add(u);
  }
  if (sitemapUrls.size === 0) sitemapUrls.add(`${finalOrigin}/sitemap.xml`);
  {
    const queue = [...sitemapUrls].sort().slice(0, 2);
    let ok = 0;
    let first: FetchRecord | undefined;
    for (let i = 0; i < queue.length && i < 4 && aux < options.maxAuxiliary; i++) {
      aux++;
      const rec = await get('sitemap', queue[i]!, { allowed });
      first ??= rec;
      if (rec.status !== 'ok') continue;
      const xml = decodeBody(bodyOf(rec), rec.contentType).text;
      if (!/<(urlset|sitemapindex)[\s>]/.test(xml)) continue;
      ok++;
      const $ = cheerio.load(xml, { xml: true });
      $('sitemap > loc').each((_, l) => {
        const u = same($(l).text().trim(), rec.finalUrl);
        if (u && !queue.includes(u)) queue.push(u);
      });
    }
    steps.push({
      step: 'sitemap',
      status: ok > 0 ? 'ok' : first?.status === 'ok' ? 'error' : (first?.status ?? 'not-fetched'),
      url: queue[0],
      detail: `${ok} sitemap file(s)`,
    });
  }

  // 5. feeds
  {
    const feeds = [...feedUrls].sort((a, b) => a.length - b.length || a.localeCompare(b)).slice(0, 2);
    let status: ScanStatus = 'not-fetched';
    for (const f of feeds) {
      if (aux >= options.maxAuxiliary) break;
      aux++;
      const rec = await get('feed', f, { allowed });
      if (status !== 'ok') status = rec.status;
    }
    steps.push({ step: 'feeds', status, detail: `${feeds.length} feed(s) linked` });
  }

  // 6. pages, in waves
  let pages = 1;
  let stop: CrawlResult['stop'] = 'done';
  let pageErrors = 0;
  const waveSize = delayMs > 0 ? 1 : options.waveSize;
  while (frontier.size > 0) {
    if (deadline.aborted) {
      stop = 'deadline';
      break;
    }
    if (pages >= options.maxPages) {
      stop = 'budget';
      break;
    }
    const wave = [...frontier.entries()]
      .sort(([ua, a], [ub, b]) => b.priority - a.priority || a.depth - b.depth || ua.localeCompare(ub))
      .slice(0, Math.min(waveSize, options.maxPages - pages));
    for (const [u] of wave) {
      frontier.delete(u);
      seen.add(u);
    }
    const records = await Promise.all(wave.map(([u]) => fetch({ url: u, signal: deadline, allowed })));
    records.forEach((rec, i) => {
      const depth = wave[i]![1].depth;
      const from = referrer.get(wave[i]![0]);
      entries.push({ kind: 'page', depth, ...(from ? { from } : {}), record: rec });
      pages++;
      if (rec.status !== 'ok') pageErrors++;
      else {
        seen.add(rec.finalUrl);
        scan(rec, depth);
      }
    });
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  }
  steps.push({
    step: 'pages',
    status: deadline.aborted ? 'timeout' : 'ok',
    detail: `${pages} page(s), ${pageErrors} error(s), stop: ${stop}`,
  });

  // 7. annual report: the file behind the link must really be a PDF.
  {
    const best = [...pdfCandidates.entries()].sort(([a, da], [b, db]) => da - db || b.localeCompare(a))[0]?.[0];
    if (best && aux < options.maxAuxiliary && !deadline.aborted) {
      const rec = await get('pdf', best, { allowed, maxBytes: 1024, partial: true });
      steps.push({ step: 'annual-report', status: rec.status, url: best });
    } else steps.push({ step: 'annual-report', status: 'not-fetched', detail: best ? 'budget' : 'no link found' });
  }

  // 8. page weight of the home page: its own stylesheets, scripts and images.
  {
    const { text } = decodeBody(bodyOf(home), home.contentType);
    const $ = cheerio.load(text);
    const assets = new Set<string>();
    $('link[rel~=stylesheet][href], script[src], img[src]').each((_, el) => {
      const u = same($(el).attr('href') ?? $(el).attr('src')!, home.finalUrl);
      if (u) assets.add(u);
    });
    const list = [...assets].slice(0, options.maxAssets);
    const recs = deadline.aborted ? [] : await Promise.all(list.map((u) => fetch({ url: u, signal: deadline, allowed, sizeOnly: true })));
    for (const rec of recs) entries.push({ kind: 'asset', record: rec });
    steps.push({ step: 'assets', status: 'ok', detail: `${recs.length} of ${assets.size} asset(s) measured` });
  }
  if (deadline.aborted && stop === 'done') stop = 'deadline';
  return finish('ok', stop);
}
