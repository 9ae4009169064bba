/**
 * Save = validate, record, publish. Every change an editor makes goes through one queue, one
 * at a time (two builds of one output folder must never overlap):
 *
 * 1. the files are written, after the paths they replace are noted in a journal;
 * 2. the school is loaded and validated exactly as the build does; when it has errors the files
 *    are put back and the editor gets the errors (file, field, fix), nothing is recorded;
 * 3. the change is committed in git with the editor as author; the journal is removed;
 * 4. the school is rebuilt incrementally (`buildSites` with this one school) and swapped into
 *    `dist/sites/` atomically; the editor is told "Đã đăng lúc hh:mm", or why it failed while
 *    the previous site stays online.
 *
 * A server killed between 1 and 3 finds the journal on its next start and puts the files back
 * as the last commit has them; one killed during 4 has the commit, and its start-up build
 * publishes it. The published site is swapped whole (see `src/pipeline/publish.ts`).
 *
 * The same queue runs the scheduled builds: entries dated later are left out by the build,
 * which says when the next one falls due; the scheduler builds again at that time.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prestartWorker, startWorker, takeWorker } from '../pipeline/astro-workers.ts';
import { buildSites, type BuildMemory, type BuildReport, type SiteReport } from '../pipeline/build-sites.ts';
import { startFinishPool, type FinishPool } from '../pipeline/finish-pool.ts';
import { buildPaths } from '../pipeline/paths.ts';
import { removalsDone } from '../pipeline/publish.ts';
import { readState, type BuildState } from '../pipeline/fingerprint.ts';
import type { ContentIssue, Localized } from '../errors/content-issue.ts';
import { loadContent } from '../content/load.ts';
import { LoadMemo } from '../content/load-memo.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { WarmRenderer } from '../pipeline/warm-renderer.ts';
import { nowInVietnam, todayInVietnam } from '../util/dates.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import type { Account, ServerDatabase } from './accounts.ts';
import { commitPaths, maintain, removeStaleLocks, restorePaths } from './git.ts';
import { HostRefresh, refreshHostPortal } from './host-refresh.ts';

/** One file of a save: new content, or `null` to delete it. `rel` is relative to the school folder. */
export interface Change {
  rel: string;
  data: Buffer | null;
}

export interface SaveRequest {
  school: string;
  account: Pick<Account, 'login' | 'name' | 'email'>;
  changes: Change[];
  /** `save`, `delete` or `upload` (for the dashboards). */
  kind: string;
  /** Commit message (Decap's, e.g. `Update News “tin-moi”`). */
  message: string;
  /** Rebuild and publish after the commit. Uploads alone are only recorded: the entry that uses them publishes them. */
  publish: boolean;
  /** When the request arrived (`performance.now()`), for the save-to-online time. */
  started?: number;
  /** Only validate: the files are put back afterwards and nothing is recorded (a change sent for review, `review.ts`). */
  validateOnly?: boolean | undefined;
}

export interface SaveResult {
  ok: boolean;
  /**
   * HTTP status for the editor: 200 when the change is saved (published or not: see `ok`), 422
   * when the content is invalid and nothing was saved.
   */
  status: number;
  message: Localized;
  /** The school's public address, when it was published. */
  url?: string | undefined;
  commit?: string | undefined;
  /** Save-to-online time in milliseconds. */
  ms: number;
}

export interface PublisherOptions {
  contentDir: string;
  outDir: string;
  db: ServerDatabase;
  /** Folder for the journal of the save in progress (beside the database). */
  stateDir: string;
  /** The server's clock; tests move it to make scheduled entries fall due. */
  clock?: (() => Date) | undefined;
  /** How often the scheduler compares the clock with the next due time, in ms. Default 30 s. */
  pollMs?: number | undefined;
  /**
   * The host portal is refreshed once no save was published for this long, in ms (saves within it
   * share one refresh). Default 10 s. See `host-refresh.ts`.
   */
  hostRefreshMs?: number | undefined;
  /** …and at the latest this long after the first save that asked for the refresh, in ms. Default 60 s. */
  hostRefreshMaxMs?: number | undefined;
  /** Keep an Astro worker loaded between builds (saves about a second per save). Default true. */
  warmWorker?: boolean | undefined;
  /**
   * Render saves with the warm renderer (`src/pipeline/warm-renderer.ts`): the theme stays compiled in a
   * process of its own, and a save renders without Astro's start-up. Default true.
   */
  warmRender?: boolean | undefined;
  log?: (line: string) => void;
}

const hhmm = (vietnamLocal: string) => vietnamLocal.slice(11, 16);

/** The first line of a render error: what went wrong, without the stack trace (that is in the server's log). */
const firstLine = (error: string | undefined) =>
  error
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim()
    .slice(0, 200);

export class Publisher {
  private chain: Promise<unknown> = Promise.resolve();
  /** Tasks queued or running in `chain`. */
  private queued = 0;
  private readonly clock: () => Date;
  private readonly log: (line: string) => void;
  private readonly journal: string;
  /** Vietnam local time at which the next scheduled entry falls due. */
  private nextDue: string | undefined;
  private scheduledQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private workerWaiting = false;
  private stopped = false;
  private warm: WarmRenderer | undefined;
  /** The start-up build, after which the warm renderer starts. */
  private startup: Promise<void> = Promise.resolve();
  /** Indexing and compression threads of the warm saves, kept between saves with their Pagefind service. */
  private pool: FinishPool | undefined;
  /** File hashes and the theme's sources, kept between warm saves (see `BuildOptions.memory`). */
  private readonly memory: BuildMemory = {};
  /**
   * What the loads of the last saved schools computed: a save's build reuses what its validation
   * parsed and checked, and the next save of a school loads again only the files it changed.
   */
  private readonly loadMemo = new LoadMemo();
  private hashesTimer: NodeJS.Timeout | undefined;
  private maintenanceTimer: NodeJS.Timeout | undefined;
  /** Whether the last build rendered in the warm renderer (for the save's log line). */
  private renderedWarm = false;

  private readonly opts: PublisherOptions;
  private readonly hostRefresh: HostRefresh;

  constructor(opts: PublisherOptions) {
    this.opts = opts;
    this.clock = opts.clock ?? (() => new Date());
    this.log = opts.log ?? (() => {});
    this.journal = path.join(opts.stateDir, 'save-in-progress.json');
    this.hostRefresh = new HostRefresh({
      timing: { quietMs: opts.hostRefreshMs ?? 10_000, maxWaitMs: opts.hostRefreshMaxMs ?? 60_000 },
      whenIdle: (task, deadline) => this.enqueueWhenIdle(task, deadline),
      busy: () => this.queued > 0,
      log: this.log,
      run: () => {
        // The warm renderer renders the portal as it renders saves: no Astro start-up, and the
        // Astro worker loaded for the next cold build stays loaded.
        const warm = this.warm?.isReady && !this.stopped ? this.warm : undefined;
        return refreshHostPortal({
          contentDir: opts.contentDir,
          outDir: opts.outDir,
          at: this.clock(),
          log: this.log,
          renderer: warm && (() => warm.asWorker()),
          memory: this.memory,
          finishPool: (this.pool ??= startFinishPool(2)),
          rewarm: this.workerWaiting && !this.stopped,
        });
      },
    });
  }

  /** Recovers an interrupted save, then builds what changed while the server was down. */
  async start(): Promise<void> {
    await mkdir(this.opts.stateDir, { recursive: true });
    // A server killed while git wrote leaves its locks behind, and every later commit would fail.
    for (const lock of await removeStaleLocks(this.opts.contentDir)) this.log(`Đã xoá khoá git còn sót lại: ${lock}`);
    const pending = await readFile(this.journal, 'utf8').then(
      (t) => JSON.parse(t) as { paths: string[] },
      () => undefined,
    );
    if (pending) {
      // The save never reached its commit: its files go back to what the last commit has.
      await restorePaths(this.opts.contentDir, pending.paths);
      await rm(this.journal, { force: true });
      this.log(`Đã hoàn tác một lần lưu bị gián đoạn: ${pending.paths.join(', ')}`);
    }
    // Not awaited: the server answers (logins, dashboards) while the first build runs; saves queue behind it.
    this.startup = this.enqueue(() => this.build(undefined, 'startup'))
      .catch((err: unknown) => this.log(`Lỗi khi dựng lúc khởi động: ${String(err)}`))
      .then(() => {
        // The theme compiles in the warm renderer once the first build is done (a few seconds of
        // one core, which the first build needs more); saves meanwhile are built the usual way.
        if (this.opts.warmRender !== false && !this.stopped) this.startWarmRenderer();
      });
    this.timer = setInterval(
      () => void this.checkSchedule()?.catch((err: unknown) => this.log(`Lỗi khi đăng theo lịch: ${String(err)}`)),
      this.opts.pollMs ?? 30_000,
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.hostRefresh.stop();
    await this.chain.catch(() => {});
    if (this.workerWaiting) takeWorker().cancel();
    this.workerWaiting = false;
    this.warm?.close();
    clearTimeout(this.hashesTimer);
    clearTimeout(this.maintenanceTimer);
    await this.memory.hashes?.save().catch(() => {});
    await this.pool?.close();
    this.pool = undefined;
    await removalsDone();
  }

  /** The next scheduled time known (Vietnam local), for the dashboards. */
  get nextScheduled(): string | undefined {
    return this.nextDue;
  }

  /** What the last builds recorded per site (address, compliance counts, next scheduled time), for the dashboards. */
  async siteStates(): Promise<BuildState['sites']> {
    return (await readState(path.join(this.opts.outDir, '.state.json'))).sites;
  }

  /** How many times the host portal was refreshed after saves. */
  get hostRefreshes(): number {
    return this.hostRefresh.runs;
  }

  private startWarmRenderer(): void {
    this.warm = new WarmRenderer({ cacheDir: path.join(buildPaths(this.opts.outDir).cache, 'astro-warm'), log: this.log });
  }

  /**
   * Writes the kept file hashes (a cache for the next start) once the saves pause: a province's
   * are megabytes of JSON, which would hold the server's thread before the editor's answer.
   */
  private saveHashesLater(): void {
    clearTimeout(this.hashesTimer);
    this.hashesTimer = setTimeout(() => {
      void this.enqueue(() => this.memory.hashes?.save() ?? Promise.resolve()).catch((err: unknown) =>
        this.log(`Không ghi được bộ nhớ đệm mã băm tệp: ${String(err)}`),
      );
    }, 5000);
    this.hashesTimer.unref();
  }

  /** Tidies the content repository (`git gc --auto`) once saves have paused for a minute, in the queue. */
  private maintainLater(): void {
    clearTimeout(this.maintenanceTimer);
    this.maintenanceTimer = setTimeout(() => {
      void this.enqueue(() => maintain(this.opts.contentDir)).catch((err: unknown) => this.log(`git gc: ${String(err)}`));
    }, 60_000);
    this.maintenanceTimer.unref();
  }

  /** Waits until the warm renderer has compiled the theme; false when it is off or could not start. */
  async warmReady(): Promise<boolean> {
    await this.startup;
    return (await this.warm?.ready) ?? false;
  }

  /** Waits for everything queued so far (tests). */
  idle(): Promise<void> {
    return this.chain.then(() => {});
  }

  save(req: SaveRequest): Promise<SaveResult> {
    const saved = this.enqueue(() => this.runSave(req));
    // The host portal shows the schools' latest news: refreshed after the editor has the answer.
    void saved.then(
      (r) => r.ok && req.publish && !req.validateOnly && this.hostRefresh.request(),
      () => {},
    );
    return saved;
  }

  /** Builds when the clock has passed the next due time (called by the timer; tests call it too). */
  checkSchedule(): Promise<void> | undefined {
    if (this.stopped || this.scheduledQueued || !this.nextDue || nowInVietnam(this.clock()) < this.nextDue) return undefined;
    this.scheduledQueued = true;
    this.hostRefresh.supersede();
    return this.enqueue(async () => {
      this.scheduledQueued = false;
      await this.build(undefined, 'scheduled');
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued++;
    const next = this.chain.then(task);
    this.chain = next.catch(() => {}).then(() => void this.queued--);
    return next;
  }

  /**
   * Queues `task` once nothing else is queued nor running (the host portal's refresh: a save
   * arriving while it waits goes first), or behind what is queued when `deadline` settles first.
   */
  private async enqueueWhenIdle(task: () => Promise<void>, deadline: Promise<void>): Promise<void> {
    let overdue = false;
    void deadline.then(() => (overdue = true));
    // Checked and queued in one step: no save can slip in between.
    while (this.queued > 0 && !overdue) await Promise.race([this.chain, deadline]);
    return this.enqueue(task);
  }

  private async runSave(req: SaveRequest): Promise<SaveResult> {
    const started = req.started ?? performance.now();
    const schoolRoot = path.join(this.opts.contentDir, 'schools', req.school);
    const repoPaths = req.changes.map((c) => path.posix.join('schools', req.school, c.rel));
    // What each file was, to put it back when the content turns out invalid.
    const previous = await Promise.all(req.changes.map((c) => readFile(path.join(schoolRoot, c.rel)).catch(() => null)));
    await writeFile(this.journal, JSON.stringify({ school: req.school, paths: repoPaths }));
    const restore = async () => {
      await Promise.all(
        req.changes.map(async (c, i) => {
          const abs = path.join(schoolRoot, c.rel);
          const before = previous[i];
          if (before) await writeFileAtomic(abs, before);
          else await rm(abs, { force: true });
        }),
      );
      await rm(this.journal, { force: true });
    };
    let committed = false;
    try {
      for (const c of req.changes) {
        const abs = path.join(schoolRoot, c.rel);
        if (c.data) await writeFileAtomic(abs, c.data);
        else await rm(abs, { force: true });
      }
      const t0 = performance.now();
      const problems = await this.validate(req.school);
      const validated = performance.now();
      if (problems) {
        this.log(`${req.kind} ${req.school} ${req.account.login}: từ chối (nội dung có lỗi), kiểm tra ${Math.round(validated - t0)} ms`);
        await restore();
        return { ok: false, status: 422, message: problems, ms: 0 };
      }
      if (req.validateOnly) {
        await restore();
        return { ok: true, status: 200, message: { vi: 'Nội dung hợp lệ.', en: 'The content is valid.' }, ms: 0 };
      }
      // The change is recorded in git while the school renders: nothing is published before its
      // commit exists (the build waits for it before the swap), and a failed commit fails the
      // publication and puts the files back, as before.
      let committedAt = 0;
      const committing = commitPaths(this.opts.contentDir, repoPaths, req.message, req.account).then(async (commit) => {
        committed = true;
        committedAt = performance.now();
        if (commit) this.maintainLater();
        await rm(this.journal, { force: true });
        return commit;
      });
      committing.catch(() => {}); // awaited below
      if (!req.publish) {
        const commit = await committing;
        const message = { vi: 'Đã lưu tệp.', en: 'File saved.' };
        return { ok: true, status: 200, message, commit, ms: 0 };
      }
      let report: BuildReport;
      try {
        report = await this.build([req.school], req.kind, req.account, committing, started);
      } catch (err) {
        // A failed commit throws here: nothing was recorded, and the outer handler puts the files back.
        const commit = await committing;
        // The change is recorded; only its publication failed, and the site online is the previous one.
        this.log(
          `${req.kind} ${req.school} ${req.account.login}: lỗi khi dựng: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
        const time = hhmm(nowInVietnam(this.clock()));
        const message = {
          vi: `Đã lưu lúc ${time} nhưng chưa đăng được: máy chủ gặp lỗi khi dựng trang. Trang web cũ vẫn đang hiển thị. Đơn vị chủ quản xem nhật ký máy chủ.`,
          en: `Saved at ${time} but not published: the server failed to build the site. The previous site is still online. The host can read the server's log.`,
        };
        this.opts.db.addPublication({
          school: req.school,
          at: this.clock().getTime(),
          kind: req.kind,
          login: req.account.login,
          authorName: req.account.name,
          ok: false,
          message: message.vi,
          commit: commit ?? null,
          ms: 0,
        });
        return { ok: false, status: 200, message, commit, ms: Math.round(performance.now() - started) };
      }
      const commit = await committing;
      const site = report.sites.find((s) => s.id === req.school);
      const ms = Math.round(performance.now() - started);
      const result = this.outcome(site, report, ms);
      if (site?.error) this.log(`${req.school}: ${site.error}`);
      this.log(
        `${req.kind} ${req.school} ${req.account.login}: ${site?.status ?? 'không dựng'}, ${commit?.slice(0, 10) ?? 'không đổi'}; kiểm tra ${Math.round(validated - t0)} ms, commit ${Math.round(committedAt - validated)} ms cùng lúc với dựng và đăng ${Math.round(performance.now() - validated)} ms (${this.renderedWarm ? 'bộ dựng nóng' : 'Astro khởi động mới'}; ms: ${Object.entries(
          report.timings,
        )
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${Math.round(v * 1000)}`)
          .join(', ')}), tổng ${ms} ms`,
      );
      return { ...result, commit };
    } catch (err) {
      // A failure before the commit (a full disk, git refusing): put the files back.
      if (!committed) await restore().catch(() => {});
      throw err;
    }
  }

  /** The school's errors as the editor should read them (paths relative to the school folder), or undefined. */
  private async validate(school: string): Promise<Localized | undefined> {
    const loaded = await loadContent(this.opts.contentDir, [school], {
      render: false,
      now: nowInVietnam(this.clock()),
      memo: this.loadMemo,
    });
    const schoolDir = path.resolve(this.opts.contentDir, 'schools', school);
    const errors = loaded.issues.filter((i) => i.severity === 'error');
    if (loaded.schools.some((s) => s.id === school) && errors.length === 0) return undefined;
    const shown: ContentIssue[] = errors.map((i) => {
      const rel = path.relative(schoolDir, path.resolve(i.file));
      return { ...i, file: rel.startsWith('..') ? path.relative(path.resolve(this.opts.contentDir), path.resolve(i.file)) : rel };
    });
    const text = (lang: Lang) =>
      lang === 'vi'
        ? `Chưa đăng: nội dung có lỗi, chưa có gì được lưu và trang web vẫn như cũ. Sửa các lỗi sau rồi lưu lại.\n\n${formatIssues(shown, 'vi')}`
        : `Not published: the content has errors; nothing was saved and the site is unchanged. Fix these, then save again.\n\n${formatIssues(shown, 'en')}`;
    return { vi: text('vi'), en: text('en') };
  }

  /** Runs one build (of `schools`, or of every school and the host portal) and records it. */
  private async build(
    schools: string[] | undefined,
    kind: string,
    account?: Pick<Account, 'login' | 'name'>,
    committing?: Promise<string | undefined>,
    started = performance.now(),
  ): Promise<BuildReport> {
    const at = this.clock();
    const options = {
      contentDir: this.opts.contentDir,
      outDir: this.opts.outDir,
      schools,
      date: todayInVietnam(at),
      now: nowInVietnam(at),
      log: (l: string) => this.log(l),
      // A save's commit may still be running: its site is swapped in only once it is recorded.
      beforePublish: committing && (async () => void (await committing)),
      // Only a save's build: a full build (start-up, schedule) would fill it with schools nobody edits.
      loadMemo: schools && this.loadMemo,
      // The replaced version is removed after the editor's answer (`publish.ts`).
      deferRemoval: true,
    };
    // A save renders its school in the warm renderer; the full builds (start-up, schedule) render
    // many schools, in fresh Astro processes as `congtruong build` does.
    if (this.warm?.crashed && !this.stopped) {
      // It worked before (a crash, not a theme that does not compile): a new one compiles the
      // theme, and this save is built the usual way.
      this.log(`Bộ dựng nóng đã dừng, khởi động lại: ${firstLine(this.warm.failure)}`);
      this.startWarmRenderer();
    }
    // Not waited for: until it has compiled the theme, a save is built the usual way (as fast).
    const warm = schools && this.warm?.isReady ? this.warm : undefined;
    if (schools && this.warm && !warm)
      this.log(`Bộ dựng nóng chưa sẵn sàng, dựng theo cách thường${this.warm.failure ? `: ${firstLine(this.warm.failure)}` : '.'}`);
    let report: BuildReport | undefined;
    this.renderedWarm = false;
    if (warm) {
      report = await buildSites({
        ...options,
        renderer: () => warm.asWorker(),
        finishPool: (this.pool ??= startFinishPool(2)),
        memory: this.memory,
      });
      this.saveHashesLater();
      const failed = report.sites.filter((s) => s.status === 'failed');
      // A failed commit fails the site too; the save then fails as a whole (no second build).
      const recorded = await committing?.then(
        () => true,
        () => false,
      );
      if (failed.length > 0 && recorded !== false) {
        // The threads may be the culprit: the next warm build starts new ones.
        void this.pool?.close();
        this.pool = undefined;
        // Whatever went wrong in the warm renderer, a cold build may still publish the change.
        for (const s of failed) this.log(`Bộ dựng nóng lỗi ở ${s.id}, dựng lại theo cách thường: ${s.error ?? ''}`);
        report = undefined;
      } else this.renderedWarm = true;
    }
    if (!report && warm) {
      // After a failed warm render, a fresh Astro process: the one waiting since the last cold
      // build may be as old as the server (and stays for the next one).
      report = await buildSites({ ...options, renderer: startWorker });
    } else if (!report) {
      // The cold build takes the Astro worker started ahead.
      this.workerWaiting = false;
      report = await buildSites(options);
    }
    const commit = await committing;
    if (this.opts.warmWorker !== false && !this.stopped && !this.workerWaiting) {
      // The next build takes this worker, already loaded: it saves Node's and Astro's start-up.
      prestartWorker();
      this.workerWaiting = true;
    }
    const ms = Math.round(performance.now() - started);
    // A build of one school knows only that school's next time; a full build knows them all.
    const next = report.nextScheduled;
    if (!schools) this.nextDue = next;
    else if (next && (!this.nextDue || next < this.nextDue || this.nextDue <= nowInVietnam(at))) this.nextDue = next;
    // A time already past means the site due then was not published (its build failed): try
    // again in ten minutes rather than at every tick of the scheduler.
    if (this.nextDue && this.nextDue <= nowInVietnam(at)) this.nextDue = nowInVietnam(new Date(at.getTime() + 10 * 60_000));
    for (const site of report.sites) {
      if (site.id === 'host' || (site.status === 'unchanged' && !['save', 'delete', 'revert', 'restore'].includes(kind))) continue;
      const result = this.outcome(site, report, ms);
      this.opts.db.addPublication({
        school: site.id,
        at: at.getTime(),
        kind,
        login: account?.login ?? null,
        authorName: account?.name ?? null,
        ok: result.ok,
        message: result.message.vi,
        commit: commit ?? null,
        ms: result.ok ? ms : 0,
      });
    }
    return report;
  }

  private outcome(site: SiteReport | undefined, report: BuildReport, ms: number): Omit<SaveResult, 'commit'> {
    const time = hhmm(nowInVietnam(this.clock()));
    const url = site?.domain ? `https://${site.domain}/` : undefined;
    if (site && (site.status === 'built' || site.status === 'unchanged')) {
      return {
        ok: true,
        status: 200,
        url,
        ms,
        message: { vi: `Đã đăng lúc ${time}${url ? `: ${url}` : ''}`, en: `Published at ${time}${url ? `: ${url}` : ''}` },
      };
    }
    const why: Localized =
      site?.status === 'blocked'
        ? {
            vi: 'trang web còn lỗi tuân thủ quy định và đơn vị chủ quản đã đặt chế độ không đăng khi còn lỗi (xem bảng tuân thủ)',
            en: 'the site has compliance errors and the host does not publish sites with errors (see the compliance report)',
          }
        : site?.status === 'hostInvalid' || site?.status === 'invalid'
          ? {
              vi: `nội dung của đơn vị chủ quản hoặc của trường có lỗi: ${formatIssues(
                report.issues.filter((i) => i.severity === 'error'),
                'vi',
              )}`,
              en: `the host's or the school's content has errors: ${formatIssues(
                report.issues.filter((i) => i.severity === 'error'),
                'en',
              )}`,
            }
          : {
              vi: `dựng trang bị lỗi (${firstLine(site?.error) ?? 'không rõ'})`,
              en: `the build failed (${firstLine(site?.error) ?? 'unknown'})`,
            };
    return {
      ok: false,
      status: 200,
      url,
      ms,
      message: {
        vi: `Đã lưu lúc ${time} nhưng chưa đăng được: ${why.vi}. Trang web cũ vẫn đang hiển thị. Đơn vị chủ quản đã được báo.`,
        en: `Saved at ${time} but not published: ${why.en}. The previous site is still online. The host has been told.`,
      },
    };
  }
}
