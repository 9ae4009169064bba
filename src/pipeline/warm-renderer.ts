/**
 * The server's handle on its warm render process (`warm-worker.ts`): started once, it compiles
 * the theme (a few seconds, off the save path), then renders each save's school without Node's,
 * Astro's or Vite's start-up. It looks like an Astro worker to `buildSites` (`run(jobFile)`), so
 * that a warm save goes through the very same assembly, search index, compression and atomic
 * publish as any build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AstroWorker, WorkerResult } from './astro-workers.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import type { WarmReply, WarmRequest } from './warm-protocol.ts';

export const WARM_WORKER = fileURLToPath(new URL('./warm-worker.ts', import.meta.url));

export interface WarmRendererOptions {
  /** Vite's cache folder for the one build. */
  cacheDir: string;
  log?: ((line: string) => void) | undefined;
  /**
   * Take the pages whose inputs did not change from the school's last job (`warm-worker.ts`).
   * Default true; false renders every page of every job (the tests' reference).
   */
  reuse?: boolean | undefined;
}

export class WarmRenderer {
  /** Settles when the theme is compiled: true, or false when the renderer could not start. */
  readonly ready: Promise<boolean>;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (r: WorkerResult) => void>();
  private nextId = 0;
  private dead: string | undefined;
  private started = false;
  private output = '';

  constructor(opts: WarmRendererOptions) {
    this.child = spawn(process.execPath, [WARM_WORKER, opts.cacheDir, ...(opts.reuse === false ? ['--no-reuse'] : [])], {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Jobs carry loaded content with its `Map`s.
      serialization: 'advanced',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    // Astro's error lines (a template that throws) explain a failed job; the last ones are kept.
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    let settle: (ok: boolean) => void = () => {};
    this.ready = new Promise<boolean>((resolve) => (settle = resolve));
    this.child.on('message', (m: WarmReply) => {
      if ('ready' in m) {
        if (!m.ready) this.dead = m.error;
        else opts.log?.('Bộ dựng nóng đã sẵn sàng (giao diện đã biên dịch).');
        this.started = m.ready;
        settle(m.ready);
        return;
      }
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      done?.(m.ok ? { ok: true, maxRssKb: m.maxRssKb, steps: m.steps, pages: m.pages } : { ok: false, error: m.error });
    });
    this.child.on('exit', (code, signal) => {
      this.dead ??= `The warm renderer stopped (${signal ?? `exit code ${code}`}). ${this.output.trim().split('\n').slice(-8).join('\n')}`;
      settle(false);
      for (const done of this.pending.values()) done({ ok: false, error: this.dead });
      this.pending.clear();
    });
    // An idle renderer does not keep the server's process alive.
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  /** Why the renderer cannot render, once it has stopped. */
  get failure(): string | undefined {
    return this.dead;
  }

  /** Renders one job file (`buildSites`'s batch); the process renders one job at a time. */
  run(jobFile: string): Promise<WorkerResult> {
    if (this.dead) return Promise.resolve({ ok: false, error: this.dead });
    const id = this.nextId++;
    this.output = '';
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const failSchool = process.env.CONGTRUONG_TEST_FAIL_WARM ?? process.env.CONGTRUONG_TEST_FAIL_SCHOOL;
      this.child.send({ id, jobFile, failSchool } satisfies WarmRequest);
    });
  }

  /** The renderer as `buildSites` takes its Astro workers: cancelling one never stops the process. */
  asWorker(): AstroWorker {
    return { run: (jobFile) => this.run(jobFile), cancel: () => {} };
  }

  /** Whether the theme is compiled and the renderer is running. */
  get isReady(): boolean {
    return this.started && this.dead === undefined;
  }

  /** Whether the renderer compiled the theme and then stopped (a crash): a new one may do better. */
  get crashed(): boolean {
    return this.started && this.dead !== undefined;
  }

  close(): void {
    // Disconnecting lets the worker remove its folder; a worker still compiling is stopped.
    if (this.child.connected) this.child.disconnect();
    setTimeout(() => this.child.kill(), 5000).unref();
  }
}
