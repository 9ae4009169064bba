/**
 * Swapping a staged site into `dist/sites/<domain>/`. The new site is complete in the staging
 * folder (same file system) before it moves; the old one is moved aside first and removed
 * last, so a reader or a crash at any moment sees either the old or the new site, and a
 * leftover `.old` folder from an interrupted swap is put back on the next run.
 *
 * Removing the old version (a school's thousand files with their `.gz`/`.br`) took a quarter of
 * a save's finishing time on the server, after the new site was online already: the server
 * lets it run after its answer (`deferRemoval`). The next swap of the same site and the next
 * build's recovery wait for it; a crash during it leaves an `.old` folder beside a live site,
 * which the recovery removes.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { siteReport, type BuildClock, type BuildLog, type SiteReport } from './build-report.ts';
import type { FinishedSite } from './finish.ts';
import { writeState } from './fingerprint.ts';
import type { Plan } from './plan.ts';
import type { BuildProgress } from './progress.ts';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Removals of replaced versions still running after their swap, by folder. */
const removing = new Map<string, Promise<void>>();

/** Waits for the removals of replaced versions that `publishSite` left running (`deferRemoval`). */
export async function removalsDone(): Promise<void> {
  await Promise.all(removing.values());
}

/**
 * Swaps `staged` in as `sitesDir/domain`. With `deferRemoval`, returns once the new version is
 * live and removes the replaced one afterwards (see `removalsDone`).
 */
export async function publishSite(staged: string, sitesDir: string, domain: string, deferRemoval = false): Promise<void> {
  await mkdir(sitesDir, { recursive: true });
  const live = path.join(sitesDir, domain);
  const old = path.join(sitesDir, `.${domain}.old`);
  // The previous swap's removal of this very folder may still run.
  await removing.get(old);
  await rm(old, { recursive: true, force: true });
  if (await exists(live)) await rename(live, old);
  await rename(staged, live);
  if (!deferRemoval) return rm(old, { recursive: true, force: true });
  // A removal that fails leaves the folder to the next build's recovery: the new site is online.
  const removal = rm(old, { recursive: true, force: true })
    .catch(() => {})
    .finally(() => removing.delete(old));
  removing.set(old, removal);
}

/** Restores sites whose swap was interrupted between the two renames. */
export async function recoverInterruptedSwaps(sitesDir: string): Promise<void> {
  // An `.old` folder that this process is still removing is not an interrupted swap.
  await removalsDone();
  for (const name of await readdir(sitesDir).catch(() => [] as string[])) {
    const m = /^\.(.+)\.old$/.exec(name);
    if (!m) continue;
    const live = path.join(sitesDir, m[1]!);
    if (await exists(live)) await rm(path.join(sitesDir, name), { recursive: true, force: true });
    else await rename(path.join(sitesDir, name), live);
  }
}

/**
 * Publish stage: swaps each finished site in, records it in the build state (written after
 * every publish, so that an interrupted build keeps what it finished) and reports it.
 */
export class Publisher {
  // State writes are chained so that parallel publishes never write the file at the same time.
  #stateWrites: Promise<void> = Promise.resolve();

  readonly #plan: Plan;
  readonly #clock: BuildClock;
  readonly #log: BuildLog;
  readonly #reports: SiteReport[];
  readonly #progress: BuildProgress | undefined;
  readonly #deferRemoval: boolean;

  constructor(plan: Plan, clock: BuildClock, log: BuildLog, reports: SiteReport[], progress?: BuildProgress, deferRemoval = false) {
    this.#plan = plan;
    this.#clock = clock;
    this.#log = log;
    this.#reports = reports;
    this.#progress = progress;
    this.#deferRemoval = deferRemoval;
  }

  async publish({ site: s, staged, folder, pages }: FinishedSite): Promise<void> {
    const plan = this.#plan;
    await this.#clock.timed('publish', () => publishSite(staged, plan.paths.sites, folder, this.#deferRemoval));
    this.#clock.mark(`${s.id}: published`);
    plan.state.sites[s.id] = {
      domain: s.domain,
      fingerprint: plan.fingerprints.get(s.id)!,
      name: s.site.config.name,
      compliance: s.compliance,
      checkedOn: plan.date,
      nextScheduled: s.site.scheduled[0],
      dueMarker: plan.dueMarker(s.id) || undefined,
    };
    this.#stateWrites = this.#stateWrites.then(() => writeState(plan.stateFile, plan.state));
    await this.#stateWrites;
    this.#reports.push(siteReport(s, 'built', pages));
    this.#progress?.finished(s.id, 'built', pages);
    this.#log('published', { id: s.id, path: path.relative(process.cwd(), path.join(plan.paths.sites, folder)), pages });
  }
}
