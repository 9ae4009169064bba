/**
 * The ranking job: crawl every site (or read a snapshot), compute signals, score, rank.
 * Sites are crawled `concurrency` at a time; each crawl is bounded by its own time limit.
 */
import { CITATIONS } from '../compliance/citations.ts';
import { schoolYearOf, todayInVietnam } from '../util/dates.ts';
import { criterionBasis, type CriteriaFile } from './criteria.ts';
import { crawlSite, DEFAULT_CRAWL_OPTIONS, type CrawlOptions, type CrawlResult } from './crawler.ts';
import { createFetcher, type FetcherOptions } from './fetcher.ts';
import { mapLimit } from '../util/concurrency.ts';
import { RANKING_REPORT_VERSION, type RankingReport, type SiteRanking } from './report/schema.ts';
import { scoreSite } from './score.ts';
import { computeSignals } from './signals/index.ts';
import type { RankSite } from './sites-list.ts';
import { SNAPSHOT_VERSION, type Snapshot } from './snapshot.ts';
import { daysBetween } from './signals/dates.ts';
import { PACKAGE_VERSION } from '../util/package-root.ts';

export interface ProgressEvent {
  done: number;
  total: number;
  site: RankSite;
  crawl: CrawlResult;
}

export interface CrawlJobOptions {
  sites: RankSite[];
  concurrency?: number | undefined;
  fetcher?: Partial<FetcherOptions> | undefined;
  crawl?: Partial<CrawlOptions> | undefined;
  onProgress?: ((e: ProgressEvent) => void) | undefined;
  onStart?: ((site: RankSite) => void) | undefined;
}

/** Crawls every site and returns the snapshot. */
export async function crawlSites(opts: CrawlJobOptions): Promise<Snapshot> {
  const fetcher = createFetcher({
    ...opts.fetcher,
    globalConcurrency: opts.fetcher?.globalConcurrency ?? Math.max(4, (opts.concurrency ?? 4) * (opts.fetcher?.perHostConcurrency ?? 2)),
  });
  const options = { ...DEFAULT_CRAWL_OPTIONS, ...opts.crawl };
  let done = 0;
  try {
    const results = await mapLimit(opts.sites, Math.max(1, opts.concurrency ?? 4), async (site) => {
      opts.onStart?.(site);
      const crawl = await crawlSite({ site, fetch: fetcher.fetch, options });
      done++;
      opts.onProgress?.({ done, total: opts.sites.length, site, crawl });
      return { site, crawl };
    });
    return { kind: 'congtruong-ranking-snapshot', version: SNAPSHOT_VERSION, crawledOn: todayInVietnam(), sites: results };
  } finally {
    await fetcher.close();
  }
}

/**
 * Where the public finds a page: under `resolve` a site is fetched from another origin (a
 * mirror, a local copy), but the report's evidence links point to its declared address.
 */
export function publicUrl(site: RankSite, url: string): string {
  const fetched = new URL(site.fetchUrl).origin;
  const declared = new URL(site.url).origin;
  if (fetched === declared || !URL.canParse(url)) return url;
  const u = new URL(url);
  return u.origin === fetched ? `${declared}${u.pathname}${u.search}${u.hash}` : url;
}

/** Scores a snapshot: pure, no network. */
export function scoreSnapshot(snapshot: Snapshot, criteria: CriteriaFile, date: string): RankingReport {
  const scored = snapshot.sites.map(({ site, crawl }) => {
    const signals = computeSignals(site, crawl, date);
    const score = scoreSite(criteria, signals, site.levels);
    const recent = signals.posts.filter((p) => daysBetween(p.date, date) < 30).length;
    const inYear = signals.posts.filter((p) => p.date >= `${signals.schoolYear.slice(0, 4)}-08-01`).length;
    const entry: Omit<SiteRanking, 'rank'> = {
      id: site.id,
      name: site.name,
      url: site.url,
      domain: site.domain,
      ...(site.unit ? { unit: site.unit } : {}),
      levels: site.levels,
      score: score.total,
      band: { id: score.band.id, label: score.band.label },
      scan: {
        status: crawl.status,
        stop: crawl.stop,
        ms: crawl.ms,
        manifest: signals.manifest,
        pages: crawl.entries.filter((e) => e.kind === 'page' || e.kind === 'home').length,
        pagesRead: crawl.entries
          .filter((e) => (e.kind === 'page' || e.kind === 'home') && e.record.status === 'ok')
          .map((e) => publicUrl(site, e.record.finalUrl)),
        steps: crawl.steps,
      },
      categories: score.categories,
      criteria: score.criteria.map((c) => ({
        id: c.id,
        category: c.category,
        status: c.score === null ? 'not-applicable' : c.score >= 1 ? 'pass' : c.score <= 0 ? 'fail' : 'partial',
        score: c.score,
        points: c.points,
        max: c.max,
        detail: c.detail,
        evidence: c.evidence.map((e) => ({
          ...(e.url ? { url: publicUrl(site, e.url) } : {}),
          ...(e.text ? { text: e.text.slice(0, 200) } : {}),
        })),
      })),
      metrics: {
        ...(signals.posts[0] ? { newestPost: signals.posts[0].date } : {}),
        postsLast30Days: recent,
        postsSchoolYear: inYear,
        disclosureYears: Object.keys(signals.disclosure.years).sort().reverse(),
        pageWeightBytes: signals.pageWeight.bytes,
        brokenLinks: signals.links.broken.length,
      },
    };
    return entry;
  });
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
  const sites: SiteRanking[] = [];
  scored.forEach((s, i) => {
    const rank = i > 0 && scored[i - 1]!.score === s.score ? sites[i - 1]!.rank : i + 1;
    sites.push({ rank, ...s });
  });
  return {
    kind: 'congtruong-ranking',
    version: RANKING_REPORT_VERSION,
    generator: { name: 'congtruong', version: PACKAGE_VERSION },
    date,
    schoolYear: schoolYearOf(date),
    crawledOn: snapshot.crawledOn,
    criteria: {
      id: criteria.id,
      title: criteria.title,
      source: criteria.source,
      bands: criteria.bands,
      categories: criteria.categories.map((c) => ({ id: c.id, title: c.title, weight: c.weight, source: c.source })),
      criteria: criteria.categories.flatMap((cat) =>
        cat.criteria.map((c) => ({
          id: c.id,
          category: cat.id,
          title: c.title,
          signal: c.signal,
          weight: c.weight,
          params: c.params,
          ...(c.levels ? { levels: c.levels } : {}),
          basis: criterionBasis(c).map((b) => ({
            ref: b.ref,
            number: CITATIONS[b.ref].number,
            ...(b.article ? { article: b.article } : {}),
          })),
          source: c.source,
          verification: c.verification,
        })),
      ),
    },
    sites,
  };
}
