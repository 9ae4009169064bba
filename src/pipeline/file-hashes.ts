/**
 * Content hashes of files, on whichever thread reads them: the build's own thread for a few
 * files, the hashing thread (`hash-thread.ts`) for many.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mapLimit } from '../util/concurrency.ts';

/**
 * The "hash" of a file that cannot be read (a broken link, no permission, removed meanwhile):
 * the school's fingerprint still changes when the file does, and the content loader reports the
 * file to the webmaster; one school's unreadable file must not stop a province's build.
 */
const UNREADABLE = 'unreadable:';
export function unreadableHash(err: unknown): string {
  return `${UNREADABLE}${(err as NodeJS.ErrnoException).code ?? 'error'}`;
}

/** SHA-256 of each file's content, read in parallel (on this thread or the hashing thread). */
export function hashFiles(files: string[]): Promise<string[]> {
  return mapLimit(files, 64, (file) =>
    readFile(file).then(
      (data) => createHash('sha256').update(data).digest('hex'),
      (err: unknown) => unreadableHash(err),
    ),
  );
}

export function isUnreadable(hash: string): boolean {
  return hash.startsWith(UNREADABLE);
}
