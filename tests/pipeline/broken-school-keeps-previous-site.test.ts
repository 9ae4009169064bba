/**
 * A school whose content turns invalid, or whose build crashes, keeps its last good site;
 * the other schools are still built and published.
 */
import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

let content: string;
let out: string;
const index = (domain: string) => readFile(path.join(out, 'sites', domain, 'index.html'), 'utf8');

beforeAll(async () => {
  const base = await tempDir('congtruong-isolation-');
  content = path.join(base, 'content');
  out = path.join(base, 'dist');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
  const first = await buildSites({ contentDir: content, outDir: out });
  expect(first.sites.find((s) => s.id === 'beta')?.status).toBe('built');
});

afterEach(() => {
  delete process.env.CONGTRUONG_TEST_FAIL_SCHOOL;
});

describe('isolation of a failing school', () => {
  it('keeps the previous site of a school whose render fails and builds the others', async () => {
    const before = await index('beta.thunghiem.edu.vn');
    process.env.CONGTRUONG_TEST_FAIL_SCHOOL = 'beta';
    const report = await buildSites({ contentDir: content, outDir: out, force: true });
    const beta = report.sites.find((s) => s.id === 'beta');
    expect(beta).toMatchObject({ status: 'failed', keptPrevious: true });
    expect(beta?.error).toContain('Simulated build failure of beta');
    expect(report.sites.find((s) => s.id === 'alpha')?.status).toBe('built');
    expect(report.sites.find((s) => s.id === 'host')?.status).toBe('built');
    expect(report.ok).toBe(false);
    expect(await index('beta.thunghiem.edu.vn')).toBe(before);
  });

  it('isolates the failure when schools are rendered in several chunks', async () => {
    // One chunk per school: the failing chunk is retried alone while the others are published.
    process.env.CONGTRUONG_TEST_FAIL_SCHOOL = 'beta';
    const lines: string[] = [];
    const report = await buildSites({ contentDir: content, outDir: out, force: true, chunkPages: 1, log: (l) => lines.push(l) });
    expect(lines.filter((l) => l.startsWith('Đang dựng 1 trang web')).length).toBeGreaterThanOrEqual(2);
    // The first chunk went to Astro before the last school was loaded and checked.
    const events = report.timeline.map((e) => e.event);
    expect(events.indexOf('alpha: job sent')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('alpha: job sent')).toBeLessThan(events.findIndex((e) => e.endsWith('school(s) loaded and checked')));
    expect(report.sites.find((s) => s.id === 'beta')).toMatchObject({ status: 'failed', keptPrevious: true });
    expect(report.sites.find((s) => s.id === 'alpha')?.status).toBe('built');
    expect(report.sites.find((s) => s.id === 'host')?.status).toBe('built');
    expect(await index('alpha.thunghiem.edu.vn')).toContain('alpha');
  });

  it('keeps the previous site of a school with a file that cannot be read, and builds the others', async () => {
    // A news item renamed while the build lists the folder, or a broken link, looks like this.
    const link = path.join(content, 'schools', 'beta', 'news', 'tin-moi.md');
    await symlink('tin-da-xoa.md', link);
    try {
      const before = await index('beta.thunghiem.edu.vn');
      const report = await buildSites({ contentDir: content, outDir: out, force: true });
      expect(report.sites.find((s) => s.id === 'beta')).toMatchObject({ status: 'invalid', keptPrevious: true });
      expect(report.issues.find((i) => i.name === 'unreadableFile')?.file).toMatch(/beta\/news\/tin-moi\.md$/);
      expect(report.sites.find((s) => s.id === 'alpha')?.status).toBe('built');
      expect(report.sites.find((s) => s.id === 'host')?.status).toBe('built');
      expect(await index('beta.thunghiem.edu.vn')).toBe(before);
    } finally {
      await rm(link);
    }
  });

  it('builds no school while the host content has errors, and keeps every published site', async () => {
    // host.yaml decides where schools are served and whether compliance errors hold them back.
    const yaml = path.join(content, 'host.yaml');
    const good = await readFile(yaml, 'utf8');
    await writeFile(yaml, `${good}\nkhong_co_muc_nay: 1\n`);
    try {
      const before = await index('alpha.thunghiem.edu.vn');
      const report = await buildSites({ contentDir: content, outDir: out, force: true });
      expect(report.ok).toBe(false);
      expect(report.sites.find((s) => s.id === 'alpha')).toMatchObject({ status: 'hostInvalid', keptPrevious: true });
      expect(report.sites.find((s) => s.id === 'host')).toMatchObject({ status: 'invalid', keptPrevious: true });
      expect(report.issues.some((i) => i.severity === 'error' && i.file.endsWith('host.yaml'))).toBe(true);
      expect(await index('alpha.thunghiem.edu.vn')).toBe(before);
    } finally {
      await writeFile(yaml, good);
    }
  });

  it('keeps the previous site of a school whose content became invalid', async () => {
    const yaml = path.join(content, 'schools', 'alpha', 'school.yaml');
    const before = await index('alpha.thunghiem.edu.vn');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('email: alpha@thunghiem.edu.vn', 'email: alpha-at-thunghiem'));
    const report = await buildSites({ contentDir: content, outDir: out, force: true });
    expect(report.sites.find((s) => s.id === 'alpha')).toMatchObject({ status: 'invalid', keptPrevious: true });
    expect(report.sites.find((s) => s.id === 'beta')?.status).toBe('built');
    expect(await index('alpha.thunghiem.edu.vn')).toBe(before);
  });
});
