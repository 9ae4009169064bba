/**
 * Worker thread that reads and hashes files for `FileHashes` on a first or cold build, so that
 * the orchestrator's thread can load the content (Markdown, YAML, validation) at the same time
 * instead of after: on 2 cores the two then overlap.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { mapLimit } from '../util/concurrency.ts';

const files = workerData as string[];
const hashes = await mapLimit(files, 64, async (file) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex'),
);
parentPort!.postMessage(hashes);
