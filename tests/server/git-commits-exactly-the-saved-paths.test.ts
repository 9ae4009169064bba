/**
 * The commit of a save (`commitPaths`, git's plumbing rather than `git add` + `git commit`),
 * against real git in temporary repositories: exactly the saved paths are recorded, with the
 * editor as author and the server as committer; nothing else the index or the folder holds is
 * swept in; nothing changed makes no commit; the index follows so that `git status` is clean; a
 * content folder inside a repository, names with spaces, quotes and Vietnamese letters, and a
 * repository without commits work; locks left by a killed server are removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths, maintain, removeStaleLocks, restorePaths } from '../../src/server/git.ts';
import { tempDir } from '../helpers.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
const EDITOR = { name: 'Trần Thị Alpha', email: 'alpha@thunghiem.edu.vn' };

async function repo(files: Record<string, string>, commit = true): Promise<string> {
  const dir = await tempDir('congtruong-git-');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  if (commit) {
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=Host', '-c', 'user.email=host@example.edu.vn', 'commit', '--quiet', '-m', 'Nội dung ban đầu');
  }
  return dir;
}

describe('the commit of a save', () => {
  it('records the saved paths with the editor as author and the server as committer, and leaves git status clean', async () => {
    const dir = await repo({ 'schools/a/news/tin.md': 'cũ\n', 'schools/a/news/cu.md': 'xoá\n', 'schools/b/x.md': 'b\n' });
    await writeFile(path.join(dir, 'schools/a/news/tin.md'), 'mới\n');
    await writeFile(path.join(dir, 'schools/a/news/moi.md'), 'thêm\n');
    await rm(path.join(dir, 'schools/a/news/cu.md'));
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    const id = await commitPaths(
      dir,
      ['schools/a/news/tin.md', 'schools/a/news/moi.md', 'schools/a/news/cu.md'],
      'Sửa tin “tin”\n\nNgười duyệt: Phạm Văn Hiệu Trưởng',
      EDITOR,
    );
    expect(id).toBe(git(dir, 'rev-parse', 'HEAD').trim());
    expect(git(dir, 'rev-parse', 'HEAD~1').trim()).toBe(before);
    expect(git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s|%b').trim()).toBe(
      'Trần Thị Alpha <alpha@thunghiem.edu.vn>|Cổng Trường <congtruong@localhost>|Sửa tin “tin”|Người duyệt: Phạm Văn Hiệu Trưởng',
    );
    expect(git(dir, 'show', '--name-status', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'A\tschools/a/news/moi.md',
      'D\tschools/a/news/cu.md',
      'M\tschools/a/news/tin.md',
    ]);
    expect(git(dir, 'show', 'HEAD:schools/a/news/tin.md')).toBe('mới\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('makes no commit when the saved paths did not change', async () => {
    const dir = await repo({ 'a.md': 'a\n' });
    const head = git(dir, 'rev-parse', 'HEAD');
    expect(await commitPaths(dir, ['a.md', 'khong-co.md'], 'x', EDITOR)).toBeUndefined();
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('leaves another change staged or in the folder out of the commit, and in place', async () => {
    const dir = await repo({ 'a.md': 'a\n', 'staged.md': 's\n', 'edited.md': 'e\n' });
    await writeFile(path.join(dir, 'staged.md'), 's2\n');
    git(dir, 'add', 'staged.md');
    await writeFile(path.join(dir, 'edited.md'), 'e2\n');
    await writeFile(path.join(dir, 'a.md'), 'a2\n');
    await commitPaths(dir, ['a.md'], 'Sửa a', EDITOR);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('a.md');
    expect(git(dir, 'status', '--porcelain').split('\n').filter(Boolean).sort()).toEqual([' M edited.md', 'M  staged.md']);
  });

  it('works for a content folder inside a repository, and names with spaces, quotes and Vietnamese letters', async () => {
    const dir = await repo({ 'README.md': 'r\n', 'noi-dung/schools/a/x.md': 'x\n' });
    const content = path.join(dir, 'noi-dung');
    const name = 'schools/a/media/Kế hoạch "tuần" 1.pdf';
    await mkdir(path.dirname(path.join(content, name)), { recursive: true });
    await writeFile(path.join(content, name), '%PDF-1.4\n');
    await writeFile(path.join(content, 'schools/a/x.md'), 'x2\n');
    await commitPaths(content, [name, 'schools/a/x.md'], 'Tải lên', EDITOR);
    expect(git(dir, 'show', '--name-only', '-z', '--format=', 'HEAD').split('\0').filter(Boolean).sort()).toEqual([
      `noi-dung/${name}`,
      'noi-dung/schools/a/x.md',
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('makes the first commit of a repository that has none', async () => {
    const dir = await repo({ 'a.md': 'a\n' }, false);
    const id = await commitPaths(dir, ['a.md'], 'Đầu tiên', EDITOR);
    expect(id).toBe(git(dir, 'rev-parse', 'HEAD').trim());
    expect(git(dir, 'log', '--format=%an|%s').trim()).toBe('Trần Thị Alpha|Đầu tiên');
  });

  it('keeps an identity line whole when a name carries angle brackets or a line break', async () => {
    const dir = await repo({ 'a.md': 'a\n' });
    await writeFile(path.join(dir, 'a.md'), 'b\n');
    await commitPaths(dir, ['a.md'], 'x', { name: 'Lê <Văn>\nBa', email: 'ba@x.vn' });
    expect(git(dir, 'log', '-1', '--format=%an|%ae').trim()).toBe('Lê VănBa|ba@x.vn');
  });

  it('carries on after a killed server left git’s locks behind', async () => {
    const dir = await repo({ 'a.md': 'a\n' });
    await writeFile(path.join(dir, '.git', 'index.lock'), '');
    await writeFile(path.join(dir, '.git', 'refs', 'heads', 'main.lock'), '');
    await writeFile(path.join(dir, 'a.md'), 'b\n');
    await expect(commitPaths(dir, ['a.md'], 'x', EDITOR)).rejects.toThrow();
    const removed = (await removeStaleLocks(dir)).map((p) => path.basename(p)).sort();
    expect(removed).toEqual(['index.lock', 'main.lock']);
    expect(await commitPaths(dir, ['a.md'], 'x', EDITOR)).toBe(git(dir, 'rev-parse', 'HEAD').trim());
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('is undone by the journal when the server died after the index was written and before the commit', async () => {
    const dir = await repo({ 'a.md': 'a\n' });
    await writeFile(path.join(dir, 'a.md'), 'a2\n');
    await writeFile(path.join(dir, 'moi.md'), 'mới\n');
    // What an interrupted commit leaves: both staged, no commit.
    git(dir, 'add', 'a.md', 'moi.md');
    await restorePaths(dir, ['a.md', 'moi.md']);
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a\n');
    expect(await stat(path.join(dir, 'moi.md')).catch(() => null)).toBeNull();
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('is tidied by maintenance without losing a commit (git decides when to pack: gc --auto)', async () => {
    const dir = await repo({ 'a.md': 'a\n' });
    for (let i = 0; i < 5; i++) {
      await writeFile(path.join(dir, 'a.md'), `a${i}\n`);
      await commitPaths(dir, ['a.md'], `Sửa ${i}`, EDITOR);
    }
    git(dir, 'config', 'gc.auto', '1');
    await maintain(dir);
    git(dir, 'fsck', '--strict', '--no-progress');
    expect(git(dir, 'log', '--format=%s').trim().split('\n')).toEqual(['Sửa 4', 'Sửa 3', 'Sửa 2', 'Sửa 1', 'Sửa 0', 'Nội dung ban đầu']);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
