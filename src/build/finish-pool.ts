/**
 * A pool of worker threads that index and precompress assembled sites (`finish-thread.ts`).
 * Their work is synchronous file I/O, parsing and zlib, which on the orchestrator's own thread
 * made finishing one site after another the bottleneck of a province build once Astro was done.
 */
import { Worker } from 'node:worker_threads';
import type { IndexResult } from '../search/index-site.ts';
import type { FinishRequest, FinishResponse } from './finish-thread.ts';

type Request = FinishRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface FinishPool {
  index(dir: string, cacheDir: string, base: string): Promise<IndexResult>;
  /** Precompresses `dir`, skipping files under folders named `skipDir`, reusing `previous`. */
  compress(dir: string, skipDir?: string, previous?: string): Promise<number>;
  /** Starts every thread's Pagefind service ahead of the first site. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

const THREAD = new URL('./finish-thread.ts', import.meta.url);

export function startFinishPool(size: number): FinishPool {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const threads = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(THREAD);
    const thread = { worker, busy: 0 };
    worker.on('message', (res: FinishResponse) => {
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      thread.busy--;
      if (res.ok) p.resolve(res.result);
      else p.reject(Object.assign(new Error(res.message), { code: res.code }));
    });
    worker.on('error', (err) => {
      // A crashed thread fails what it was doing; the build reports those sites.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err);
      }
    });
    // Idle threads do not keep the process alive.
    worker.unref();
    return thread;
  });
  const send = <T>(thread: (typeof threads)[number], req: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      thread.busy++;
      thread.worker.ref();
      thread.worker.postMessage({ ...req, id });
    }).finally(() => {
      if (thread.busy === 0) thread.worker.unref();
    });
  const leastBusy = () => threads.reduce((a, b) => (b.busy < a.busy ? b : a));
  return {
    index: (dir, cacheDir, base) => send<IndexResult>(leastBusy(), { op: 'index', dir, cacheDir, base }),
    compress: (dir, skipDir, previous) => send<number>(leastBusy(), { op: 'compress', dir, skipDir, previous }),
    async warmUp() {
      await Promise.all(threads.map((t) => send(t, { op: 'warm-up' })));
    },
    async close() {
      await Promise.allSettled(threads.map((t) => send(t, { op: 'close' })));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
