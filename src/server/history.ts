/**
 * History of a school's content, read from git (every save is a commit with the editor as
 * author): the versions of an item, the items changed lately, the items deleted. A revert or a
 * restore is an ordinary save (`Publisher.save`): validated, committed with the current editor
 * as author, rebuilt and published, so an old version that no longer validates is refused.
 *
 * Nothing the browser sends reaches git unchecked: the path is checked like every other path
 * (`school-paths.ts`), and a commit id is only used when it is one of the commits git itself
 * lists for that path in this school. Git runs through execFile with argument arrays.
 */
import { execFile } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { git } from './git.ts';
import { checkRelativePath, ForbiddenPath } from './school-paths.ts';

const run = promisify(execFile);

/** One commit that touched an item. */
export interface Version {
  commit: string;
  author: string;
  /** Author time, ms since the epoch. */
  at: number;
  subject: string;
  /** The item's path in that commit, relative to the school (it may have been renamed since). */
  rel: string;
  /** The commit deleted the file: there is no content to go back to. */
  deleted: boolean;
}

const COMMIT_ID = /^[0-9a-f]{40}$/;
const SEP = '\u001f';
const START = '\u001e';
/** Paths as they are (UTF-8), not quoted: Vietnamese file names stay readable. */
const LOG = ['-c', 'core.quotePath=false', 'log', `--format=${START}%H${SEP}%an${SEP}%at${SEP}%s`];

/** A commit id as the browser sent it: 40 lowercase hex digits, or a `ForbiddenPath`-like refusal. */
export function checkCommitId(given: unknown): string {
  if (typeof given !== 'string' || !COMMIT_ID.test(given)) throw new ForbiddenCommit(String(given));
  return given;
}

export class ForbiddenCommit extends Error {
  constructor(given: string) {
    super(`commit ${JSON.stringify(given.slice(0, 80))} is not a version of this item`);
  }
}

/** The school-relative path of a repository path, when it is an editable path of `school`. */
function inSchool(school: string, repoPath: string): string | undefined {
  const prefix = `schools/${school}/`;
  if (!repoPath.startsWith(prefix)) return undefined;
  try {
    return checkRelativePath(repoPath.slice(prefix.length));
  } catch {
    return undefined;
  }
}

/** Parses `git log --name-status` output in the format of `LOG`. */
function parseLog(
  out: string,
): { commit: string; author: string; at: number; subject: string; files: { status: string; path: string }[] }[] {
  return out
    .split(START)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const [head = '', ...lines] = block.split('\n');
      const [commit = '', author = '', at = '0', subject = ''] = head.split(SEP);
      const files = lines
        .filter((l) => l.includes('\t'))
        .map((l) => {
          const parts = l.split('\t');
          // A rename (R100\told\tnew) names the item's path after the commit last.
          return { status: parts[0]!.charAt(0), path: parts[parts.length - 1]! };
        });
      return { commit, author, at: Number(at) * 1000, subject, files };
    });
}

/** The versions of one item (newest first), following renames. `rel` must be checked already. */
export async function itemVersions(contentDir: string, school: string, rel: string): Promise<Version[]> {
  const repoPath = path.posix.join('schools', school, rel);
  const out = await git(contentDir, [...LOG, '--follow', '--name-status', '--', repoPath]);
  const versions: Version[] = [];
  for (const entry of parseLog(out)) {
    const file = entry.files[0];
    const relThen = file ? inSchool(school, file.path) : undefined;
    // A version that lived in another school's folder (moved by hand on the server) is not shown.
    if (!file || !relThen) continue;
    versions.push({
      commit: entry.commit,
      author: entry.author,
      at: entry.at,
      subject: entry.subject,
      rel: relThen,
      deleted: file.status === 'D',
    });
  }
  return versions;
}

/** Items of the school changed most recently (newest first), those that still exist. */
export async function recentItems(
  contentDir: string,
  school: string,
  schoolDir: string,
  limit = 30,
): Promise<(Version & { rel: string })[]> {
  const out = await git(contentDir, [...LOG, '--name-status', '-n', '300', '--', `schools/${school}/`]);
  const seen = new Map<string, Version>();
  for (const entry of parseLog(out)) {
    for (const f of entry.files) {
      const rel = inSchool(school, f.path);
      if (!rel || seen.has(rel) || rel.startsWith('media/')) continue;
      seen.set(rel, { commit: entry.commit, author: entry.author, at: entry.at, subject: entry.subject, rel, deleted: f.status === 'D' });
    }
    if (seen.size >= limit * 2) break;
  }
  const present: Version[] = [];
  for (const v of seen.values()) {
    if (v.deleted) continue;
    const st = await lstat(path.join(schoolDir, ...v.rel.split('/'))).catch(() => null);
    if (st?.isFile()) present.push(v);
    if (present.length >= limit) break;
  }
  return present;
}

/** Files of the school deleted in git history that do not exist now (newest deletion first). */
export async function deletedItems(contentDir: string, school: string, schoolDir: string): Promise<Version[]> {
  const out = await git(contentDir, [...LOG, '--diff-filter=D', '--name-status', '-n', '500', '--', `schools/${school}/`]);
  const seen = new Map<string, Version>();
  for (const entry of parseLog(out)) {
    for (const f of entry.files) {
      const rel = inSchool(school, f.path);
      if (!rel || f.status !== 'D' || seen.has(rel)) continue;
      seen.set(rel, { commit: entry.commit, author: entry.author, at: entry.at, subject: entry.subject, rel, deleted: true });
    }
  }
  const gone: Version[] = [];
  for (const v of seen.values()) {
    const st = await lstat(path.join(schoolDir, ...v.rel.split('/'))).catch(() => null);
    if (!st) gone.push(v);
  }
  return gone;
}

/** The bytes of `repoPath` at `revision` (a validated commit id, optionally with `^`). */
async function blobAt(contentDir: string, revision: string, repoPath: string): Promise<Buffer> {
  const { stdout } = await run('git', ['cat-file', 'blob', `${revision}:${repoPath}`], {
    cwd: contentDir,
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/**
 * The content of `rel` as version `commit` has it, when `commit` is one of the item's versions
 * (and not its deletion); otherwise `ForbiddenCommit`.
 */
export async function versionContent(
  contentDir: string,
  school: string,
  rel: string,
  given: unknown,
): Promise<{ version: Version; data: Buffer }> {
  const commit = checkCommitId(given);
  const version = (await itemVersions(contentDir, school, rel)).find((v) => v.commit === commit);
  if (!version || version.deleted) throw new ForbiddenCommit(commit);
  return { version, data: await blobAt(contentDir, version.commit, path.posix.join('schools', school, version.rel)) };
}

/** The content a deleted file had just before `commit` deleted it, when that is so; otherwise `ForbiddenCommit`. */
export async function deletedContent(
  contentDir: string,
  school: string,
  schoolDir: string,
  rel: string,
  given: unknown,
): Promise<{ version: Version; data: Buffer }> {
  const commit = checkCommitId(given);
  const version = (await deletedItems(contentDir, school, schoolDir)).find((v) => v.commit === commit && v.rel === rel);
  if (!version) throw new ForbiddenCommit(commit);
  return { version, data: await blobAt(contentDir, `${version.commit}^`, path.posix.join('schools', school, rel)) };
}

export { ForbiddenPath };
