/**
 * Finish stage: each rendered site is assembled into a standalone site (`assemble.ts`), given
 * the host portal's extras, then finished in ONE pass over its files on a finishing thread
 * (`finish-site.ts`: rebase, search index, precompression), and handed to the publish stage.
 *
 * While Astro renders (one core), one site is finished at a time: more only slowed the render
 * down (measured). Once every chunk is rendered, `jobs` sites at a time.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedHost } from '../content/load.ts';
import type { ComplianceReport } from '../compliance/report.ts';
import { SCHOOL_INDEXES_DIR } from '../search/paths.ts';
import { basePath, siteFolder } from '../site/address.ts';
import type { DirectoryEntry } from '../site/render-input.ts';
import { limiter } from '../util/concurrency.ts';
import { assembleSite } from './assemble.ts';
import { describeFailure, type BatchSite, type BuildClock, type SiteStatus } from './build-report.ts';
import { startFinishPool, type FinishPool } from './finish-pool.ts';
import { linkSchoolIndexes, writeDashboard, writeSchoolsSearch } from './host-portal.ts';
import type { BuildPaths } from './paths.ts';
import type { BuildProgress } from './progress.ts';

/** A site finished in the staging area, ready to be published. */
export interface FinishedSite {
  site: BatchSite;
  staged: string;
  /** Its folder in `sites/`. */
  folder: string;
  pages: number;
}

export interface FinisherInput {
  paths: BuildPaths;
  /** This run's staging folder. */
  runDir: string;
  /** Threads (and sites finished at once after the render). */
  jobs: number;
  /** Threads kept by the caller between builds (the server): used, and left open. */
  pool?: FinishPool | undefined;
  /** A forced build trusts nothing published: no compressed copy is reused. */
  force: boolean;
  /** The host portal's extras, known once every school passed the gate. */
  hostExtras: () => { directory: DirectoryEntry[]; dashboard: ComplianceReport | undefined };
  clock: BuildClock;
  progress?: BuildProgress | undefined;
  /** The publish stage. */
  publish: (finished: FinishedSite) => Promise<void>;
  /** A site that could not be finished or published (its staged copy is already removed). */
  failed: (site: BatchSite, status: SiteStatus, error: string) => void;
}

export class Finisher {
  /** Search indexing totals over the sites finished. */
  readonly search = { pages: 0, seconds: 0, bytes: 0 };
  #limit = limiter(1);
  #finishing: Promise<void>[] = [];
  #pool: FinishPool | undefined;
  #warm: Promise<void> | undefined;

  readonly #input: FinisherInput;

  constructor(input: FinisherInput) {
    this.#input = input;
  }

  /** Indexing and compression run on a pool of threads (one per job), started on first use. */
  get #threads(): FinishPool {
    return (this.#pool ??= this.#input.pool ?? startFinishPool(this.#input.jobs));
  }

  /** Starts the threads' Pagefind services ahead of the first site (while Astro renders). */
  warmUp(): void {
    this.#warm = this.#threads.warmUp().catch(() => {}); // errors surface when a site is finished
  }

  /** Queues the sites of a rendered chunk; its output folder is removed once all are assembled. */
  add(sites: BatchSite[], batchDir: string): void {
    let pending = sites.length;
    const release = () => {
      if (--pending === 0) this.#finishing.push(rm(batchDir, { recursive: true, force: true }).catch(() => {}));
    };
    for (const s of sites) {
      this.#input.progress?.phase(s.id, 'wait');
      this.#finishing.push(this.#limit(() => this.#finish(s, batchDir, sites).finally(release)));
    }
  }

  /** Every chunk is rendered (or none more will be): finishes the rest `jobs` at a time, then stops the threads. */
  async drain(): Promise<void> {
    this.#limit.setMax(this.#input.jobs);
    await Promise.allSettled(this.#finishing);
    // Finished sites queued the removal of their batch folders meanwhile.
    await Promise.allSettled(this.#finishing);
  }

  async close(): Promise<void> {
    await this.#warm;
    if (this.#pool !== this.#input.pool) await this.#pool?.close();
  }

  async #finish(s: BatchSite, batchDir: string, siblings: BatchSite[]): Promise<void> {
    const { clock, progress, paths } = this.#input;
    const folder = siteFolder(s.domain);
    const staged = path.join(this.#input.runDir, 'sites', folder);
    try {
      progress?.phase(s.id, 'assemble');
      await clock.timed('assemble', () =>
        assembleSite({
          batchDir,
          siteRoute: s.route,
          siteRoutes: siblings.map((x) => x.route),
          dest: staged,
          files: s.site.files,
          imageCache: path.join(paths.cache, 'images'),
        }),
      );
      clock.mark(`${s.id}: assembled`);
      if (s.kind === 'host') {
        const { directory, dashboard } = this.#input.hostExtras();
        await clock.timed('host', () => linkSchoolIndexes(staged, directory));
        await clock.timed('host', () => writeSchoolsSearch(staged, directory));
        // The host decides whether its dashboard is public (host.yaml `compliance.publicDashboard`).
        if ((s.site as LoadedHost).config.compliance.publicDashboard)
          await clock.timed('host', () => writeDashboard(staged, dashboard!, directory));
      }
      progress?.phase(s.id, 'index');
      // One pass: rebase (path mode), index, compress. The schools' index links on the host point
      // to compressed files already. Unchanged files reuse the published site's compressed copies.
      const done = await this.#threads.finish({
        dir: staged,
        cacheDir: paths.cache,
        base: basePath(s.domain),
        skipDir: SCHOOL_INDEXES_DIR,
        previous: this.#input.force ? undefined : path.join(paths.sites, folder),
      });
      clock.timings.index += done.seconds.index;
      clock.timings.compress += done.seconds.compress;
      this.search.pages += done.index.pages;
      this.search.seconds += done.index.seconds;
      this.search.bytes += done.index.bytes;
      clock.mark(`${s.id}: indexed and compressed`);
      progress?.phase(s.id, 'publish');
      await this.#input.publish({ site: s, staged, folder, pages: done.pages });
    } catch (err) {
      await rm(staged, { recursive: true, force: true }).catch(() => {});
      this.#input.failed(s, 'failed', describeFailure(err));
    }
  }
}
