/** Listing a folder tree. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Files under `dir`, recursively, as absolute paths. */
export async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
}
