/**
 * The host portal (the directory's "latest news", the aggregated feed, the dashboard) shows
 * every school's latest items, so it is refreshed after a school's save is published, not only
 * by the start-up and scheduled builds.
 *
 * The refresh never makes an editor wait (issue 19): a portal may follow a minute later, a
 * teacher's "Đã đăng" may not. So it
 * - runs once the saves have paused for `quietMs` (a school publishing ten corrections in a row
 *   makes one refresh, after the last), and at the latest `maxWaitMs` after the first save that
 *   asked for it, so that a busy morning still reaches the portal;
 * - yields to saves: when it falls due it waits until no save (nor any build) is queued, so a
 *   save arriving meanwhile goes first. Only after waiting `maxWaitMs` more does it take its turn
 *   in the queue like a save, so that a queue that never empties cannot hold the portal back for
 *   ever;
 * - is cheap when it does run (`refreshHostPortal`): the server's warm renderer renders the
 *   portal, the schools come from their cached summaries and the file hashes kept in memory.
 *
 * Every save published before it starts shares it. It runs in the publisher's queue, so it
 * never overlaps a build of the same output folder.
 */
import type { AstroWorker } from '../pipeline/astro-workers.ts';
import { prestartWorker } from '../pipeline/astro-workers.ts';
import { buildSites, type BuildMemory } from '../pipeline/build-sites.ts';
import type { FinishPool } from '../pipeline/finish-pool.ts';
import { nowInVietnam, todayInVietnam } from '../util/dates.ts';

/** When the portal follows the saves (see `PublisherOptions`). */
export interface HostRefreshTiming {
  /** The refresh runs once no save was published for this long, in ms. */
  quietMs: number;
  /** …and at the latest this long after the first save that asked for it, in ms. */
  maxWaitMs: number;
}

export class HostRefresh {
  private readonly timing: HostRefreshTiming;
  private readonly whenIdle: (task: () => Promise<void>, deadline: Promise<void>) => Promise<void>;
  private readonly busy: () => boolean;
  private readonly run: () => Promise<void>;
  private readonly log: (line: string) => void;
  /** When the first save of the pending refresh asked (`performance.now()`); undefined when none is pending. */
  private askedAt: number | undefined;
  /** The pending refresh fell due and waits for the queue to empty: later saves join it. */
  private due = false;
  /**
   * Counts the pending refreshes: a full build queued meanwhile (`supersede`) drops the pending
   * one, whose task then finds a newer number and does nothing.
   */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Refreshes started so far (the dashboards and tests count them). */
  runs = 0;

  constructor(opts: {
    timing: HostRefreshTiming;
    /** Queues a task once nothing is queued, or when `deadline` settles, whichever comes first. */
    whenIdle: (task: () => Promise<void>, deadline: Promise<void>) => Promise<void>;
    /** Whether a save or a build is queued or running. */
    busy: () => boolean;
    run: () => Promise<void>;
    log?: ((line: string) => void) | undefined;
  }) {
    this.timing = opts.timing;
    this.whenIdle = opts.whenIdle;
    this.busy = opts.busy;
    this.run = opts.run;
    this.log = opts.log ?? (() => {});
  }

  /** Whether a refresh is asked for and has not started yet. */
  get pending(): boolean {
    return this.askedAt !== undefined;
  }

  /**
   * Asks for a refresh after a published save; returns false when one was already pending (this
   * save joins it).
   */
  request(): boolean {
    if (this.stopped) return false;
    const now = performance.now();
    const joined = this.askedAt !== undefined;
    // A refresh that fell due already waits only for the queue to empty: it will include this save.
    if (this.due) return false;
    this.askedAt ??= now;
    clearTimeout(this.timer);
    const at = Math.min(now + this.timing.quietMs, this.askedAt + this.timing.maxWaitMs);
    const generation = this.generation;
    this.timer = setTimeout(() => this.fire(generation), Math.max(0, at - now));
    return !joined;
  }

  private fire(generation: number): void {
    this.timer = undefined;
    this.due = true;
    let expire: () => void = () => {};
    const deadline = new Promise<void>((resolve) => (expire = resolve));
    const overdue = setTimeout(() => {
      this.log(
        `Cổng đơn vị chủ quản: hàng đợi chưa lúc nào trống sau ${Math.round(this.timing.maxWaitMs / 1000)} giây, làm mới theo lượt.`,
      );
      expire();
    }, this.timing.maxWaitMs);
    overdue.unref();
    // The log says when the portal gives way (and the tests know the refresh is due).
    if (this.busy()) this.log('Cổng đơn vị chủ quản: đến lúc làm mới, chờ các lần lưu đang xếp hàng.');
    const task = async () => {
      clearTimeout(overdue);
      if (generation !== this.generation || this.stopped) return;
      // Cleared when the refresh starts: a save published during it asks for the next one.
      this.askedAt = undefined;
      this.due = false;
      this.generation++;
      this.runs++;
      await this.run();
    };
    void this.whenIdle(task, deadline).catch(() => {});
  }

  /**
   * A build of every site (scheduled or at start-up) is queued: it rebuilds the portal too, so a
   * pending refresh is dropped rather than run after it (a portal build reads every school's
   * summary: on a busy server it would only delay the next save). A save published after the
   * full build was queued asks for a new refresh.
   */
  supersede(): void {
    if (this.askedAt === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.askedAt = undefined;
    this.due = false;
    this.generation++;
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
  /**
   * Renders the portal: the server's warm renderer when it is ready (no Astro start-up, and the
   * Astro worker loaded for the next cold save stays for it). Default: an Astro worker.
   */
  renderer?: (() => AstroWorker) | undefined;
  /** The file hashes kept by the server between builds (no megabytes of JSON read and written again). */
  memory?: BuildMemory | undefined;
  /** The server's finishing threads, whose Pagefind service is running already. */
  finishPool?: FinishPool | undefined;
  /** A loaded worker waited for the next save: a build without `renderer` takes it, so load another for that save. */
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
      renderer: opts.renderer,
      memory: opts.memory,
      finishPool: opts.finishPool,
      // The portal's previous version is removed after the refresh, while the next save may start.
      deferRemoval: true,
      log: () => {},
    });
    if (opts.rewarm && !opts.renderer) prestartWorker();
    const host = report.sites.find((s) => s.id === 'host');
    const steps = Object.entries(report.timings)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${Math.round(v * 1000)}`)
      .join(', ');
    opts.log(
      `Cổng đơn vị chủ quản: ${host?.status ?? 'không có host.yaml'}, ${Math.round(performance.now() - started)} ms (${opts.renderer ? 'bộ dựng nóng' : 'Astro khởi động mới'}; ms: ${steps})`,
    );
  } catch (err) {
    // The schools' sites are online already; the portal keeps its previous version until the next refresh.
    opts.log(`Cổng đơn vị chủ quản: lỗi khi làm mới: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
