/**
 * Worker thread of the finishing pool (`finish-pool.ts`): finishes assembled sites in one pass
 * (`finish-site.ts`), or only indexes or precompresses one. Both are mostly synchronous work on the thread that runs them (see `index-site.ts` and
 * `precompress.ts`), so a pool of threads uses every core once Astro has finished rendering.
 * Each thread runs its own Pagefind service.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { precompressSite } from '../hosting/precompress.ts';
import { closeSearchIndexer, indexSite, warmUpSearchIndexer } from '../search/index-site.ts';
import { finishSite, type FinishSiteInput } from './finish-site.ts';

export type FinishRequest =
  | ({ id: number; op: 'finish' } & FinishSiteInput)
  | { id: number; op: 'index'; dir: string; cacheDir: string; base: string }
  | { id: number; op: 'compress'; dir: string; skipDir?: string | undefined; previous?: string | undefined }
  | { id: number; op: 'warm-up' }
  | { id: number; op: 'close' };

export type FinishResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string; code?: string | undefined };

async function handle(req: FinishRequest): Promise<unknown> {
  switch (req.op) {
    case 'finish':
      return finishSite({ dir: req.dir, cacheDir: req.cacheDir, base: req.base, skipDir: req.skipDir, previous: req.previous });
    case 'index':
      return indexSite(req.dir, req.cacheDir, req.base);
    case 'compress': {
      const skipDir = req.skipDir;
      return precompressSite(req.dir, (f) => skipDir !== undefined && f.includes(`${path.sep}${skipDir}${path.sep}`), req.previous);
    }
    case 'warm-up':
      return warmUpSearchIndexer();
    case 'close':
      return closeSearchIndexer();
  }
}

parentPort!.on('message', (req: FinishRequest) => {
  handle(req).then(
    (result) => parentPort!.postMessage({ id: req.id, ok: true, result } satisfies FinishResponse),
    (err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      // The code (ENOSPC …) crosses the thread boundary: the build explains a full disk.
      parentPort!.postMessage({ id: req.id, ok: false, message: e?.message ?? String(err), code: e?.code } satisfies FinishResponse);
    },
  );
});
