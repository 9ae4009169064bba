/**
 * The content folder is a git repository: every save is one commit whose author is the editor
 * (the server is the committer), so the history says who changed what and when, and a hosting
 * unit can mirror it as a backup.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs git in `cwd`; the identity and the locale are fixed so that output is predictable. */
export async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      LC_ALL: 'C',
      GIT_TERMINAL_PROMPT: '0',
      GIT_COMMITTER_NAME: 'Cổng Trường',
      GIT_COMMITTER_EMAIL: 'congtruong@localhost',
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

/**
 * Commits exactly `paths` (added, changed or deleted; relative to `cwd`) with `author` as the
 * author. Other changes in the working tree or the index are left alone. Returns the commit id,
 * or undefined when the paths did not change anything.
 */
export async function commitPaths(
  cwd: string,
  paths: string[],
  message: string,
  author: { name: string; email: string },
): Promise<string | undefined> {
  await git(cwd, ['add', '--all', '--', ...paths]);
  const staged = await git(cwd, ['diff', '--cached', '--name-only', '--', ...paths]);
  if (staged.trim() === '') return undefined;
  await git(cwd, ['commit', '--quiet', '--no-verify', '-m', message, '--only', '--', ...paths], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
  });
  return (await git(cwd, ['rev-parse', 'HEAD'])).trim();
}

/**
 * Puts `paths` back as they are in the last commit (removing those the commit does not have):
 * what a save interrupted before its commit left behind.
 */
export async function restorePaths(cwd: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    const tracked = await git(cwd, ['ls-files', '--error-unmatch', '--', p]).then(
      () => true,
      () => false,
    );
    if (tracked) await git(cwd, ['checkout', 'HEAD', '--', p]);
    else {
      await git(cwd, ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', p]).catch(() => undefined);
      await rm(path.join(cwd, p), { force: true });
    }
  }
}
