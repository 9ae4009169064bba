/**
 * The multi-school build: validate every school, render the valid ones with Astro in a
 * child process, assemble each into a standalone site and swap it into
 * `dist/sites/<domain>/`. A school that is invalid or fails to render is reported and keeps
 * its previous published site; every other school is still built.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedHost, type LoadedSchool } from '../content/load.ts';
import type { ContentIssue } from '../content/issues.ts';
import { schoolYearOf, toInstant, todayInVietnam } from '../util/dates.ts';
import { combine, hashPaths, readState, shardOf, themeFingerprint, writeState } from './fingerprint.ts';
import { runChecks } from '../compliance/engine.ts';
import { byDateDesc, newsItem } from '../feeds/school-feeds.ts';
import { closeSearchIndexer, indexSite } from '../search/index-site.ts';
import { precompressSite } from '../hosting/precompress.ts';
import { formatHtml } from '../compliance/formatters/html.ts';
import { DASHBOARD_DIR } from './build-data.ts';
import { SCHOOL_INDEXES_DIR } from '../search/paths.ts';
import { factsFromContent } from '../compliance/facts-from-content.ts';
import { assembleSite } from './assemble.ts';
import type { AstroJob } from './astro-worker.ts';
import { HOST_ROUTE, type DirectoryEntry } from './build-data.ts';
import { buildPaths } from './paths.ts';
import { publishSite, recoverInterruptedSwaps } from './publish.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Build only these schools (the host portal is then skipped). */
  schools?: string[] | undefined;
  cacheDir?: string | undefined;
  /** Date for the compliance check, `YYYY-MM-DD`; default today in Vietnam. */
  date?: string | undefined;
  /** Rebuild every school even when its fingerprint did not change. */
  force?: boolean | undefined;
  /** Sites post-processed at once after the Astro run (assemble, index, compress, publish). Default: CPU count. */
  jobs?: number | undefined;
  /** Build only the schools of shard `index` of `count` (1-based); the host portal is skipped. */
  shard?: { index: number; count: number } | undefined;
  log?: (line: string) => void;
}

export type SiteStatus = 'built' | 'unchanged' | 'invalid' | 'failed' | 'blocked';

export interface SiteReport {
  id: string;
  name: string;
  domain?: string | undefined;
  status: SiteStatus;
  pages: number;
  /** Render error for `failed` sites (first lines). */
  error?: string | undefined;
  /** Whether an earlier good site is still published for a site that was not rebuilt. */
  keptPrevious: boolean;
  /** Compliance errors and warnings at the build date (schools only). */
  compliance?: { errors: number; warnings: number } | undefined;
}

export interface BuildReport {
  sites: SiteReport[];
  issues: ContentIssue[];
  ok: boolean;
  seconds: number;
  /** Highest peak RSS of the Astro workers, in MB. */
  peakWorkerRssMb: number;
  /** Search indexing totals over all sites built. */
  search: { pages: number; seconds: number; bytes: number };
}

const WORKER = fileURLToPath(new URL('./astro-worker.ts', import.meta.url));

interface BatchSite {
  kind: 'school' | 'host';
  compliance?: { errors: number; warnings: number } | undefined;
  id: string;
  route: string;
  domain: string;
  site: LoadedSchool | LoadedHost;
}

export async function buildSites(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const paths = buildPaths(opts.outDir, opts.cacheDir);
  await recoverInterruptedSwaps(paths.sites);
  const all = await loadContent(opts.contentDir, opts.schools);
  const inShard = (id: string) => !opts.shard || shardOf(id, opts.shard.count) === opts.shard.index;
  const loaded = { ...all, schools: all.schools.filter((s) => inShard(s.id)), invalid: all.invalid.filter(inShard) };
  const reports: SiteReport[] = [];
  for (const id of loaded.invalid) {
    reports.push({ id, name: id, domain: loaded.domains.get(id), status: 'invalid', pages: 0, keptPrevious: false });
  }

  // The checker runs on every valid school; the host decides whether errors block publishing.
  const settings = loaded.host?.config.compliance ?? { blockPublishingOnErrors: false, preset: 'recommended' };
  const check = runChecks({ sites: loaded.schools.map(factsFromContent), date: opts.date ?? todayInVietnam(), preset: settings.preset });
  const compliance = new Map(check.sites.map((s) => [s.id, { errors: s.summary.errors, warnings: s.summary.warnings }]));
  const publishable = loaded.schools.filter((s) => {
    if (!settings.blockPublishingOnErrors || (compliance.get(s.id)?.errors ?? 0) === 0) return true;
    reports.push({
      id: s.id,
      name: s.config.name,
      domain: s.config.domain,
      status: 'blocked',
      pages: 0,
      keptPrevious: false,
      compliance: compliance.get(s.id),
    });
    return false;
  });

  // Fingerprints: unchanged schools whose site is still published are skipped.
  const stateFile = path.join(path.resolve(opts.outDir), '.state.json');
  const state = await readState(stateFile);
  const theme = await themeFingerprint();
  const hostPart = loaded.host
    ? await hashPaths([path.join(path.resolve(opts.contentDir), 'host.yaml'), path.join(path.resolve(opts.contentDir), 'host')])
    : '';
  const yearPart = schoolYearOf(opts.date ?? todayInVietnam());
  const fingerprints = new Map<string, string>();
  for (const s of publishable) fingerprints.set(s.id, combine(theme, hostPart, yearPart, await hashPaths([s.dir])));
  const published = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  const changed = publishable.filter((s) => {
    const prev = state.sites[s.id];
    const same =
      !opts.force &&
      prev !== undefined &&
      prev.fingerprint === fingerprints.get(s.id) &&
      prev.domain === s.config.domain &&
      published.has(s.config.domain);
    if (same)
      reports.push({
        id: s.id,
        name: s.config.name,
        domain: s.config.domain,
        status: 'unchanged',
        pages: 0,
        keptPrevious: true,
        compliance: compliance.get(s.id),
      });
    return !same;
  });
  // The host aggregates every school: it is refreshed whenever anything changed.
  const hostFingerprint = combine(theme, hostPart, yearPart, ...[...fingerprints.entries()].sort().map(([id, f]) => `${id}:${f}`));
  if (loaded.host) fingerprints.set('host', hostFingerprint);
  const hostUnchanged =
    !opts.force &&
    loaded.host !== undefined &&
    state.sites.host?.fingerprint === hostFingerprint &&
    published.has(loaded.host.config.domain);
  if (hostUnchanged && loaded.host && !opts.schools && !opts.shard) {
    reports.push({
      id: 'host',
      name: loaded.host.config.name,
      domain: loaded.host.config.domain,
      status: 'unchanged',
      pages: 0,
      keptPrevious: true,
    });
  }

  const includeHost = loaded.host !== undefined && !opts.schools && !opts.shard && !hostUnchanged;
  const batch: BatchSite[] = changed.map((s) => ({
    kind: 'school' as const,
    compliance: compliance.get(s.id),
    id: s.id,
    route: s.id,
    domain: s.config.domain,
    site: s,
  }));
  if (includeHost && loaded.host)
    batch.push({ kind: 'host', id: 'host', route: `${HOST_ROUTE}/portal`, domain: loaded.host.config.domain, site: loaded.host });
  const directory = directoryOf(all.schools).map((d) => ({ ...d, compliance: compliance.get(d.id) }));

  let peakWorkerRssMb = 0;
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  // State writes are chained so that parallel publishes never write the file at the same time.
  let stateWrites: Promise<void> = Promise.resolve();
  const search = { pages: 0, seconds: 0, bytes: 0 };
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const runDir = path.join(paths.staging, runId);
  await mkdir(runDir, { recursive: true });
  try {
    // One Astro run for the whole batch is much faster than one per school (Astro's start-up
    // costs ~2 s); when it fails, each site is retried alone so that only the culprit fails.
    const queue: BatchSite[][] = batch.length > 0 ? [batch] : [];
    let n = 0;
    while (queue.length > 0) {
      const sites = queue.shift()!;
      const outDir = path.join(runDir, `batch-${n++}`);
      log(`Đang dựng ${sites.length} trang web: ${sites.map((s) => s.id).join(', ')}`);
      const result = await renderBatch(opts.contentDir, sites, outDir, path.join(paths.cache, 'astro'), directory);
      if (!result.ok) {
        if (sites.length > 1) {
          log('Dựng chung thất bại; dựng lại từng trường để tìm trường bị lỗi.');
          queue.push(...sites.map((s) => [s]));
          continue;
        }
        reports.push(siteReport(sites[0]!, 'failed', 0, result.error));
        continue;
      }
      peakWorkerRssMb = Math.max(peakWorkerRssMb, result.maxRssKb / 1024);
      // Schools are assembled, indexed and published in parallel; the host portal last, because
      // it copies the schools' published search indexes.
      const finish = async (s: BatchSite) => {
        const staged = path.join(runDir, 'sites', s.domain);
        try {
          const pages = await assembleSite({
            batchDir: outDir,
            siteRoute: s.route,
            siteRoutes: sites.map((x) => x.route),
            dest: staged,
            files: s.site.files,
            imageCache: path.join(paths.cache, 'images'),
          });
          if (s.kind === 'host') {
            await copySchoolIndexes(paths.sites, staged, directory);
            await writeDashboard(staged, check);
          }
          const indexed = await indexSite(staged, paths.cache);
          await precompressSite(staged);
          search.pages += indexed.pages;
          search.seconds += indexed.seconds;
          search.bytes += indexed.bytes;
          await publishSite(staged, paths.sites, s.domain);
          state.sites[s.id] = { domain: s.domain, fingerprint: fingerprints.get(s.id)! };
          stateWrites = stateWrites.then(() => writeState(stateFile, state));
          await stateWrites;
          reports.push(siteReport(s, 'built', pages));
          log(`  ✓ ${s.id} → ${path.relative(process.cwd(), path.join(paths.sites, s.domain))} (${pages} trang)`);
        } catch (err) {
          reports.push(siteReport(s, 'failed', 0, String(err)));
        }
      };
      await runPool(
        sites.filter((s) => s.kind === 'school'),
        jobs,
        finish,
      );
      for (const s of sites.filter((x) => x.kind === 'host')) await finish(s);
      await rm(outDir, { recursive: true, force: true });
    }
  } finally {
    await closeSearchIndexer();
    await rm(runDir, { recursive: true, force: true });
    // Leave no empty staging folder behind; another run may still be using it.
    await rmdir(paths.staging).catch(() => {});
  }

  // A site that was not rebuilt keeps whatever good version was published before.
  const live = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  for (const r of reports) {
    if (r.status !== 'built' && r.status !== 'unchanged') r.keptPrevious = r.domain !== undefined && live.has(r.domain);
  }
  reports.sort((a, b) => a.id.localeCompare(b.id));
  return {
    sites: reports,
    issues: loaded.issues,
    ok: reports.every((r) => r.status === 'built' || r.status === 'unchanged') && !loaded.issues.some((i) => i.severity === 'error'),
    seconds: (performance.now() - started) / 1000,
    peakWorkerRssMb,
    search,
  };
}

function siteReport(s: BatchSite, status: SiteStatus, pages: number, error?: string): SiteReport {
  return { id: s.id, name: s.site.config.name, domain: s.domain, status, pages, error, keptPrevious: false, compliance: s.compliance };
}

/** The host's district-wide search merges a same-origin copy of each published school index. */
async function copySchoolIndexes(sitesDir: string, hostDir: string, directory: DirectoryEntry[]): Promise<void> {
  for (const s of directory) {
    const from = path.join(sitesDir, s.domain, 'pagefind');
    if (await stat(from).catch(() => null)) await cp(from, path.join(hostDir, SCHOOL_INDEXES_DIR, s.id), { recursive: true });
  }
}

/** Runs `fn` over `items` with at most `limit` running at once. */
async function runPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The hosting unit's compliance dashboard: `/tuan-thu/` on the host portal. */
async function writeDashboard(hostDir: string, report: ReturnType<typeof runChecks>): Promise<void> {
  const dir = path.join(hostDir, DASHBOARD_DIR);
  await mkdir(dir, { recursive: true });
  for (const [name, content] of formatHtml(report, { externalCss: true })) await writeFile(path.join(dir, name), content);
}

/** News items per school in the host's aggregated feed. */
const FEED_ITEMS_PER_SCHOOL = 30;

/** The host directory: every valid school with its latest news. */
function directoryOf(schools: LoadedSchool[]): DirectoryEntry[] {
  return schools
    .map((s) => ({
      id: s.id,
      name: s.config.name,
      levels: s.config.levels,
      domain: s.config.domain,
      address: s.config.address,
      phone: s.config.phone,
      email: s.config.email,
      latestNews: s.collections.news
        .filter((n) => !n.data.draft)
        .sort((a, b) => toInstant(b.data.date).getTime() - toInstant(a.data.date).getTime())
        .slice(0, 3)
        .map((n) => ({ title: n.data.title, date: n.data.date, url: `https://${s.config.domain}/tin-tuc/${n.slug}/` })),
      feedItems: s.collections.news
        .filter((n) => !n.data.draft)
        .map((n) => newsItem(s, n))
        .sort(byDateDesc)
        .slice(0, FEED_ITEMS_PER_SCHOOL),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

async function renderBatch(
  contentDir: string,
  sites: BatchSite[],
  outDir: string,
  cacheDir: string,
  directory: DirectoryEntry[],
): Promise<{ ok: true; maxRssKb: number } | { ok: false; error: string }> {
  const job: AstroJob = {
    contentDir: path.resolve(contentDir),
    schoolIds: sites.filter((s) => s.kind === 'school').map((s) => s.id),
    includeHost: sites.some((s) => s.kind === 'host'),
    outDir,
    cacheDir,
    directory,
  };
  await mkdir(outDir, { recursive: true });
  const jobFile = `${outDir}.job.json`;
  await writeFile(jobFile, JSON.stringify(job));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, jobFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const stats = /CONGTRUONG_STATS (\{.*\})/.exec(output);
      if (code === 0) resolve({ ok: true, maxRssKb: stats ? (JSON.parse(stats[1]!) as { maxRssKb: number }).maxRssKb : 0 });
      else resolve({ ok: false, error: output.trim().split('\n').slice(0, 8).join('\n') || `exit code ${code}` });
    });
  });
}
