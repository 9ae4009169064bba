/**
 * Astro worker processes (`astro-worker.ts`). A worker is started ahead of its job and waits for
 * it on standard input: loading Node, Astro and the engine takes about a second, which then
 * overlaps with the orchestrator's own work. This module is small on purpose: the command line
 * starts the first worker before it loads the build engine.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import type { RenderedPages } from './warm-protocol.ts';

export const ASTRO_WORKER = fileURLToPath(new URL('./astro-worker.ts', import.meta.url));

/** `pages`: only from the warm renderer, which renders again only the pages that changed. */
export type WorkerResult =
  { ok: true; maxRssKb: number; steps: Record<string, number>; pages?: RenderedPages | undefined } | { ok: false; error: string };

export interface AstroWorker {
  /** Hands the worker its job and waits for it to finish. */
  run(jobFile: string): Promise<WorkerResult>;
  /** Stops a worker that got no job. */
  cancel(): void;
}

export function startWorker(): AstroWorker {
  const child = spawn(process.execPath, [ASTRO_WORKER], {
    cwd: PACKAGE_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  // A worker that died before its job gets an EPIPE here; `close` reports the failure.
  child.stdin.on('error', () => {});
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A worker waiting for a job does not keep the orchestrator alive: if the build fails before
  // handing out its jobs, the process can still exit, and the worker then sees its input close.
  const handles = [child, child.stdin, child.stdout, child.stderr] as { ref(): void; unref(): void }[];
  for (const h of handles) h.unref();
  return {
    async run(jobFile) {
      for (const h of handles) h.ref();
      child.stdin.end(`${jobFile}\n`);
      const code = await closed;
      const stats = /CONGTRUONG_STATS (\{.*\})/.exec(output);
      if (code === 0) {
        const parsed = stats ? (JSON.parse(stats[1]!) as { maxRssKb: number; steps: Record<string, number> }) : undefined;
        return { ok: true, maxRssKb: parsed?.maxRssKb ?? 0, steps: parsed?.steps ?? {} };
      }
      return { ok: false, error: output.trim().split('\n').slice(0, 8).join('\n') || `exit code ${code}` };
    },
    cancel() {
      // An unused worker may still be loading Astro: stop it rather than let it finish for nothing.
      child.kill();
    },
  };
}

const prestarted: AstroWorker[] = [];

/** Starts a worker now, for the next build of this process (see `takeWorker`). */
export function prestartWorker(): void {
  prestarted.push(startWorker());
}

/** A worker started ahead by `prestartWorker`, or a new one. */
export function takeWorker(): AstroWorker {
  return prestarted.shift() ?? startWorker();
}
