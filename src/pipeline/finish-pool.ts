/**
 * A pool of worker threads that index and precompress assembled sites (`finish-thread.ts`).
 * Their work is synchronous file I/O, parsing and zlib, which on the orchestrator's own thread
 * made finishing one site after another the bottleneck of a province build once Astro was done.
 */
import { Worker } from 'node:worker_threads';
import type { IndexResult } from '../search/index-site.ts';
import type { FinishRequest, FinishResponse } from './finish-thread.ts';
import type { FinishSiteInput, FinishSiteResult } from './finish-site.ts';

type Request = FinishRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface FinishPool {
  /** Rebases, indexes and precompresses a site in one pass over its files (`finish-site.ts`). */
  finish(input: FinishSiteInput): Promise<FinishSiteResult>;
  index(dir: string, cacheDir: string, base: string): Promise<IndexResult>;
  /** Precompresses `dir`, skipping files under folders named `skipDir`, reusing `previous`. */
  compress(dir: string, skipDir?: string, previous?: string): Promise<number>;
  /** Starts every thread's Pagefind service ahead of the first site. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

const THREAD = new URL('./finish-thread.ts', import.meta.url);

export function startFinishPool(size: number): FinishPool {
  let nextId = 0;
  interface Thread {
    worker: Worker;
    pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
    dead?: Error;
  }
  const threads: Thread[] = Array.from({ length: Math.max(1, size) }, () => {
    const thread: Thread = { worker: new Worker(THREAD), pending: new Map() };
    thread.worker.on('message', (res: FinishResponse) => {
      const p = thread.pending.get(res.id);
      if (!p) return;
      thread.pending.delete(res.id);
      if (thread.pending.size === 0) thread.worker.unref();
      if (res.ok) p.resolve(res.result);
      else p.reject(Object.assign(new Error(res.message), { code: res.code }));
    });
    // A crashed thread fails what it was doing (the build reports those sites as failed) and
    // gets no more work.
    const fail = (err: Error) => {
      thread.dead ??= err;
      for (const p of thread.pending.values()) p.reject(err);
      thread.pending.clear();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => fail(new Error(`The finishing thread stopped (exit code ${code}).`)));
    // Idle threads do not keep the process alive.
    thread.worker.unref();
    return thread;
  });
  const send = <T>(thread: Thread | undefined, req: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!thread || thread.dead) return reject(thread?.dead ?? new Error('No finishing thread is left.'));
      const id = nextId++;
      thread.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      thread.worker.ref();
      thread.worker.postMessage({ ...req, id });
    });
  const leastBusy = () =>
    threads
      .filter((t) => !t.dead)
      .reduce<Thread | undefined>((a, b) => (a === undefined || b.pending.size < a.pending.size ? b : a), undefined);
  return {
    finish: (input) => send<FinishSiteResult>(leastBusy(), { op: 'finish', ...input }),
    index: (dir, cacheDir, base) => send<IndexResult>(leastBusy(), { op: 'index', dir, cacheDir, base }),
    compress: (dir, skipDir, previous) => send<number>(leastBusy(), { op: 'compress', dir, skipDir, previous }),
    async warmUp() {
      await Promise.all(threads.map((t) => send(t, { op: 'warm-up' })));
    },
    async close() {
      await Promise.allSettled(threads.filter((t) => !t.dead).map((t) => send(t, { op: 'close' })));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
