/**
 * Worker thread that reads and hashes files for `FileHashes` on a first or cold build, so that
 * the orchestrator's thread can load the content (Markdown, YAML, validation) at the same time
 * instead of after: on 2 cores the two then overlap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hashFiles } from './file-hashes.ts';

parentPort!.postMessage(await hashFiles(workerData as string[]));
