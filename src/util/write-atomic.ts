/**
 * Writes a file so that readers (and a build killed half-way) see either the old content or the
 * new one, never a partial file: write beside it, then rename over it.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Unique per call: two writes of the same file in one process never share a temporary name.
  const tmp = `${file}.${process.pid}.${counter++}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
