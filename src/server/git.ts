/**
 * The content folder is a git repository: every save is one commit whose author is the editor
 * (the server is the committer), so the history says who changed what and when, and a hosting
 * unit can mirror it as a backup.
 */
import { execFile } from 'node:child_process';
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The server commits as itself; the editor is the author. */
const COMMITTER = { name: 'Cổng Trường', email: 'congtruong@localhost' };

/** A name or address as git's identity line takes it (no angle brackets, no line breaks). */
const identity = (s: string) => s.replace(/[<>\n\r]/g, '').trim();

/** Runs git in `cwd`; the identity and the locale are fixed so that output is predictable. */
export async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_COMMITTER_NAME: COMMITTER.name,
      GIT_COMMITTER_EMAIL: COMMITTER.email,
      ...env,
    },
  });
  return stdout;
}

/** The top folder of the repository `dir` is in, or undefined when it is in none. */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  return git(dir, ['rev-parse', '--show-toplevel']).then(
    (out) => out.trim(),
    () => undefined,
  );
}

/** Git's C-style quoting of a path for fast-import (`"…"` with `\\`, `"` and control bytes escaped). */
function quoted(p: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${p.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\x00-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}"`;
}

/** Git's date format for fast-import (`<seconds> <±hhmm>`), in Vietnam time as teachers read it. */
const gitDate = (at: Date) => `${Math.floor(at.getTime() / 1000)} +0700`;

/**
 * Commits exactly `paths` (added, changed or deleted; relative to `cwd`) with `author` as the
 * author. Other changes in the working tree or the index are left alone. Returns the commit id,
 * or undefined when the paths did not change anything.
 *
 * A save's commit runs while its school renders, on the same two cores, so it is made with
 * git's plumbing rather than `git add` + `git commit --only`: those read and rewrite the whole
 * index and stat every file of the repository (a province: 20,000 files), about twice the CPU.
 * The blobs are written by `hash-object`, compared with the branch's tree (`ls-tree`, nothing
 * changed → no commit), and the commit is made by `fast-import` from the branch's tip, which
 * refuses to move a branch that moved meanwhile. The index then gets the new blobs of these
 * paths only, so that `git status` stays clean. `fast-import` runs no hooks and no automatic
 * `gc` (see `maintain`).
 */
export async function commitPaths(
  cwd: string,
  paths: string[],
  message: string,
  author: { name: string; email: string },
  at: Date = new Date(),
): Promise<string | undefined> {
  const branch = (await git(cwd, ['symbolic-ref', '-q', 'HEAD'])).trim();
  const tip = (await git(cwd, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']).catch(() => '')).trim();
  // The content folder may be a folder of the repository: git's plumbing names paths from its top.
  const prefix = await prefixOf(cwd);
  const unique = [...new Set(paths)];
  const full = (p: string) => path.posix.join(prefix, p);
  // What each path is now: a blob (written) with its mode, or gone.
  const present: string[] = [];
  const modes = new Map<string, string>();
  for (const p of unique) {
    const st = await lstat(path.join(cwd, p)).catch(() => null);
    if (!st) continue;
    // Only regular files are content; a link or a folder here is not something a save writes.
    if (!st.isFile()) throw new Error(`Not a regular file, not committed: ${p}`);
    present.push(p);
    modes.set(p, st.mode & 0o111 ? '100755' : '100644');
  }
  const blobs = new Map<string, string>();
  if (present.length > 0) {
    const ids = (await git(cwd, ['hash-object', '-w', '--', ...present])).trim().split('\n');
    present.forEach((p, i) => blobs.set(p, ids[i]!));
  }
  // What the branch has at these paths.
  const before = new Map<string, string>();
  if (tip) {
    for (const line of (await git(cwd, ['ls-tree', '-z', '--full-tree', tip, '--', ...unique.map(full)])).split('\0')) {
      const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (m) before.set(m[3]!, `${m[1]} ${m[2]}`);
    }
  }
  const changed = unique.filter((p) => (blobs.has(p) ? before.get(full(p)) !== `${modes.get(p)} ${blobs.get(p)}` : before.has(full(p))));
  if (changed.length === 0) return undefined;
  const body = Buffer.from(message, 'utf8');
  const stream = [
    `commit ${branch}`,
    `author ${identity(author.name)} <${identity(author.email)}> ${gitDate(at)}`,
    `committer ${COMMITTER.name} <${COMMITTER.email}> ${gitDate(at)}`,
    `data ${body.length}`,
  ].join('\n');
  const changes = changed.map((p) => (blobs.has(p) ? `M ${modes.get(p)} ${blobs.get(p)} ${quoted(full(p))}` : `D ${quoted(full(p))}`));
  const input = Buffer.concat([Buffer.from(`${stream}\n`), body, Buffer.from(`\n${tip ? `from ${tip}\n` : ''}${changes.join('\n')}\n\n`)]);
  // The index first: a server killed after the commit but before the index would leave `git
  // status` showing the save undone; killed before the commit, the save's journal puts the
  // paths back, index included (`restorePaths`).
  const entries = changed.map((p) =>
    blobs.has(p) ? `${modes.get(p)} ${blobs.get(p)}\t${full(p)}\0` : `0 ${'0'.repeat(tip.length || 40)}\t${full(p)}\0`,
  );
  await gitWithInput(cwd, ['update-index', '-z', '--index-info'], Buffer.from(entries.join('')));
  try {
    await gitWithInput(cwd, ['fast-import', '--quiet', '--done'], Buffer.concat([input, Buffer.from('done\n')]));
  } catch (err) {
    // Nothing recorded (the branch moved, a full disk): the index goes back to the branch's.
    if (tip) await git(cwd, ['reset', '--quiet', tip, '--', ...changed]).catch(() => undefined);
    else await git(cwd, ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...changed]).catch(() => undefined);
    throw err;
  }
  const commit = (await git(cwd, ['rev-parse', branch])).trim();
  return commit;
}

const prefixes = new Map<string, string>();
/** Where `cwd` is inside its repository (`''` at the top, else `folder/`); it cannot change while the server runs. */
async function prefixOf(cwd: string): Promise<string> {
  let prefix = prefixes.get(cwd);
  if (prefix === undefined) {
    prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).trim();
    prefixes.set(cwd, prefix);
  }
  return prefix;
}

/** Runs git with `input` on its standard input. */
function gitWithInput(cwd: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => (err ? reject(new Error(`git ${args[0]}: ${String(stderr).trim() || err.message}`)) : resolve(stdout)),
    );
    child.stdin!.end(input);
  });
}

/**
 * `git gc --auto`: each save leaves a few loose objects, which git packs once they pass its limit
 * (`gc.auto`, 6,700). `git commit` did this inside the save, now and then for seconds; the server runs it in its
 * queue once saves pause, never beside a commit (both take git's locks).
 */
export async function maintain(cwd: string): Promise<void> {
  await git(cwd, ['gc', '--auto', '--quiet']);
}

/**
 * Removes the lock files a killed server leaves behind (the index's, the branch's): every later
 * commit would fail on them. The server is the repository's only writer while it runs, so they
 * are stale. Returns the ones removed.
 */
export async function removeStaleLocks(cwd: string): Promise<string[]> {
  const branch = (await git(cwd, ['symbolic-ref', '-q', 'HEAD']).catch(() => '')).trim();
  const locks = ['index.lock', ...(branch ? [`${branch}.lock`] : []), 'packed-refs.lock', 'HEAD.lock'];
  const removed: string[] = [];
  for (const l of locks) {
    const abs = path.resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', l])).trim());
    if (
      await rm(abs).then(
        () => true,
        () => false,
      )
    )
      removed.push(abs);
  }
  return removed;
}

/**
 * Puts `paths` back as they are in the last commit (removing those the commit does not have):
 * what a save interrupted before its commit left behind.
 */
export async function restorePaths(cwd: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    // In the last commit (not merely in the index, which an interrupted commit may have updated).
    const tracked = (await git(cwd, ['ls-tree', '--name-only', 'HEAD', '--', p]).catch(() => '')).trim() !== '';
    if (tracked) await git(cwd, ['checkout', 'HEAD', '--', p]);
    else {
      await git(cwd, ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', p]).catch(() => undefined);
      await rm(path.join(cwd, p), { force: true });
    }
  }
}
