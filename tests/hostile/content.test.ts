/**
 * Every hostile or broken input of the corpus, loaded at once as one school each (a copy of
 * the fixture's `beta`): each fails its own school only (or is accepted, or warned about), with a
 * message that names the file, the field and the fix, and no stack trace, through the loader and
 * through `congtruong validate`.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadResult } from '../../src/content/load.ts';
import { formatIssue } from '../../src/errors/format.ts';
import { tempDir } from '../helpers.ts';
import { CASES, corpusContent } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let base: string;
let content: string;
let loaded: LoadResult;

beforeAll(async () => {
  base = await tempDir('congtruong-hostile-content-');
  content = await corpusContent(base);
  loaded = await loadContent(content);
}, 120_000);

afterAll(() => rm(base, { recursive: true, force: true }));

const issuesOf = (id: string) => loaded.issues.filter((i) => i.file.includes(`/schools/${id}/`) || i.file.endsWith(`/schools/${id}`));

describe('hostile input fails its own school only', () => {
  it('keeps the untouched school valid', () => {
    expect(loaded.schools.map((s) => s.id)).toContain('beta');
    expect(issuesOf('beta')).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.id}: ${c.what}`, () => {
      const issues = issuesOf(c.id);
      if (c.expected === null) {
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(loaded.schools.map((s) => s.id)).toContain(c.id);
        return;
      }
      const { name, file, field, severity = 'error' } = c.expected;
      const issue = issues.find((i) => i.name === name);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      expect(issue!.severity).toBe(severity);
      expect(issue!.file).toMatch(new RegExp(`/schools/${c.id}/${file.replace(/[.]/g, '\\.')}$`));
      if (field) expect(issue!.field).toBe(field);
      // The school is held back for an error, built for a warning.
      expect(loaded.invalid.includes(c.id)).toBe(severity === 'error');
      for (const lang of ['vi', 'en'] as const) {
        const text = formatIssue(issue!, lang);
        expect(text).toContain(lang === 'vi' ? 'Cách sửa:' : 'How to fix:');
        expect(text).toContain(`${c.id}/${file}`);
        expect(text).not.toMatch(/\n\s+at |Error:|\{\w+\}/);
      }
    });
  }
});

describe('details a webmaster needs', () => {
  it('reports the line of the first byte that is not UTF-8', () => {
    const issue = issuesOf('h-windows-1258').find((i) => i.name === 'badEncoding')!;
    expect(issue.line).toBe(6);
    expect(formatIssue(issue, 'vi')).toMatch(/UTF-8.*\n(.*\n)*.*Cách sửa: Mở tệp bằng Notepad hoặc VS Code/);
  });

  it('names a truncated JPEG with the decoder’s words, not a bare VipsJpeg error', () => {
    const text = formatIssue(
      issuesOf('h-truncated-jpeg').find((i) => i.name === 'imageUnreadable')!,
      'vi',
    );
    expect(text).toContain('media/anh/dut.jpg');
    expect(text).toContain('Không đọc được ảnh');
  });

  it('refuses an HTML page saved as .pdf as a web page, and names the limit of a huge file', () => {
    expect(
      formatIssue(
        issuesOf('h-html-as-pdf').find((i) => i.name === 'fileContentMismatch')!,
        'en',
      ),
    ).toContain('the content of this one is a web page (HTML) or text');
    expect(
      formatIssue(
        issuesOf('h-huge-markdown').find((i) => i.name === 'fileTooLarge')!,
        'vi',
      ),
    ).toMatch(/Tệp không quá 2,0 MB; tệp này nặng 3,\d MB/);
  });

  it('publishes a file whose NFD name matches an NFC reference, and a name with "#"', () => {
    const nfd = loaded.schools.find((s) => s.id === 'h-nfd-name')!;
    expect(nfd.files.get('media/tep/kế hoạch.pdf')?.url).toBe('/media/tep/ke-hoach.pdf');
    expect(nfd.collections.news.find((n) => n.slug === 'nfd')?.html).toContain('href="/media/tep/ke-hoach.pdf"');
    const hash = loaded.schools.find((s) => s.id === 'h-hash-in-name')!;
    expect(hash.collections.news.find((n) => n.slug === 'thang')?.html).toMatch(/href="\/a-1\.pdf"/);
  });
});

describe('congtruong validate on the corpus', () => {
  it('exits 1 with every school’s problems and no stack trace', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'congtruong.mjs'), 'validate', '--content', content], {
      encoding: 'utf8',
      cwd: base,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |ReferenceError|URIError|TypeError|^Error: Vips/m);
    for (const c of CASES)
      if (c.expected?.severity !== 'warning' && c.expected) expect(r.stderr).toContain(`schools/${c.id}/${c.expected.file}`);
  });
});
