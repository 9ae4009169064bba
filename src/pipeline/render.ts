/**
 * Render stage: sites are grouped into chunks, each rendered by Astro in a worker process
 * (`astro-worker.ts`). Chunks are rendered one after another (one Astro render at a time keeps
 * memory bounded; the next chunk's process only loads meanwhile) while the sites of the previous
 * chunk are finished. When a chunk fails, each of its sites is rendered alone so that only the
 * culprit fails.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedHost, LoadedSchool } from '../content/load.ts';
import type { DirectoryEntry } from '../site/render-input.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { writeJob, type AstroJob } from './astro-job.ts';
import { startWorker, type AstroWorker, type WorkerResult } from './astro-workers.ts';
import { describeFailure, type BatchSite, type BuildClock, type BuildLog } from './build-report.ts';
import { estimatePages } from './chunks.ts';
import type { BuildProgress } from './progress.ts';

/** Astro's output of each run, `<run id>/batch-<n>/`, inside the package. */
const ASTRO_RUNS = path.join(PACKAGE_ROOT, '.astro', 'runs');

/**
 * Removes the run folders (`<time>-<pid>`) of builds that were killed (their process no longer
 * exists): Astro's output in the package, and `.staging/<run>/` beside the published sites.
 */
export async function removeStaleRuns(parent: string): Promise<void> {
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

/** One Astro job: the sites of a chunk and what they are rendered from. */
export interface RenderJob {
  contentDir: string;
  sites: BatchSite[];
  /** Astro's output folder of this chunk. */
  outDir: string;
  /** Astro's cache folder (kept between builds). */
  cacheDir: string;
  /** The host's directory (sent only with the host portal: several MB at province scale). */
  directory: DirectoryEntry[];
  host: LoadedHost | undefined;
  /** The build's date and clock, which the theme shows (`RenderInput`). */
  date: string;
  now: string;
  /** Started ahead of time; else one is started now. */
  worker?: AstroWorker | undefined;
  /** Called once the job is with its worker. */
  onJobSent?: (() => void) | undefined;
}

/** Renders one chunk of sites in an Astro worker. */
export async function renderJob(r: RenderJob): Promise<WorkerResult> {
  const hasHost = r.sites.some((s) => s.kind === 'host');
  const job: AstroJob = {
    contentDir: path.resolve(r.contentDir),
    schoolIds: r.sites.filter((s) => s.kind === 'school').map((s) => s.id),
    includeHost: hasHost,
    outDir: r.outDir,
    cacheDir: r.cacheDir,
    directory: hasHost ? r.directory : [],
    date: r.date,
    now: r.now,
    content: { schools: r.sites.flatMap((s) => (s.kind === 'school' ? [s.site as LoadedSchool] : [])), host: r.host },
  };
  const jobFile = `${r.outDir}.job`;
  try {
    await mkdir(r.outDir, { recursive: true });
    await writeJob(jobFile, job);
  } catch (err) {
    // A full disk shows up here first; it fails this batch, not the whole command.
    r.worker?.cancel();
    return { ok: false, error: String(err) };
  }
  const done = (r.worker ?? startWorker()).run(jobFile);
  r.onJobSent?.();
  return done;
}

export interface RendererInput {
  contentDir: string;
  /** Astro's cache folder. */
  cacheDir: string;
  /** This run's id (`<time>-<pid>`): its output folder in the package. */
  runId: string;
  host: LoadedHost | undefined;
  date: string;
  now: string;
  /** The host's directory, known once every school is loaded (only the host portal, rendered last, uses it). */
  directory: () => DirectoryEntry[];
  /** Workers started ahead of time. */
  spares: AstroWorker[];
  /** Starts a worker when no spare is left (fresh Astro processes, or the server's warm renderer). */
  newWorker: () => AstroWorker;
  clock: BuildClock;
  log: BuildLog;
  progress?: BuildProgress | undefined;
  /** A chunk was rendered into `batchDir`: its sites are to be finished. */
  rendered: (sites: BatchSite[], batchDir: string) => void;
  /** A site could not be rendered. */
  failed: (site: BatchSite, error: string) => void;
  /** Once the first jobs are with their workers (the finishing threads may load then). */
  jobsSent: () => void;
}

/**
 * The render lanes: chunks queue on the first; the second renders the host portal beside a
 * small rebuild.
 */
export class Renderer {
  /** Output of this run, removed at the end. */
  readonly runDir: string;
  peakWorkerRssMb = 0;
  #lanes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  #batchNumber = 0;
  /** Chunks waiting for their turn, and whether more may come: the next chunk's worker starts ahead. */
  #queued = 0;
  #allQueued = false;
  /** Jobs to send before the finishing pool warms up. */
  #firstJobs = 1;
  #stopped = false;

  readonly #input: RendererInput;

  constructor(input: RendererInput) {
    this.#input = input;
    this.runDir = path.join(ASTRO_RUNS, input.runId);
  }

  /**
   * Removes the output of killed builds. Astro's output goes inside the package: its prerender
   * chunks must resolve the package's node_modules, and an output folder outside the working
   * directory makes Astro stage them in one shared `.astro/.prerender/` (concurrent builds then
   * collide, and its final rename fails when the sites are on another disk). One folder per run
   * and batch avoids both.
   */
  static async clean(): Promise<void> {
    await removeStaleRuns(ASTRO_RUNS);
  }

  /** Whether nothing was sent yet (a small rebuild: its host portal renders on the second lane). */
  get idle(): boolean {
    return this.#batchNumber === 0 && this.#queued === 0;
  }

  /** Queues a chunk on a lane. */
  dispatch(sites: BatchSite[], lane: 0 | 1 = 0): void {
    this.#queued++;
    this.#lanes[lane] = this.#lanes[lane]!.then(() => {
      this.#queued--;
      return this.#render(sites);
    });
    this.#lanes[lane].catch(() => {}); // awaited in `done`; this only keeps a failure from going unhandled
  }

  /**
   * No more chunks will come. `jobsBeforeWarmUp`: when nothing was sent yet, how many jobs go out
   * before the finishing threads load (two when the host portal renders beside the schools).
   */
  lastQueued(jobsBeforeWarmUp?: number): void {
    this.#allQueued = true;
    if (jobsBeforeWarmUp !== undefined) this.#firstJobs = jobsBeforeWarmUp;
  }

  /** Waits for every chunk queued. */
  async done(): Promise<void> {
    await Promise.all(this.#lanes);
  }

  /** After a failure: no further chunk starts; waits for those running. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.allSettled(this.#lanes);
    for (const w of this.#input.spares) w.cancel();
  }

  async #render(sites: BatchSite[]): Promise<void> {
    if (this.#stopped) return;
    const { clock, log, progress, spares, newWorker } = this.#input;
    const outDir = path.join(this.runDir, `batch-${this.#batchNumber++}`);
    const ids = sites.map((s) => s.id);
    const label = ids.length > 3 ? `${ids.length} sites` : ids.join(', ');
    clock.mark(`${label}: job sent`);
    const shown = ids.slice(0, 8).join(', ');
    log('rendering', { count: sites.length, ids: ids.length > 8 ? `${shown} … (+${ids.length - 8})` : shown });
    progress?.rendering(ids);
    let result: WorkerResult;
    try {
      const worker = spares.shift() ?? newWorker();
      // Node and Astro load (about a second) in the next chunk's worker while this one renders.
      if ((this.#queued > 0 || !this.#allQueued) && spares.length === 0) spares.push(newWorker());
      result = await clock.timed('render', () =>
        renderJob({
          contentDir: this.#input.contentDir,
          sites,
          outDir,
          cacheDir: this.#input.cacheDir,
          directory: this.#input.directory(),
          host: this.#input.host,
          date: this.#input.date,
          now: this.#input.now,
          worker,
          // Pagefind (and the indexing code) loads while Astro renders, once the first jobs are
          // out: loading it earlier would delay them.
          onJobSent: () => {
            if (--this.#firstJobs === 0) this.#input.jobsSent();
          },
        }),
      );
    } catch (err) {
      // A worker that could not even be started fails this chunk like a render error.
      result = { ok: false, error: String(err) };
    }
    if (!result.ok) {
      if (sites.length > 1) {
        log('chunkFailed');
        for (const s of sites) await this.#render([s]);
        return;
      }
      this.#input.failed(sites[0]!, describeFailure(result.error));
      return;
    }
    this.peakWorkerRssMb = Math.max(this.peakWorkerRssMb, result.maxRssKb / 1024);
    for (const [step, at] of Object.entries(result.steps)) clock.mark(`${label}: worker ${step} ${at.toFixed(2)} s after the job`);
    if (result.pages) {
      const { rendered, reused } = result.pages;
      clock.mark(`${label}: worker rendered ${rendered.length} pages, reused ${reused}`);
      log('pagesReused', { ids: label, rendered: rendered.length, reused });
      if (result.pages.untrackable) log('pagesUntrackable', { why: result.pages.untrackable });
    }
    clock.mark(`${label}: rendered`);
    this.#input.rendered(sites, outDir);
  }
}

/** The live display's estimate of a chunk's sites. */
export const estimates = (sites: BatchSite[]) => sites.map((s) => ({ id: s.id, pages: estimatePages(s.site) }));
