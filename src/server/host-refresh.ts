/**
 * The host portal (the directory's "latest news", the aggregated feed, the dashboard) shows
 * every school's latest items, so it is refreshed after a school's save is published, not only
 * by the start-up and scheduled builds.
 *
 * The refresh never delays the editor's answer: it is queued behind the save that asked for it,
 * after a short wait, and every save published before it starts shares it (thirty saves in a
 * minute make a handful of refreshes, not thirty). It runs in the publisher's queue, so it never
 * overlaps a build of the same output folder.
 */
import { prestartWorker } from '../pipeline/astro-workers.ts';
import { buildSites } from '../pipeline/build-sites.ts';
import { nowInVietnam, todayInVietnam } from '../util/dates.ts';

export class HostRefresh {
  private readonly delayMs: number;
  private readonly enqueue: (task: () => Promise<void>) => Promise<void>;
  private readonly run: () => Promise<void>;
  /** A refresh is asked for and has not started yet: later saves join it. */
  private waiting = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** A full build was queued after this refresh was asked for: it refreshes the portal itself. */
  private superseded = false;
  /** Refreshes started so far (the dashboards and tests count them). */
  runs = 0;

  constructor(opts: { delayMs: number; enqueue: (task: () => Promise<void>) => Promise<void>; run: () => Promise<void> }) {
    this.delayMs = opts.delayMs;
    this.enqueue = opts.enqueue;
    this.run = opts.run;
  }

  /** Asks for a refresh; returns false when one already waits (this save joins it). */
  request(): boolean {
    if (this.waiting || this.stopped) return false;
    this.waiting = true;
    this.timer = setTimeout(() => {
      void this.enqueue(async () => {
        // Cleared when the refresh starts: a save published during it asks for the next one.
        this.waiting = false;
        const superseded = this.superseded;
        this.superseded = false;
        if (this.stopped || superseded) return;
        this.runs++;
        await this.run();
      }).catch(() => {});
    }, this.delayMs);
    return true;
  }

  /**
   * A build of every site (scheduled or at start-up) is queued: it rebuilds the portal too, so a
   * refresh still waiting is dropped rather than run before it (a portal build reloads every
   * school: on a busy server it would delay the scheduled entries by as long again).
   */
  supersede(): void {
    if (!this.waiting) return;
    this.superseded = true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

/** Builds the host portal alone, over the schools already published in `<outDir>/sites/`. */
export async function refreshHostPortal(opts: {
  contentDir: string;
  outDir: string;
  at: Date;
  log: (line: string) => void;
  /** A loaded worker waited for the next save: this build takes it, so load another for that save. */
  rewarm?: boolean | undefined;
}): Promise<void> {
  const started = performance.now();
  try {
    const report = await buildSites({
      contentDir: opts.contentDir,
      outDir: opts.outDir,
      hostOnly: true,
      date: todayInVietnam(opts.at),
      now: nowInVietnam(opts.at),
      log: () => {},
    });
    if (opts.rewarm) prestartWorker();
    const host = report.sites.find((s) => s.id === 'host');
    opts.log(`Cổng đơn vị chủ quản: ${host?.status ?? 'không có host.yaml'}, ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    // The schools' sites are online already; the portal keeps its previous version until the next refresh.
    opts.log(`Cổng đơn vị chủ quản: lỗi khi làm mới: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
