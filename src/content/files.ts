/**
 * Files that content refers to (attachments, images, logos). A reference is a path relative
 * to the school's folder. It must exist and stay inside that folder: `../`, absolute paths
 * and symlinks that lead out are refused, so that a school can never publish another
 * school's files or the server's.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { closest } from '../util/slug.ts';
import type { ContentIssue } from '../errors/content-issue.ts';

/** Keys whose string values are file references (see `fileRef()` in the schemas). */
export const FILE_KEYS = new Set(['file', 'logo', 'src', 'photo']);

export interface FileRefUse {
  /** As written, e.g. `media/tep/ke-hoach.pdf`. */
  ref: string;
  /** Field path in the file where it appears. */
  path: (string | number)[];
}

/** Finds every file reference in validated data by its key name. */
export function collectFileRefs(data: unknown, at: (string | number)[] = []): FileRefUse[] {
  const out: FileRefUse[] = [];
  if (Array.isArray(data)) {
    data.forEach((v, i) => out.push(...collectFileRefs(v, [...at, i])));
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (FILE_KEYS.has(k) && typeof v === 'string') out.push({ ref: v, path: [...at, k] });
      else out.push(...collectFileRefs(v, [...at, k]));
    }
  }
  return out;
}

/**
 * A file reference as the loader keys it: NFC, `/` separators, no leading `./`. The loader, the
 * Markdown renderer and the theme look files up with this one function, so a reference written
 * `.\media\tep\a.pdf` or `././media/tep/a.pdf` finds the file the loader checked.
 */
export function normalizeFileRef(ref: string): string {
  return ref.normalize('NFC').replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export type ResolvedFile = { ok: true; abs: string; rel: string } | { ok: false; issue: Omit<ContentIssue, 'file' | 'field'> };

/**
 * Checks one reference against the school folder `root` (an absolute, real path).
 * Returns the absolute path and the normalised relative path on success.
 *
 * The whole path is resolved (`realpath`), not only its last component: a folder symlink
 * inside `media/` that leads to `/etc` must not publish `/etc/passwd`. A name stored on disk
 * in another Unicode form (NFD, as macOS and some unzip tools write Vietnamese names) is
 * matched to the NFC reference, so the webmaster never sees a "did you mean" that looks
 * exactly like what they wrote.
 */
export async function resolveFileRef(root: string, ref: string): Promise<ResolvedFile> {
  const normalized = normalizeFileRef(ref);
  const outside = { ok: false as const, issue: { name: 'fileOutside' as const, severity: 'error' as const, found: JSON.stringify(ref) } };
  if (path.isAbsolute(normalized) || /^[a-z]:/i.test(normalized) || normalized.split('/').includes('..')) return outside;
  const abs = (await lstat(path.join(root, normalized)).then(
    () => path.join(root, normalized),
    () => null,
  )) ?? (await matchUnicodeForms(root, normalized));
  if (abs === null) return { ok: false, issue: await missing(root, normalized, ref) };
  const real = await realpath(abs).catch(() => null);
  if (real === null) return { ok: false, issue: await missing(root, normalized, ref) };
  if (real !== root && !real.startsWith(root + path.sep)) return outside;
  const stat = await lstat(real).catch(() => null);
  if (!stat?.isFile()) return { ok: false, issue: await missing(root, normalized, ref) };
  return { ok: true, abs: real, rel: path.relative(root, abs).split(path.sep).join('/').normalize('NFC') };
}

/**
 * Finds `rel` under `root` comparing each name in NFC: the path as it is on disk, or null.
 * Only called when the exact path does not exist, so the common case costs one `lstat`.
 */
async function matchUnicodeForms(root: string, rel: string): Promise<string | null> {
  let dir = root;
  for (const segment of rel.split('/').filter((s) => s !== '' && s !== '.')) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const found = names.find((n) => n === segment) ?? names.find((n) => n.normalize('NFC') === segment);
    if (found === undefined) return null;
    dir = path.join(dir, found);
  }
  return dir;
}

async function missing(root: string, normalized: string, ref: string) {
  const dir = path.posix.dirname(normalized);
  let suggestion = '';
  try {
    const names = await readdir(path.join(root, dir));
    const guess = closest(path.posix.basename(normalized), names);
    if (guess) suggestion = ` Có phải là ${path.posix.join(dir, guess)}? / Did you mean ${path.posix.join(dir, guess)}?`;
  } catch {
    // The folder itself does not exist; no suggestion.
  }
  return {
    name: 'fileMissing' as const,
    severity: 'error' as const,
    found: JSON.stringify(ref),
    args: { dir: dir === '.' ? 'thư mục của trường' : `${dir}/`, suggestion },
  };
}
