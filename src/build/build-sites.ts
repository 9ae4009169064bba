/**
 * The multi-school build: validate every school, render the valid ones with Astro in a
 * child process, assemble each into a standalone site and swap it into
 * `dist/sites/<domain>/`. A school that is invalid or fails to render is reported and keeps
 * its previous published site; every other school is still built.
 */
import { mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loadContent, startLoading, type LoadedHost, type LoadedSchool, type SchoolLoad } from '../content/load.ts';
import type { ContentIssue } from '../content/issues.ts';
import { nowInVietnam, schoolYearOf, todayInVietnam } from '../util/dates.ts';
import { combine, dependencyVersions, FileHashes, readState, shardOf, themeSources, writeState, type BuildState } from './fingerprint.ts';
import { readFacts, readLastSummary, readSummary, writeSummary, type SchoolSummary } from './school-cache.ts';
import { runChecks } from '../compliance/engine.ts';
import type { ComplianceReport, SiteResult } from '../compliance/report.ts';
import { startFinishPool, type FinishPool } from './finish-pool.ts';
import { Chunker, DEFAULT_CHUNK_PAGES, estimatePages } from './chunks.ts';
import { directoryEntry, linkSchoolIndexes, writeDashboard } from './host-portal.ts';
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
import { applySchoolUrls, basePath, schoolAddress, siteFolder } from './site-urls.ts';
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
  /**
   * The clock of scheduled publication, Vietnam local `YYYY-MM-DDTHH:mm`: entries published
   * later are left out until a build runs after their time. Default: the end of `date` when it
   * is given (everything dated that day is public), else the current time in Vietnam.
   */
  now?: string | undefined;
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
  /** Where the Astro jobs run: default, fresh Astro processes; the server passes its warm renderer. */
  renderer?: (() => AstroWorker) | undefined;
  /**
   * What a long-running caller (the server) keeps between builds: the file hashes (a province's
   * cache file is megabytes of JSON to parse and write again for every save) and the theme's
   * sources and dependency versions, which cannot change while the process runs. Filled here.
   */
  memory?: BuildMemory | undefined;
  /** Threads that index and compress, kept by the caller between builds (not closed here). Default: a pool for this build. */
  finishPool?: FinishPool | undefined;
  /**
   * Awaited before each site is swapped in; when it throws, the site fails and the published one
   * stays. The server records the save in git meanwhile and publishes nothing unrecorded.
   */
  beforePublish?: (() => Promise<void>) | undefined;
}

/** See `BuildOptions.memory`. */
export interface BuildMemory {
  hashes?: FileHashes;
  themeSources?: string[];
  dependencies?: string;
}

/**
 * `hostInvalid`: not built because the host's own content (`host.yaml`, which decides addresses
 * and publishing rules) has errors; the published site is kept.
 */
export type SiteStatus = 'built' | 'unchanged' | 'invalid' | 'failed' | 'blocked' | 'hostInvalid';

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
  /**
   * The earliest time (Vietnam local) at which an entry scheduled for later falls due, over
   * every site: a build after that time publishes it.
   */
  nextScheduled?: string | undefined;
}

export interface TimelineEvent {
  at: number;
  event: string;
}

/** Astro's output of each run, `<run id>/batch-<n>/`, inside the package (see `buildSites`). */
const ASTRO_RUNS = path.join(PACKAGE_ROOT, '.astro', 'runs');

/**
 * Removes the run folders (`<time>-<pid>`) of builds that were killed (their process no longer
 * exists): Astro's output in the package, and `.staging/<run>/` beside the published sites.
 */
async function removeStaleRuns(parent: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = Number(name.split('-').pop());
    let alive = pid === process.pid;
    try {
      if (!alive) alive = process.kill(pid, 0);
    } catch (err) {
      // EPERM: the process exists but belongs to another user (a build run by another account).
      alive = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
    // A name that is not `<time>-<pid>` is not a run folder: left alone.
    if (!alive && Number.isInteger(pid) && pid > 0) await rm(path.join(parent, name), { recursive: true, force: true });
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
  const now = opts.now ?? (opts.date ? `${opts.date}T23:59` : nowInVietnam());
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
  const newWorker = opts.renderer ?? startWorker;
  const spares: AstroWorker[] = [opts.renderer?.() ?? takeWorker()];

  // Fingerprints first, from remembered file hashes: what did not change is neither read nor
  // rendered again, its compliance facts and directory entry come from the cache.
  const stateFile = path.join(path.resolve(opts.outDir), '.state.json');
  const state = await readState(stateFile);
  // Which school owns each published domain: a school that claims another's domain is held back
  // (its own school.yaml is reported), never published over the owner's site. A school whose
  // folder is gone no longer owns anything.
  const onDisk = new Set(
    (await readdir(schoolsDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name),
  );
  const domainOwners = new Map(
    Object.entries(state.sites).flatMap(([id, s]) => (id !== 'host' && onDisk.has(id) ? [[s.domain, id] as const] : [])),
  );
  // A forced or first build loads every school whatever the fingerprints say: loading starts now,
  // beside the fingerprints (which read every file on a first build too).
  const loadingAll =
    (opts.force || Object.keys(state.sites).length === 0) && !opts.hostOnly
      ? startLoading(opts.contentDir, ids, { now, domainOwners })
      : undefined;
  loadingAll?.catch(() => {}); // awaited below; a failure surfaces there
  const memory = opts.memory;
  const hashes = memory?.hashes ?? (await FileHashes.open(path.join(paths.cache, 'file-hashes.json')));
  const sources = memory?.themeSources ?? themeSources();
  const [[engine, hostPart, ...schoolHashes], dependencies] = await Promise.all([
    hashes.hashGroups([
      sources,
      [path.join(contentRoot, 'host.yaml'), path.join(contentRoot, 'host')],
      ...ids.map((id) => [path.join(schoolsDir, id)]),
    ]),
    memory?.dependencies ?? dependencyVersions(),
  ]);
  if (memory) Object.assign(memory, { hashes, themeSources: sources, dependencies });
  const theme = combine(engine!, dependencies);
  const yearPart = schoolYearOf(date);
  // A site whose scheduled entry has fallen due since its build changes without any file
  // changing: the marker of the latest one due is part of its fingerprint (and of every school's
  // for the host's own notices, which every school site shows).
  const dueMarker = (id: string) => {
    const prev = state.sites[id];
    return prev?.nextScheduled !== undefined && prev.nextScheduled <= now ? `due:${prev.nextScheduled}` : (prev?.dueMarker ?? '');
  };
  const hostDue = dueMarker('host');
  const fingerprints = new Map<string, string>();
  ids.forEach((id, i) => {
    const parts = [theme, hostPart!, yearPart, schoolHashes[i]!, dueMarker(id), hostDue].filter((p) => p !== '');
    fingerprints.set(id, combine(...parts));
  });
  // A caller that keeps the hashes writes them when it suits it (the server: after its answer).
  if (!memory) await hashes.save();
  const published = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  // Nothing changed at all (the common case of a scheduled build): answer from the state,
  // without loading, checking or rendering anything.
  const unchanged = (id: string, fingerprint: string | undefined) => {
    const prev = state.sites[id];
    return prev !== undefined && prev.fingerprint === fingerprint && published.has(siteFolder(prev.domain));
  };
  const hostConfigured = (await stat(path.join(contentRoot, 'host.yaml')).catch(() => null)) !== null;
  const hostIncluded = !opts.schools && !opts.shard && hostConfigured;
  // The host aggregates every valid school: it is refreshed whenever any of them changed.
  // The date too: the portal's compliance dashboard shows deadlines, which pass day by day.
  const hostFingerprintOf = (schools: string[]) =>
    combine(theme, hostPart!, yearPart, date, ...schools.map((id) => `${id}:${fingerprints.get(id)}`));
  if (
    !opts.force &&
    !opts.hostOnly &&
    ids.every((id) => unchanged(id, fingerprints.get(id)) && state.sites[id]!.checkedOn === date) &&
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
      nextScheduled: nextScheduled(state, [...ids, 'host']),
    };
  }
  // Something will be built: a second worker renders the host portal beside the schools on a
  // multi-core machine, and loads while content is checked.
  if (hostIncluded && availableParallelism() > 1) spares.push(newWorker());
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
  const loading =
    (toLoad.length === ids.length ? loadingAll : undefined) ??
    startLoading(opts.contentDir, toLoad, { now, otherDomains: new Map([...cached].map(([id, c]) => [c.ownDomain, id])), domainOwners });
  const { host, issues: hostIssues, schools: schoolLoads } = await timed('load', () => loading);
  const issues = [...hostIssues];
  const reports: SiteReport[] = [];

  // The checker runs on every valid school; the host decides whether errors block publishing.
  // Only schools loaded now or checked on another day are checked: the others' results are cached.
  const settings = host?.config.compliance ?? { blockPublishingOnErrors: false, preset: 'recommended' };
  const check = (sites: SiteFacts[]) => runChecks({ sites, date, preset: settings.preset });
  const results = new Map<string, SiteResult>();
  for (const [id, c] of cached) if (c.check?.date === date) results.set(id, c.check.result);
  for (const r of check([...recheck.values()]).sites) results.set(r.id, r);
  const complianceOf = (id: string) => {
    const r = results.get(id);
    return r && { errors: r.summary.errors, warnings: r.summary.warnings };
  };
  const checkOf = (id: string) => ({ date, result: results.get(id)! });
  // Summaries are written beside the build. They are a cache: one that cannot be written (a full
  // disk) only makes the next build load that school again.
  const summaryWrites: Promise<void>[] = [];
  const cacheSummary = (write: Promise<void>) => {
    summaryWrites.push(write.catch((err: unknown) => log(`Không ghi được bộ nhớ đệm (cache) của trường: ${String(err)}`)));
  };
  for (const id of recheck.keys()) cacheSummary(writeSummary(paths.cache, id, { ...cached.get(id)!, check: checkOf(id) }));
  const entries = new Map([...cached].map(([id, c]) => [id, c.entry]));
  const valid = new Set(cached.keys());
  for (const [id, c] of cached) {
    reports.push({
      id,
      name: c.entry.name,
      domain: c.entry.domain,
      status: 'unchanged',
      pages: 0,
      keptPrevious: true,
      compliance: complianceOf(id),
    });
  }

  // A host whose own content has errors cannot say where schools are served (path mode) nor
  // whether compliance errors hold them back: no school is built until it is fixed.
  const hostBroken = hostConfigured && !host;
  if (hostBroken && hostIncluded) {
    reports.push({ id: 'host', name: 'host', domain: state.sites.host?.domain, status: 'invalid', pages: 0, keptPrevious: false });
  }
  /** Published schools whose content has errors now: the host portal keeps their last entry. */
  const failedPublished: string[] = [];
  /** Checks a school just loaded, caches its summary and reports it; returns it when it is to be built. */
  const prepare = (s: SchoolLoad): BatchSite | undefined => {
    issues.push(...s.issues);
    const school = s.school;
    if (!school || hostBroken) {
      // Where it was published last (it stays there), for the table and `keptPrevious`.
      // (its last publish when there was one: a school claiming another's domain kept its own site).
      const domain = state.sites[s.id]?.domain ?? (s.domain !== undefined && !hostBroken ? schoolAddress(s.id, s.domain, host) : undefined);
      const status = school ? 'hostInvalid' : 'invalid';
      reports.push({ id: s.id, name: school?.config.name ?? s.id, domain, status, pages: 0, keptPrevious: false });
      if (!school && state.sites[s.id]) failedPublished.push(s.id);
      return undefined;
    }
    const facts = factsFromContent(school);
    results.set(school.id, check([facts]).sites[0]!);
    const compliance = complianceOf(school.id);
    // The address is set after the check, which judges the school's own domain and e-mail.
    const ownDomain = school.config.domain;
    applySchoolUrls([school], host);
    const entry = directoryEntry(school);
    entries.set(school.id, entry);
    const summary = { version: 3 as const, fingerprint: fingerprints.get(school.id)!, ownDomain, entry, check: checkOf(school.id) };
    cacheSummary(writeSummary(paths.cache, school.id, summary, facts));
    const report = (status: SiteStatus) =>
      reports.push({
        id: school.id,
        name: school.config.name,
        domain: school.config.domain,
        status,
        pages: 0,
        keptPrevious: status === 'unchanged',
        compliance,
      });
    if (settings.blockPublishingOnErrors && (compliance?.errors ?? 0) > 0) {
      report('blocked');
      return undefined;
    }
    valid.add(school.id);
    if (opts.hostOnly) return undefined;
    // A school loaded again (no cached summary) may still be unchanged since its last publish.
    if (!opts.force && unchanged(school.id, fingerprints.get(school.id)) && state.sites[school.id]!.domain === school.config.domain) {
      report('unchanged');
      return undefined;
    }
    return { kind: 'school', compliance, id: school.id, route: school.id, domain: school.config.domain, site: school };
  };

  // Set once every school is loaded: only the host portal, rendered last, uses them.
  let directory: DirectoryEntry[] = [];
  let dashboard: ComplianceReport | undefined;
  // Indexing and compression run on a pool of threads (one per job), started once the first
  // Astro jobs are out (starting it earlier would delay them) or when the first site needs it.
  let pool: FinishPool | undefined;
  const finishPool = () => (pool ??= opts.finishPool ?? startFinishPool(jobs));
  let searchReady: Promise<void> | undefined;
  let peakWorkerRssMb = 0;
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  // State writes are chained so that parallel publishes never write the file at the same time.
  let stateWrites: Promise<void> = Promise.resolve();
  const search = { pages: 0, seconds: 0, bytes: 0 };
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const runDir = path.join(paths.staging, runId);
  // A killed build leaves its staged sites behind (up to twice the published size): removed now.
  await removeStaleRuns(paths.staging);
  await mkdir(runDir, { recursive: true });
  // Astro's output goes inside the package: its prerender chunks must resolve the package's
  // node_modules, and an output folder outside the working directory makes Astro stage them in
  // one shared `.astro/.prerender/` (concurrent builds then collide, and its final rename fails
  // when the sites are on another disk). One folder per run and batch avoids both.
  await removeStaleRuns(ASTRO_RUNS);
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
        // The host decides whether its dashboard is public (host.yaml `compliance.publicDashboard`).
        if ((s.site as LoadedHost).config.compliance.publicDashboard)
          await timed('host', () => writeDashboard(staged, dashboard!, directory));
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
      await opts.beforePublish?.();
      await timed('publish', () => publishSite(staged, paths.sites, folder));
      mark(`${s.id}: published`);
      state.sites[s.id] = {
        domain: s.domain,
        fingerprint: fingerprints.get(s.id)!,
        name: s.site.config.name,
        compliance: s.compliance,
        checkedOn: date,
        nextScheduled: s.site.scheduled[0],
        dueMarker: dueMarker(s.id) || undefined,
      };
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

  // Chunks are rendered one after another (one Astro render at a time keeps memory bounded; the
  // next chunk's process only loads meanwhile) while the sites of the previous chunk are
  // assembled, indexed, compressed and published: the two stages overlap on a multi-core machine.
  // The first chunk starts as soon as its schools are loaded and checked; the others load
  // meanwhile. When a chunk fails, each of its sites is rendered alone so that only the culprit
  // fails. While Astro renders (one core), one site is finished at a time: more only slowed the
  // render down (measured). Once every chunk is rendered, `jobs` sites at a time.
  const limit = limiter(1);
  const finishing: Promise<void>[] = [];
  let batchNumber = 0;
  /** Chunks waiting for their turn, and whether more may come: the next chunk's worker starts ahead. */
  let queued = 0;
  let allQueued = false;
  /** Jobs to send before the finishing pool warms up (see `renderChunk`). */
  let firstJobs = 1;
  let stopped = false;
  const renderChunk = async (sites: BatchSite[]): Promise<void> => {
    if (stopped) return;
    const outDir = path.join(astroRunDir, `batch-${batchNumber++}`);
    const ids = sites.map((s) => s.id);
    const label = ids.length > 3 ? `${ids.length} sites` : ids.join(', ');
    mark(`${label}: job sent`);
    log(`Đang dựng ${sites.length} trang web: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ` … (+${ids.length - 8})` : ''}`);
    progress?.rendering(ids);
    let result: WorkerResult;
    try {
      const worker = spares.shift() ?? newWorker();
      // Node and Astro load (about a second) in the next chunk's worker while this one renders.
      if ((queued > 0 || !allQueued) && spares.length === 0) spares.push(newWorker());
      result = await timed('render', () =>
        renderBatch(opts.contentDir, sites, outDir, path.join(paths.cache, 'astro'), directory, host, worker, () => {
          // Pagefind (and the indexing code) loads while Astro renders, once the first jobs are
          // out: loading it earlier would delay them. Errors surface when a site is indexed.
          if (--firstJobs === 0)
            searchReady = finishPool()
              .warmUp()
              .catch(() => {});
        }),
      );
    } catch (err) {
      // A worker that could not even be started fails this chunk like a render error.
      result = { ok: false, error: String(err) };
    }
    if (!result.ok) {
      if (sites.length > 1) {
        log('Dựng chung thất bại; dựng lại từng trường để tìm trường bị lỗi.');
        for (const s of sites) await renderChunk([s]);
        return;
      }
      reports.push(siteReport(sites[0]!, 'failed', 0, describeFailure(result.error)));
      progress?.finished(sites[0]!.id, 'failed', 0);
      return;
    }
    peakWorkerRssMb = Math.max(peakWorkerRssMb, result.maxRssKb / 1024);
    for (const [step, at] of Object.entries(result.steps)) mark(`${label}: worker ${step} ${at.toFixed(2)} s after the job`);
    mark(`${label}: rendered`);
    // The batch folder is removed once every site of it has been assembled.
    let pending = sites.length;
    const release = () => {
      if (--pending === 0) finishing.push(rm(outDir, { recursive: true, force: true }).catch(() => {}));
    };
    for (const s of sites) {
      progress?.phase(s.id, 'wait');
      finishing.push(limit(() => finish(s, outDir, sites).finally(release)));
    }
  };
  // Two render lanes: the second renders the host portal beside a small rebuild (below).
  const lanes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  // The schools still to load (and the host portal) are expected: the live display counts them
  // from the start. Schools answered from the cache are skipped already.
  progress?.add([], reports.length);
  progress?.expect((opts.hostOnly || hostBroken ? 0 : toLoad.length) + (host && hostIncluded ? 1 : 0));
  let announced = reports.length;
  const dispatch = (sites: BatchSite[], lane = 0) => {
    // Sites reported so far without being built (unchanged, invalid, blocked) count as skipped.
    const notBuilt = reports.filter((r) => r.status !== 'built' && r.status !== 'failed').length;
    const skipped = notBuilt - announced;
    announced = notBuilt;
    progress?.add(
      sites.map((s) => ({ id: s.id, pages: estimatePages(s.site) })),
      skipped,
    );
    queued++;
    lanes[lane] = lanes[lane]!.then(() => {
      queued--;
      return renderChunk(sites);
    });
    lanes[lane].catch(() => {}); // awaited below; this only keeps a failure from going unhandled
  };

  try {
    const chunker = new Chunker<BatchSite>(opts.chunkPages ?? DEFAULT_CHUNK_PAGES);
    const iterator = schoolLoads[Symbol.asyncIterator]();
    for (;;) {
      const next = await timed('load', () => iterator.next());
      if (next.done) break;
      const t0 = performance.now();
      const site = prepare(next.value);
      timings.prepare += (performance.now() - t0) / 1000;
      const full = site && chunker.add(site);
      if (full) dispatch(full);
    }
    mark(`${toLoad.length} school(s) loaded and checked`);

    // The host aggregates every valid school: it is refreshed whenever any of them changed.
    const hostFingerprint = hostFingerprintOf(ids.filter((id) => valid.has(id)));
    if (host) fingerprints.set('host', hostFingerprint);
    const hostUnchanged = !opts.force && !opts.hostOnly && host !== undefined && unchanged('host', hostFingerprint);
    if (hostUnchanged && host && hostIncluded) {
      reports.push({ id: 'host', name: host.config.name, domain: host.config.domain, status: 'unchanged', pages: 0, keptPrevious: true });
    }
    const hostSite: BatchSite | undefined =
      host && hostIncluded && !hostUnchanged
        ? { kind: 'host', id: 'host', route: `${HOST_ROUTE}/portal`, domain: host.config.domain, site: host }
        : undefined;
    // A school with content errors stays in the directory, news and search of the host with its
    // last published entry (its site is kept too), marked as failed, rather than vanishing.
    const lastEntries = await mapLimit(failedPublished, 16, (id) => readLastSummary(paths.cache, id));
    for (const last of lastEntries) if (last && !entries.has(last.entry.id)) entries.set(last.entry.id, { ...last.entry, failed: true });
    directory = [...entries.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((d) => ({ ...d, compliance: complianceOf(d.id) }));
    dashboard = { ...check([]), sites: ids.flatMap((id) => results.get(id) ?? []) };
    allQueued = true;
    const chunk = chunker.rest();
    if (hostSite && chunk.length > 0 && batchNumber === 0 && queued === 0 && availableParallelism() > 1) {
      // A small rebuild (one school edited: one chunk) renders the host portal in a second Astro
      // process at the same time: Astro's start-up is most of such a rebuild, and a second core
      // hides one of the two.
      firstJobs = 2;
      dispatch(chunk);
      dispatch([hostSite], 1);
    } else if (chunk.length > 0 || hostSite) {
      dispatch([...chunk, ...(hostSite ? [hostSite] : [])]);
    }
    await Promise.all(summaryWrites);
    mark('summaries cached');
    await Promise.all(lanes);
  } finally {
    // Every chunk is rendered, or after a failure no further one is: the sites rendered are
    // finished (and published), `jobs` at a time, before the working folders are removed.
    stopped = true;
    await Promise.allSettled(lanes);
    limit.setMax(jobs);
    await Promise.allSettled(finishing);
    // Finished sites queued the removal of their batch folders meanwhile.
    await Promise.allSettled(finishing);
    for (const w of spares) w.cancel();
    progress?.end();
    await rm(astroRunDir, { recursive: true, force: true });
    await searchReady;
    if (pool !== opts.finishPool) await pool?.close();
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
  // Unchanged schools were checked again on a new day: remember it, so that the next build of
  // the day can answer from the state alone.
  let rechecked = false;
  for (const r of reports) {
    const prev = state.sites[r.id];
    if (r.status === 'unchanged' && prev && r.compliance && prev.checkedOn !== date) {
      state.sites[r.id] = { ...prev, compliance: r.compliance, checkedOn: date };
      rechecked = true;
    }
  }
  if (rechecked) await writeState(stateFile, state).catch(() => {});
  const shown = opts.hostOnly ? reports.filter((r) => r.id === 'host' || r.status === 'invalid') : reports;
  return {
    sites: shown,
    issues,
    ok: shown.every((r) => r.status === 'built' || r.status === 'unchanged') && !issues.some((i) => i.severity === 'error'),
    seconds: (performance.now() - started) / 1000,
    peakWorkerRssMb,
    timings,
    timeline,
    search,
    nextScheduled: nextScheduled(state, [...ids, 'host']),
  };
}

/** The earliest time a scheduled entry of one of these sites falls due, after their last build. */
function nextScheduled(state: BuildState, ids: readonly string[]): string | undefined {
  const times = ids.flatMap((id) => state.sites[id]?.nextScheduled ?? []);
  return times.length === 0 ? undefined : times.sort()[0];
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
    directory: loaded.schools.map(directoryEntry).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
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
