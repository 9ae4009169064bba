/**
 * The multi-school build: validate every school, render the valid ones with Astro in a
 * child process, assemble each into a standalone site and swap it into
 * `dist/sites/<domain>/`. A school that is invalid or fails to render is reported and keeps
 * its previous published site; every other school is still built.
 */
import { mkdir, readdir, rm, rmdir, stat, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loadContent, type LoadedHost, type LoadedSchool } from '../content/load.ts';
import type { ContentIssue } from '../content/issues.ts';
import { schoolYearOf, toInstant, todayInVietnam } from '../util/dates.ts';
import { combine, FileHashes, readState, shardOf, themeSources, writeState } from './fingerprint.ts';
import { readFacts, readSummary, writeSummary, type SchoolSummary } from './school-cache.ts';
import { runChecks } from '../compliance/engine.ts';
import { byDateDesc, newsItem } from '../feeds/school-feeds.ts';
import { startFinishPool, type FinishPool } from './finish-pool.ts';
import { formatHtml } from '../compliance/formatters/html.ts';
import { DASHBOARD_DIR } from './build-data.ts';
import { SCHOOL_INDEXES_DIR } from '../search/paths.ts';
import { factsFromContent } from '../compliance/facts-from-content.ts';
import type { SiteFacts } from '../compliance/facts.ts';
import { assembleSite } from './assemble.ts';
import type { AstroJob } from './astro-worker.ts';
import { startWorker, takeWorker, writeJob, type AstroWorker, type WorkerResult } from './astro-workers.ts';
import { HOST_ROUTE, type DirectoryEntry } from './build-data.ts';
import { buildPaths, PACKAGE_ROOT } from './paths.ts';
import { limiter, mapLimit } from '../util/concurrency.ts';
import { rebaseSite } from './rebase.ts';
import { applySchoolUrls, basePath, siteFolder } from './site-urls.ts';
import { publishSite, recoverInterruptedSwaps } from './publish.ts';
import type { BuildProgress } from './progress.ts';

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
  /**
   * Build the host portal only, over schools already published in `<out>/sites/` (for example
   * merged from the shards of a CI matrix): schools are loaded for the directory, the
   * dashboard and the search links, but neither rendered nor reported unless invalid.
   */
  hostOnly?: boolean | undefined;
  /** About how many pages one Astro run renders; sites are grouped into chunks of this size. */
  chunkPages?: number | undefined;
  log?: (line: string) => void;
  /** Live progress (the terminal display); `log` lines are written either way. */
  progress?: BuildProgress | undefined;
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
  /** Seconds spent per stage (post-processing stages summed over sites), for the benchmark. */
  timings: Record<'fingerprint' | 'load' | 'prepare' | 'render' | 'assemble' | 'host' | 'index' | 'compress' | 'publish', number>;
  /**
   * When each step ended, in seconds since the build started: the critical path of a small
   * rebuild, which the summed `timings` hide (the host and the schools render side by side).
   */
  timeline: TimelineEvent[];
}

export interface TimelineEvent {
  at: number;
  event: string;
}

/** Astro's output of each run, `<run id>/batch-<n>/`, inside the package (see `buildSites`). */
const ASTRO_RUNS = path.join(PACKAGE_ROOT, '.astro', 'runs');

/** Removes the Astro output of builds that were killed (their process no longer exists). */
async function removeStaleAstroRuns(): Promise<void> {
  for (const name of await readdir(ASTRO_RUNS).catch(() => [] as string[])) {
    const pid = Number(name.split('-').pop());
    let alive = pid === process.pid;
    try {
      if (!alive) alive = process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) await rm(path.join(ASTRO_RUNS, name), { recursive: true, force: true });
  }
}

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
  const timings: BuildReport['timings'] = {
    fingerprint: 0,
    load: 0,
    prepare: 0,
    render: 0,
    assemble: 0,
    host: 0,
    index: 0,
    compress: 0,
    publish: 0,
  };
  const timeline: TimelineEvent[] = [];
  const mark = (event: string) => timeline.push({ at: Math.round(performance.now() - started) / 1000, event });
  /** Adds the time of `task` to a stage. */
  const timed = async <T>(stage: keyof typeof timings, task: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await task();
    } finally {
      timings[stage] += (performance.now() - t0) / 1000;
    }
  };
  const log = opts.log ?? (() => {});
  const progress = opts.progress;
  const paths = buildPaths(opts.outDir, opts.cacheDir);
  await recoverInterruptedSwaps(paths.sites);
  const contentRoot = path.resolve(opts.contentDir);
  const date = opts.date ?? todayInVietnam();
  const inShard = (id: string) => !opts.shard || shardOf(id, opts.shard.count) === opts.shard.index;
  const schoolsDir = path.join(contentRoot, 'schools');
  const ids: string[] = [];
  for (const e of await readdir(schoolsDir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory() && !e.name.startsWith('.') && (!opts.schools || opts.schools.includes(e.name)) && inShard(e.name)) ids.push(e.name);
  }
  ids.sort();

  // The first Astro worker starts before anything else (or was started by the command line before
  // it loaded this module): loading Node, Astro and the engine takes it about a second, which then
  // overlaps with fingerprinting, loading and checking content. When nothing changed it is
  // stopped unused.
  const spares: AstroWorker[] = [takeWorker()];

  // Fingerprints first, from remembered file hashes: what did not change is neither read nor
  // rendered again, its compliance facts and directory entry come from the cache.
  const stateFile = path.join(path.resolve(opts.outDir), '.state.json');
  const state = await readState(stateFile);
  // A forced or first build loads every school whatever the fingerprints say: loading starts now,
  // beside the fingerprints (which read every file on a first build too).
  const loadingAll =
    (opts.force || Object.keys(state.sites).length === 0) && !opts.hostOnly ? loadContent(opts.contentDir, ids) : undefined;
  loadingAll?.catch(() => {}); // awaited below; a failure surfaces there
  const hashes = await FileHashes.open(path.join(paths.cache, 'file-hashes.json'));
  const [theme, hostPart, ...schoolHashes] = await hashes.hashGroups([
    themeSources(),
    [path.join(contentRoot, 'host.yaml'), path.join(contentRoot, 'host')],
    ...ids.map((id) => [path.join(schoolsDir, id)]),
  ]);
  const yearPart = schoolYearOf(date);
  const fingerprints = new Map<string, string>();
  ids.forEach((id, i) => fingerprints.set(id, combine(theme!, hostPart!, yearPart, schoolHashes[i]!)));
  await hashes.save();
  const published = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  // Nothing changed at all (the common case of a scheduled build): answer from the state,
  // without loading, checking or rendering anything.
  const unchanged = (id: string, fingerprint: string | undefined) => {
    const prev = state.sites[id];
    return prev !== undefined && prev.fingerprint === fingerprint && published.has(siteFolder(prev.domain));
  };
  const hostIncluded = !opts.schools && !opts.shard && (await stat(path.join(contentRoot, 'host.yaml')).catch(() => null)) !== null;
  // The host aggregates every valid school: it is refreshed whenever any of them changed.
  const hostFingerprintOf = (schools: string[]) =>
    combine(theme!, hostPart!, yearPart, ...schools.map((id) => `${id}:${fingerprints.get(id)}`));
  if (
    !opts.force &&
    !opts.hostOnly &&
    ids.every((id) => unchanged(id, fingerprints.get(id))) &&
    (!hostIncluded || unchanged('host', hostFingerprintOf(ids)))
  ) {
    const sites: SiteReport[] = [...ids, ...(hostIncluded ? ['host'] : [])].sort().map((id) => {
      const prev = state.sites[id]!;
      return {
        id,
        name: prev.name ?? id,
        domain: prev.domain,
        status: 'unchanged',
        pages: 0,
        keptPrevious: true,
        compliance: prev.compliance,
      };
    });
    timings.fingerprint = (performance.now() - started) / 1000;
    for (const w of spares) w.cancel();
    return {
      sites,
      issues: [],
      ok: true,
      seconds: timings.fingerprint,
      peakWorkerRssMb: 0,
      search: { pages: 0, seconds: 0, bytes: 0 },
      timings,
      timeline,
    };
  }
  // Something will be built: a second worker renders the host portal beside the schools on a
  // multi-core machine, and loads while content is checked.
  if (hostIncluded && availableParallelism() > 1) spares.push(startWorker());
  const cached = new Map<string, SchoolSummary>();
  if (!opts.force) {
    const candidates = ids.filter((id) => unchanged(id, fingerprints.get(id)));
    const summaries = await mapLimit(candidates, 16, (id) => readSummary(paths.cache, id, fingerprints.get(id)!));
    candidates.forEach((id, i) => summaries[i] && cached.set(id, summaries[i]));
  }
  // A school checked on another day is checked again (deadlines pass), from its cached facts.
  const staleIds = [...cached].filter(([, c]) => c.check?.date !== date).map(([id]) => id);
  const staleFacts = await mapLimit(staleIds, 16, (id) => readFacts(paths.cache, id, fingerprints.get(id)!));
  const recheck = new Map<string, SiteFacts>();
  staleIds.forEach((id, i) => {
    const facts = staleFacts[i];
    if (facts) recheck.set(id, facts);
    else cached.delete(id); // no facts kept: the school is loaded again
  });
  const toLoad = ids.filter((id) => !cached.has(id));
  timings.fingerprint = (performance.now() - started) / 1000;
  mark('fingerprints and cached summaries read');
  const loaded = await timed(
    'load',
    () =>
      (toLoad.length === ids.length ? loadingAll : undefined) ??
      loadContent(opts.contentDir, toLoad, { otherDomains: new Map([...cached].map(([id, c]) => [c.ownDomain, id])) }),
  );
  const prepared = performance.now();
  mark(`content of ${toLoad.length} school(s) loaded`);
  const reports: SiteReport[] = [];

  // The checker runs on every valid school; the host decides whether errors block publishing.
  const settings = loaded.host?.config.compliance ?? { blockPublishingOnErrors: false, preset: 'recommended' };
  const freshFacts = new Map(loaded.schools.map((s) => [s.id, factsFromContent(s)]));
  // Only schools loaded now or checked on another day are checked: the others' results are cached.
  const checkedNow = runChecks({ sites: [...freshFacts.values(), ...recheck.values()], date, preset: settings.preset });
  const results = new Map(checkedNow.sites.map((r) => [r.id, r]));
  for (const [id, c] of cached) if (c.check?.date === date) results.set(id, c.check.result);
  const check = { ...checkedNow, sites: ids.flatMap((id) => results.get(id) ?? []) };
  const compliance = new Map(check.sites.map((s) => [s.id, { errors: s.summary.errors, warnings: s.summary.warnings }]));
  // Addresses are set after the check, which judges each school's own domain and e-mail.
  const ownDomains = new Map(loaded.schools.map((s) => [s.id, s.config.domain]));
  applySchoolUrls(loaded.schools, loaded.host, loaded.domains);
  const entries = new Map([...cached].map(([id, c]) => [id, c.entry]));
  for (const e of directoryOf(loaded.schools)) entries.set(e.id, e);
  const checkOf = (id: string) => ({ date, result: results.get(id)! });
  await mapLimit(loaded.schools, 8, (s) =>
    writeSummary(
      paths.cache,
      s.id,
      {
        version: 2,
        fingerprint: fingerprints.get(s.id)!,
        ownDomain: ownDomains.get(s.id)!,
        entry: entries.get(s.id)!,
        check: checkOf(s.id),
      },
      freshFacts.get(s.id)!,
    ),
  );
  await mapLimit([...recheck.keys()], 8, (id) => writeSummary(paths.cache, id, { ...cached.get(id)!, check: checkOf(id) }));
  for (const id of loaded.invalid) {
    reports.push({ id, name: id, domain: loaded.domains.get(id), status: 'invalid', pages: 0, keptPrevious: false });
  }
  for (const [id, c] of cached) {
    reports.push({
      id,
      name: c.entry.name,
      domain: c.entry.domain,
      status: 'unchanged',
      pages: 0,
      keptPrevious: true,
      compliance: compliance.get(id),
    });
  }
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

  // A school loaded again (no cached summary) may still be unchanged since its last publish.
  const changed = publishable.filter((s) => {
    if (opts.hostOnly) return false;
    const same = !opts.force && unchanged(s.id, fingerprints.get(s.id)) && state.sites[s.id]!.domain === s.config.domain;
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
  const valid = new Set([...cached.keys(), ...publishable.map((s) => s.id)]);
  const hostFingerprint = hostFingerprintOf(ids.filter((id) => valid.has(id)));
  if (loaded.host) fingerprints.set('host', hostFingerprint);
  const hostUnchanged = !opts.force && !opts.hostOnly && loaded.host !== undefined && unchanged('host', hostFingerprint);
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
  progress?.start(
    batch.map((s) => ({ id: s.id, pages: estimatePages(s.site) })),
    reports.length,
  );
  const directory = [...entries.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((d) => ({ ...d, compliance: compliance.get(d.id) }));

  // Indexing and compression run on a pool of threads (one per job), started once the Astro
  // jobs are out (starting it earlier would delay them) or when the first site needs it.
  let pool: FinishPool | undefined;
  const finishPool = () => (pool ??= startFinishPool(jobs));
  let searchReady: Promise<void> | undefined;
  let peakWorkerRssMb = 0;
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  // State writes are chained so that parallel publishes never write the file at the same time.
  let stateWrites: Promise<void> = Promise.resolve();
  const search = { pages: 0, seconds: 0, bytes: 0 };
  timings.prepare = (performance.now() - prepared) / 1000;
  mark('compliance checked, batches prepared');
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const runDir = path.join(paths.staging, runId);
  await mkdir(runDir, { recursive: true });
  // Astro's output goes inside the package: its prerender chunks must resolve the package's
  // node_modules, and an output folder outside the working directory makes Astro stage them in
  // one shared `.astro/.prerender/` (concurrent builds then collide, and its final rename fails
  // when the sites are on another disk). One folder per run and batch avoids both.
  await removeStaleAstroRuns();
  const astroRunDir = path.join(ASTRO_RUNS, runId);
  const finish = async (s: BatchSite, batchDir: string, siblings: BatchSite[]): Promise<void> => {
    const folder = siteFolder(s.domain);
    const staged = path.join(runDir, 'sites', folder);
    try {
      progress?.phase(s.id, 'assemble');
      const pages = await timed('assemble', () =>
        assembleSite({
          batchDir,
          siteRoute: s.route,
          siteRoutes: siblings.map((x) => x.route),
          dest: staged,
          files: s.site.files,
          imageCache: path.join(paths.cache, 'images'),
        }),
      );
      mark(`${s.id}: assembled`);
      if (s.kind === 'host') {
        await timed('host', () => linkSchoolIndexes(staged, directory));
        await timed('host', () => writeDashboard(staged, check));
      }
      // Path mode: the school's root-relative links get its `/<id>/` prefix.
      const base = basePath(s.domain);
      await rebaseSite(staged, base);
      progress?.phase(s.id, 'index');
      const indexed = await timed('index', () => finishPool().index(staged, paths.cache, base));
      mark(`${s.id}: indexed`);
      progress?.phase(s.id, 'publish');
      // The schools' index links on the host point to compressed files already. Unchanged files
      // reuse the published site's compressed copies, except in a forced build, which trusts
      // nothing published.
      await timed('compress', () =>
        finishPool().compress(staged, SCHOOL_INDEXES_DIR, opts.force ? undefined : path.join(paths.sites, folder)),
      );
      search.pages += indexed.pages;
      search.seconds += indexed.seconds;
      search.bytes += indexed.bytes;
      mark(`${s.id}: compressed`);
      await timed('publish', () => publishSite(staged, paths.sites, folder));
      mark(`${s.id}: published`);
      state.sites[s.id] = { domain: s.domain, fingerprint: fingerprints.get(s.id)!, name: s.site.config.name, compliance: s.compliance };
      stateWrites = stateWrites.then(() => writeState(stateFile, state));
      await stateWrites;
      reports.push(siteReport(s, 'built', pages));
      progress?.finished(s.id, 'built', pages);
      log(`  ✓ ${s.id} → ${path.relative(process.cwd(), path.join(paths.sites, folder))} (${pages} trang)`);
    } catch (err) {
      await rm(staged, { recursive: true, force: true }).catch(() => {});
      reports.push(siteReport(s, 'failed', 0, describeFailure(err)));
      progress?.finished(s.id, 'failed', 0);
    }
  };
  try {
    // Astro's start-up costs a few seconds per run, so sites are rendered in a few large chunks
    // rather than one by one. Chunks are rendered one after another (one Astro process at a
    // time keeps memory bounded) while the sites of the previous chunk are assembled, indexed,
    // compressed and published in parallel: the two stages overlap on a multi-core machine.
    // When a chunk fails, each of its sites is rendered alone so that only the culprit fails.
    // While Astro renders (one core), one site is finished at a time: more only slowed the
    // render down (measured). Once every chunk is rendered, `jobs` sites at a time.
    const limit = limiter(1);
    const finishing: Promise<void>[] = [];
    const chunks = chunkSites(batch, opts.chunkPages ?? DEFAULT_CHUNK_PAGES);
    // A small rebuild (one school edited: one chunk) renders the host portal in a second Astro
    // process at the same time: Astro's start-up is most of such a rebuild, and a second core
    // hides one of the two.
    let lanes = [chunks];
    const only = chunks.length === 1 ? chunks[0]! : [];
    if (only.length > 1 && only.some((s) => s.kind === 'host') && availableParallelism() > 1) {
      lanes = [[only.filter((s) => s.kind !== 'host')], [only.filter((s) => s.kind === 'host')]];
    }
    let n = 0;
    let jobsOut = 0;
    const renderLane = async (queue: BatchSite[][]) => {
      while (queue.length > 0) {
        const sites = queue.shift()!;
        const outDir = path.join(astroRunDir, `batch-${n++}`);
        const ids = sites.map((s) => s.id);
        const label = ids.length > 3 ? `${ids.length} sites` : ids.join(', ');
        mark(`${label}: job sent`);
        log(`Đang dựng ${sites.length} trang web: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ` … (+${ids.length - 8})` : ''}`);
        progress?.rendering(sites.map((s) => s.id));
        const result = await timed('render', () =>
          renderBatch(opts.contentDir, sites, outDir, path.join(paths.cache, 'astro'), directory, loaded.host, spares.shift(), () => {
            // Pagefind (and the indexing code) loads while Astro renders, once every lane's first
            // job is out: loading it earlier would delay them. Errors surface when a site is indexed.
            if (++jobsOut === lanes.length)
              searchReady = finishPool()
                .warmUp()
                .catch(() => {});
          }),
        );
        if (!result.ok) {
          if (sites.length > 1) {
            log('Dựng chung thất bại; dựng lại từng trường để tìm trường bị lỗi.');
            queue.unshift(...sites.map((s) => [s]));
            continue;
          }
          reports.push(siteReport(sites[0]!, 'failed', 0, describeFailure(result.error)));
          progress?.finished(sites[0]!.id, 'failed', 0);
          continue;
        }
        peakWorkerRssMb = Math.max(peakWorkerRssMb, result.maxRssKb / 1024);
        for (const [step, at] of Object.entries(result.steps)) mark(`${label}: worker ${step} ${at.toFixed(2)} s after the job`);
        mark(`${label}: rendered`);
        // The batch folder is removed once every site of it has been assembled.
        let pending = sites.length;
        const release = () => {
          if (--pending === 0) finishing.push(rm(outDir, { recursive: true, force: true }));
        };
        for (const s of sites) {
          progress?.phase(s.id, 'wait');
          finishing.push(limit(() => finish(s, outDir, sites).finally(release)));
        }
      }
    };
    await Promise.all(lanes.map(renderLane));
    limit.setMax(jobs);
    await Promise.all(finishing);
    // Finished sites queued the removal of their batch folders meanwhile.
    await Promise.all(finishing);
  } finally {
    for (const w of spares) w.cancel();
    progress?.end();
    await rm(astroRunDir, { recursive: true, force: true });
    await searchReady;
    await pool?.close();
    await rm(runDir, { recursive: true, force: true });
    // Leave no empty staging folder behind; another run may still be using it.
    await rmdir(paths.staging).catch(() => {});
  }

  // A site that was not rebuilt keeps whatever good version was published before.
  const live = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  for (const r of reports) {
    if (r.status !== 'built' && r.status !== 'unchanged') r.keptPrevious = r.domain !== undefined && live.has(siteFolder(r.domain));
  }
  reports.sort((a, b) => a.id.localeCompare(b.id));
  const shown = opts.hostOnly ? reports.filter((r) => r.id === 'host' || r.status === 'invalid') : reports;
  return {
    sites: shown,
    issues: loaded.issues,
    ok: shown.every((r) => r.status === 'built' || r.status === 'unchanged') && !loaded.issues.some((i) => i.severity === 'error'),
    seconds: (performance.now() - started) / 1000,
    peakWorkerRssMb,
    timings,
    timeline,
    search,
  };
}

/**
 * The reason a site failed, as a host administrator needs it. A full disk is common on small
 * servers and the raw error ("ENOSPC: no space left on device, write") does not say what to do.
 */
export function describeFailure(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (/ENOSPC|no space left on device/i.test(text)) {
    return (
      'Hết dung lượng ổ đĩa khi dựng trang (ENOSPC). Trang đang xuất bản được giữ nguyên. ' +
      'Cách sửa: giải phóng chỗ trống trên ổ chứa thư mục kết quả (cần khoảng gấp đôi dung lượng các trang web) rồi chạy lại. ' +
      `/ Disk full while building (ENOSPC); the published site was kept. Free space and build again.\n${text}`
    );
  }
  return text;
}

function siteReport(s: BatchSite, status: SiteStatus, pages: number, error?: string): SiteReport {
  return { id: s.id, name: s.site.config.name, domain: s.domain, status, pages, error, keptPrevious: false, compliance: s.compliance };
}

/**
 * The host's district-wide search merges each school's published index from the host's own
 * origin, through relative symbolic links `pagefind-truong/<id>` → `../../<school folder>/pagefind`
 * in `dist/sites/`. A link always reaches the school's current index (a school's publish swaps
 * its folder under the same name), so the host neither copies tens of megabytes nor waits for
 * the schools built in the same run. nginx follows symbolic links by default; upload tools need
 * theirs on (`aws s3 sync` follows them, `rsync` wants `-L`).
 */
async function linkSchoolIndexes(hostDir: string, directory: DirectoryEntry[]): Promise<void> {
  const dir = path.join(hostDir, SCHOOL_INDEXES_DIR);
  await mkdir(dir, { recursive: true });
  for (const s of directory) await symlink(path.join('..', '..', siteFolder(s.domain), 'pagefind'), path.join(dir, s.id), 'dir');
}

/**
 * Pages per Astro run. Large enough that Astro's fixed cost per run (start-up and Vite build,
 * ~2 s) stays small next to the rendering, small enough that the post-processing of one chunk
 * overlaps the next one's rendering and that a worker's memory stays bounded: ~750 MB at 7,000
 * pages, against ~670 MB at 4,000, which took 7 runs instead of 4 for 100 × 200 (BENCHMARKS.md).
 */
const DEFAULT_CHUNK_PAGES = 7000;

/** Rough page count of a site: one page per entry plus its listings and fixed pages. */
export function estimatePages(site: LoadedSchool | LoadedHost): number {
  return 20 + Object.values(site.collections).reduce((n, entries: readonly unknown[]) => n + entries.length, 0);
}

/** Groups sites, in order, into chunks of about `pages` pages; the host portal goes in the last chunk. */
export function chunkSites<T extends { kind: string; site: LoadedSchool | LoadedHost }>(sites: T[], pages: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of sites) {
    const est = estimatePages(s.site);
    if (current.length > 0 && size + est > pages && s.kind !== 'host') {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += est;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
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

/**
 * The Astro job of every valid school and the host in one run, without assembly, search
 * indexes, compression or publishing: the benchmark's reference "bare astro build".
 */
export async function bareAstroJob(contentDir: string, outDir: string, cacheDir: string): Promise<AstroJob> {
  const loaded = await loadContent(contentDir);
  return {
    contentDir: path.resolve(contentDir),
    schoolIds: loaded.schools.map((s) => s.id),
    includeHost: loaded.host !== undefined,
    outDir,
    cacheDir,
    directory: directoryOf(loaded.schools),
  };
}

async function renderBatch(
  contentDir: string,
  sites: BatchSite[],
  outDir: string,
  cacheDir: string,
  directory: DirectoryEntry[],
  host: LoadedHost | undefined,
  worker: AstroWorker | undefined,
  onJobSent: () => void,
): Promise<WorkerResult> {
  const job: AstroJob = {
    contentDir: path.resolve(contentDir),
    schoolIds: sites.filter((s) => s.kind === 'school').map((s) => s.id),
    includeHost: sites.some((s) => s.kind === 'host'),
    outDir,
    cacheDir,
    // Only the host portal shows the directory (several MB at province scale).
    directory: sites.some((s) => s.kind === 'host') ? directory : [],
    content: { schools: sites.flatMap((s) => (s.kind === 'school' ? [s.site as LoadedSchool] : [])), host },
  };
  const jobFile = `${outDir}.job`;
  try {
    await mkdir(outDir, { recursive: true });
    await writeJob(jobFile, job);
  } catch (err) {
    // A full disk shows up here first; it fails this batch, not the whole command.
    worker?.cancel();
    return { ok: false, error: String(err) };
  }
  const done = (worker ?? startWorker()).run(jobFile);
  onJobSent();
  return done;
}
