/**
 * The build's options and report (the shapes the server, the command line and the benchmark
 * use), the site a stage hands to the next (`BatchSite`) and the clock every stage reports its
 * time to.
 */
import type { LoadedHost, LoadedSchool } from '../content/load.ts';
import type { LoadMemo } from '../content/load-memo.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import type { Lang } from '../errors/content-errors.ts';
import type { BuildProgress } from './progress.ts';
import type { AstroWorker } from './astro-workers.ts';
import type { FileHashes } from './fingerprint.ts';
import type { FinishPool } from './finish-pool.ts';
import { buildMessage, type BuildMessage } from './build-messages.ts';

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
  /** Language of the log lines (`--lang`). Default Vietnamese. */
  lang?: Lang | undefined;
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
  /**
   * What the last loads of the same schools computed (parsed files, rendered bodies, checked
   * images), kept by the server between a save's validation and its build and from one save to
   * the next: only what changed is loaded again. Default: everything is loaded.
   */
  loadMemo?: LoadMemo | undefined;
  /** Threads that index and compress, kept by the caller between builds (not closed here). Default: a pool for this build. */
  finishPool?: FinishPool | undefined;
  /**
   * Awaited before each site is swapped in; when it throws, the site fails and the published one
   * stays. The server records the save in git meanwhile and publishes nothing unrecorded.
   */
  beforePublish?: (() => Promise<void>) | undefined;
  /**
   * Return once each site is swapped in, and remove the version it replaced afterwards (the
   * server answers the editor first; `removalsDone` in `publish.ts` waits for them). Default:
   * removed before the build returns.
   */
  deferRemoval?: boolean | undefined;
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

export type Stage = 'fingerprint' | 'load' | 'prepare' | 'render' | 'assemble' | 'host' | 'index' | 'compress' | 'publish';

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
  timings: Record<Stage, number>;
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

/** A site on its way through render, finish and publish. */
export interface BatchSite {
  kind: 'school' | 'host';
  compliance?: { errors: number; warnings: number } | undefined;
  id: string;
  /** Its folder in Astro's output (`<school id>` or `host/portal`). */
  route: string;
  /** The address it is served at (`src/site/address.ts`). */
  domain: string;
  site: LoadedSchool | LoadedHost;
}

/** Where the time of a build goes: summed per stage, and a timeline of the steps. */
export class BuildClock {
  readonly started = performance.now();
  readonly timings: Record<Stage, number> = {
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
  readonly timeline: TimelineEvent[] = [];

  /** Seconds since the build started. */
  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  mark(event: string): void {
    this.timeline.push({ at: Math.round(performance.now() - this.started) / 1000, event });
  }

  /** Adds the time of `task` to `stage`. */
  async timed<T>(stage: Stage, task: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await task();
    } finally {
      this.timings[stage] += (performance.now() - t0) / 1000;
    }
  }
}

/** The build's log, in the language asked for. */
export interface BuildLog {
  (name: BuildMessage, args?: Record<string, string | number>): void;
}

export function buildLog(opts: Pick<BuildOptions, 'log' | 'lang'>): BuildLog {
  const write = opts.log ?? (() => {});
  const lang = opts.lang ?? 'vi';
  return (name, args) => write(buildMessage(lang, name, args));
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

export function siteReport(s: BatchSite, status: SiteStatus, pages: number, error?: string): SiteReport {
  return { id: s.id, name: s.site.config.name, domain: s.domain, status, pages, error, keptPrevious: false, compliance: s.compliance };
}
