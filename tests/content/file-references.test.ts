import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFileRef } from '../../src/content/files.ts';
import { tempDir } from '../helpers.ts';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await tempDir();
  root = path.join(base, 'school');
  outside = path.join(base, 'secret.pdf');
  await mkdir(path.join(root, 'media', 'tep'), { recursive: true });
  await writeFile(path.join(root, 'media', 'tep', 'ke-hoach.pdf'), '%PDF-1.4');
  await writeFile(outside, 'private');
  await symlink(outside, path.join(root, 'media', 'tep', 'link-out.pdf'));
  await symlink(path.join(root, 'media', 'tep', 'ke-hoach.pdf'), path.join(root, 'media', 'tep', 'link-in.pdf'));
});

describe('file references', () => {
  it('resolves a file inside the school folder', async () => {
    const r = await resolveFileRef(root, 'media/tep/ke-hoach.pdf');
    expect(r).toMatchObject({ ok: true, rel: 'media/tep/ke-hoach.pdf' });
  });

  it.each(['../secret.pdf', 'media/../../secret.pdf', '/etc/passwd', 'C:/Windows/win.ini', '..\\secret.pdf'])('refuses %s, which leaves the folder', async (ref) => {
    const r = await resolveFileRef(root, ref);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.name).toBe('fileOutside');
  });

  it('refuses a symlink that points outside the school folder', async () => {
    const r = await resolveFileRef(root, 'media/tep/link-out.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.name).toBe('fileOutside');
  });

  it('follows a symlink that stays inside the school folder', async () => {
    const r = await resolveFileRef(root, 'media/tep/link-in.pdf');
    expect(r.ok).toBe(true);
  });

  it('reports a missing file and suggests the likely name', async () => {
    const r = await resolveFileRef(root, 'media/tep/ke-hoac.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.name).toBe('fileMissing');
      expect(r.issue.args?.suggestion).toContain('media/tep/ke-hoach.pdf');
    }
  });
});

describe('file references in content', () => {
  it('reports a văn bản whose file leaves the school folder, with file, field and line', async () => {
    const { loadSchool } = await import('../../src/content/load.ts');
    const { cp } = await import('node:fs/promises');
    const school = path.join(path.dirname(root), 'escaping-school');
    await cp(path.join(import.meta.dirname, '../fixtures/content/basic/schools/beta'), school, { recursive: true });
    await mkdir(path.join(school, 'documents'), { recursive: true });
    await writeFile(
      path.join(school, 'documents', 'qd.md'),
      '---\nnumber: 1/QĐ\ntype: quyet-dinh\nsummary: Thử\nissued: 2026-09-01\nissuer: Trường\nsigner: A\nfile: ../secret.pdf\n---\n',
    );
    const r = await loadSchool(school, 'escaping-school');
    expect(r.site).toBeDefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ name: 'fileOutside', severity: 'error', field: 'file', line: 8, found: '"../secret.pdf"' });
    expect(r.issues[0]!.file).toMatch(/escaping-school\/documents\/qd\.md$/);
  });
});
