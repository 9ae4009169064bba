/**
 * Every path the editor sends is relative to the school's folder, and is checked here on the
 * server before anything is read or written: the browser is never trusted. A path is refused
 * (403) when it is absolute, has a `..` segment, a backslash or a control character, leaves
 * the folders the editor edits, or passes through a symbolic link (a link could point into
 * another school's folder or anywhere on the server).
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS } from '../content/collections.ts';

/** Top-level names of a school folder that the editor may touch. */
const EDITABLE_ROOTS = new Set<string>([...Object.keys(COLLECTIONS), 'media', 'school.yaml']);

export class ForbiddenPath extends Error {
  readonly given: string;
  constructor(given: string) {
    super(`forbidden path ${JSON.stringify(given)}`);
    this.given = given;
  }
}

/** The normalised relative path (`news/a.md`), or a `ForbiddenPath`. Pure: no file system access. */
export function checkRelativePath(given: unknown): string {
  if (typeof given !== 'string' || given === '' || given.length > 300) throw new ForbiddenPath(String(given));
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(given) || given.startsWith('/') || /^[a-zA-Z]:/.test(given)) throw new ForbiddenPath(given);
  const parts = given.replace(/\/+$/, '').split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'))) throw new ForbiddenPath(given);
  if (!EDITABLE_ROOTS.has(parts[0]!)) throw new ForbiddenPath(given);
  return parts.join('/');
}

/**
 * Resolves a checked relative path inside `schoolDir` and makes sure no existing part of it is a
 * symbolic link (so the real path is the lexical one, inside the school). Returns the absolute
 * path; it may not exist yet.
 */
export async function resolveInSchool(schoolDir: string, given: unknown): Promise<{ rel: string; abs: string }> {
  const rel = checkRelativePath(given);
  const root = await realpath(schoolDir);
  let current = root;
  for (const part of rel.split('/')) {
    current = path.join(current, part);
    const st = await lstat(current).catch(() => null);
    if (!st) break; // the rest does not exist yet: nothing to follow
    if (st.isSymbolicLink()) throw new ForbiddenPath(String(given));
  }
  const abs = path.join(root, ...rel.split('/'));
  if (!abs.startsWith(root + path.sep)) throw new ForbiddenPath(String(given));
  return { rel, abs };
}
