/**
 * The build runs the checker and shows each school's status; a host can choose to hold back
 * schools with compliance errors (default: publish and report).
 */
import { cp, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { summaryTable } from '../../src/cli/main.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const HOST = (block: boolean) => `name: Phòng Giáo dục và Đào tạo huyện Thử Nghiệm
kind: phong-gddt
domain: pgd.thunghiem.edu.vn
governingBody:
  name: Ủy ban nhân dân huyện Thử Nghiệm
address: 1 Đường Thử
phone: "0200 3000 000"
email: pgd@thunghiem.edu.vn
responsiblePerson:
  name: Nguyễn Văn Phòng
  title: Trưởng phòng
compliance:
  blockPublishingOnErrors: ${block}
`;

async function setup(block: boolean) {
  const base = await tempDir('congtruong-block-');
  const content = path.join(base, 'content');
  await cp(path.join(FIXTURES, 'content', 'compliance'), content, { recursive: true });
  await writeFile(path.join(content, 'host.yaml'), HOST(block));
  return { content, out: path.join(base, 'dist') };
}

describe('compliance in the build', () => {
  it('publishes and reports by default', async () => {
    const { content, out } = await setup(false);
    const report = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    const school = report.sites.find((s) => s.id === 'mn-tre-muon')!;
    expect(school).toMatchObject({ status: 'built', compliance: { errors: 4, warnings: 2 } });
    expect(summaryTable(report, 'vi')).toMatch(/mn-tre-muon\s+đã dựng\s+\d+\s+4 lỗi, 2 cảnh báo/);
  });

  it('holds back a school with compliance errors when the host asks for it', async () => {
    const { content, out } = await setup(true);
    const report = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(report.sites.find((s) => s.id === 'mn-tre-muon')).toMatchObject({ status: 'blocked', keptPrevious: false });
    expect(report.ok).toBe(false);
    await expect(stat(path.join(out, 'sites', 'mntremuon.thunghiem.edu.vn'))).rejects.toThrow();
    expect(report.sites.find((s) => s.id === 'host')?.status).toBe('built');
  });
});
