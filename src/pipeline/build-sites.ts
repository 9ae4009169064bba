/**
 * The multi-school build: validate every school, render the valid ones with Astro in a
 * child process, assemble each into a standalone site and swap it into
 * `dist/sites/<domain>/`. A school that is invalid or fails to render is reported and keeps
 * its previous published site; every other school is still built.
 *
 * The build is a short list of stages, each a module with typed input and output:
 * plan (`plan.ts`) → gate (`gate.ts`) → render (`render.ts`) → finish (`finish.ts`) →
 * publish (`publish.ts`) → report (`report.ts`), with live progress (`progress.ts`).
 */
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import { directoryEntry } from '../feeds/host-directory.ts';
import type { AstroJob } from './astro-job.ts';
import { startWorker, takeWorker, type AstroWorker } from './astro-workers.ts';
import { BuildClock, buildLog, siteReport, type BatchSite, type BuildOptions, type BuildReport, type SiteStatus } from './build-report.ts';
import { Chunker, DEFAULT_CHUNK_PAGES } from './chunks.ts';
import { Finisher } from './finish.ts';
import { Gate, type HostInput } from './gate.ts';
import { planBuild } from './plan.ts';
import { buildPaths } from './paths.ts';
import { Publisher, recoverInterruptedSwaps } from './publish.ts';
import { estimates, removeStaleRuns, Renderer } from './render.ts';
import { finalReport, upToDateReport } from './report.ts';

export {
  describeFailure,
  type BuildMemory,
  type BuildOptions,
  type BuildReport,
  type SiteReport,
  type SiteStatus,
  type TimelineEvent,
} from './build-report.ts';

export async function buildSites(opts: BuildOptions): Promise<BuildReport> {
  const clock = new BuildClock();
  const log = buildLog(opts);
  const progress = opts.progress;
  // The first Astro worker starts before anything else (or was started by the command line before
  // it loaded this module): loading Node, Astro and the engine takes it about a second, which then
  // overlaps with fingerprinting, loading and checking content. When nothing changed it is
  // stopped unused.
  const newWorker = opts.renderer ?? startWorker;
  const spares: AstroWorker[] = [opts.renderer?.() ?? takeWorker()];

  // 1. Plan: what to build, and what the last build left that is still good (a swap that a
  // killed build interrupted is put back first).
  await recoverInterruptedSwaps(buildPaths(opts.outDir, opts.cacheDir).sites);
  const planned = await planBuild(opts, clock);
  if (planned.kind === 'upToDate') {
    for (const w of spares) w.cancel();
    return upToDateReport(planned.plan, clock);
  }
  const { plan } = planned;
  // Something will be built: a second worker renders the host portal beside the schools on a
  // multi-core machine, and loads while content is checked.
  if (plan.hostIncluded && availableParallelism() > 1) spares.push(newWorker());

  // 2. Gate: each school is checked as it loads, and goes on to be rendered if it may.
  const { host, issues: hostIssues, schools } = await clock.timed('load', () => planned.loading);
  const gate = new Gate(plan, opts, host, hostIssues, log);
  const reports = gate.reports;
  /** Set once every school has passed the gate: only the host portal, rendered last, uses it. */
  let hostInput: HostInput | undefined;

  // 3–5. Render, finish, publish: each stage hands its sites to the next.
  const jobs = Math.max(1, opts.jobs ?? availableParallelism());
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const runDir = path.join(plan.paths.staging, runId);
  // A killed build leaves its staged sites behind (up to twice the published size): removed now.
  await removeStaleRuns(plan.paths.staging);
  await mkdir(runDir, { recursive: true });
  await Renderer.clean();
  const failed = (s: BatchSite, status: SiteStatus, error: string) => {
    reports.push(siteReport(s, status, 0, error));
    progress?.finished(s.id, 'failed', 0);
  };
  const publisher = new Publisher(plan, clock, log, reports, progress, opts.deferRemoval);
  const finisher = new Finisher({
    paths: plan.paths,
    runDir,
    jobs,
    pool: opts.finishPool,
    force: opts.force === true,
    hostExtras: () => ({ directory: hostInput?.directory ?? [], dashboard: hostInput?.dashboard }),
    clock,
    progress,
    publish: async (site) => {
      await opts.beforePublish?.();
      await publisher.publish(site);
    },
    failed,
  });
  const renderer = new Renderer({
    contentDir: opts.contentDir,
    cacheDir: path.join(plan.paths.cache, 'astro'),
    runId,
    host,
    date: plan.date,
    now: plan.now,
    directory: () => hostInput?.directory ?? [],
    spares,
    newWorker,
    clock,
    log,
    progress,
    rendered: (sites, batchDir) => finisher.add(sites, batchDir),
    failed: (site, error) => failed(site, 'failed', error),
    jobsSent: () => finisher.warmUp(),
  });
  // The schools still to load (and the host portal) are expected: the live display counts them
  // from the start. Schools answered from the cache are skipped already.
  progress?.add([], reports.length);
  progress?.expect((opts.hostOnly || gate.hostBroken ? 0 : plan.toLoad.length) + (host && plan.hostIncluded ? 1 : 0));
  let announced = reports.length;
  const dispatch = (sites: BatchSite[], lane: 0 | 1 = 0) => {
    // Sites reported so far without being built (unchanged, invalid, blocked) count as skipped.
    const notBuilt = reports.filter((r) => r.status !== 'built' && r.status !== 'failed').length;
    progress?.add(estimates(sites), notBuilt - announced);
    announced = notBuilt;
    renderer.dispatch(sites, lane);
  };

  try {
    // The first chunk renders as soon as its schools are loaded and checked; the others load meanwhile.
    const chunker = new Chunker<BatchSite>(opts.chunkPages ?? DEFAULT_CHUNK_PAGES);
    const loads = schools[Symbol.asyncIterator]();
    for (;;) {
      const next = await clock.timed('load', () => loads.next());
      if (next.done) break;
      const t0 = performance.now();
      const site = gate.admit(next.value);
      clock.timings.prepare += (performance.now() - t0) / 1000;
      const full = site && chunker.add(site);
      if (full) dispatch(full);
    }
    clock.mark(`${plan.toLoad.length} school(s) loaded and checked`);
    hostInput = await gate.hostInput();
    const chunk = chunker.rest();
    if (hostInput.site && chunk.length > 0 && renderer.idle && availableParallelism() > 1) {
      // A small rebuild (one school edited: one chunk) renders the host portal in a second Astro
      // process at the same time: Astro's start-up is most of such a rebuild, and a second core
      // hides one of the two.
      renderer.lastQueued(2);
      dispatch(chunk);
      dispatch([hostInput.site], 1);
    } else {
      renderer.lastQueued();
      if (chunk.length > 0 || hostInput.site) dispatch([...chunk, ...(hostInput.site ? [hostInput.site] : [])]);
    }
    await gate.summariesWritten();
    clock.mark('summaries cached');
    await renderer.done();
  } finally {
    // Every chunk is rendered, or after a failure no further one is: the sites rendered are
    // finished (and published), `jobs` at a time, before the working folders are removed.
    await renderer.stop();
    await finisher.drain();
    progress?.end();
    await rm(renderer.runDir, { recursive: true, force: true });
    await finisher.close();
    await rm(runDir, { recursive: true, force: true });
    // Leave no empty staging folder behind; another run may still be using it.
    await rmdir(plan.paths.staging).catch(() => {});
  }

  // 6. Report.
  return finalReport({
    plan,
    opts,
    clock,
    reports,
    issues: gate.issues,
    peakWorkerRssMb: renderer.peakWorkerRssMb,
    search: finisher.search,
  });
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
