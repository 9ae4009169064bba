import { cp, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { formatIssue, formatIssues } from '../../src/errors/format.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const BASIC = path.join(FIXTURES, 'content', 'basic');

describe('loading a content folder', () => {
  it('reports every problem of every school in one run and keeps the valid schools', async () => {
    const r = await loadContent(BASIC);
    expect(r.schools.map((s) => s.id).sort()).toEqual(['alpha', 'beta']);
    expect(r.invalid).toEqual(['broken']);
    expect(r.host?.config.name).toBe('Phòng Giáo dục và Đào tạo huyện Thử Nghiệm');
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => `${path.basename(i.file)}:${i.field}:${i.name}`);
    expect(errors.sort()).toEqual(['sai-ngay.md:date:date', 'school.yaml:email:email', 'school.yaml:phone:phone']);
  });

  it('reports front-matter lines as lines of the Markdown file', async () => {
    const r = await loadContent(BASIC);
    const issue = r.issues.find((i) => i.name === 'date');
    // `date:` is on line 3 of the file (line 2 of the YAML after the opening ---).
    expect(issue?.line).toBe(3);
  });

  it('warns, without failing the school, when unsafe HTML was removed', async () => {
    const r = await loadContent(BASIC);
    const warning = r.issues.find((i) => i.name === 'unsafeHtml');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning?.file).toMatch(/alpha\/news\/le-khai-giang\.md$/);
  });

  it('formats the problems in English on request', async () => {
    const r = await loadContent(BASIC);
    const text = formatIssues(r.issues.filter((i) => i.name === 'phone'), 'en');
    expect(text).toContain('school.yaml:7:8 (error) The phone number is not valid.');
    expect(text).toContain('How to fix:');
  });

  it('slugs file names and resolves referenced files', async () => {
    const r = await loadContent(BASIC, ['alpha']);
    const alpha = r.schools[0]!;
    expect(alpha.collections.news.map((n) => n.slug)).toContain('le-khai-giang');
    expect(alpha.files.get('media/tep/ke-hoach.pdf')?.url).toBe('/media/tep/ke-hoach.pdf');
    expect(alpha.files.get('media/anh/khai-giang.jpg')?.image?.variants.map((v) => v.width)).toEqual([480, 960, 1200]);
  });
});

describe('files that cannot be read', () => {
  it('fail their school only, naming the file and the reason', async () => {
    const content = path.join(await tempDir('congtruong-unreadable-'), 'content');
    await cp(BASIC, content, { recursive: true });
    // A news item renamed or removed while it is listed looks like this: a name that cannot be read.
    await symlink('tin-da-xoa.md', path.join(content, 'schools', 'alpha', 'news', 'tin-moi.md'));
    const r = await loadContent(content);
    expect(r.schools.map((s) => s.id)).toEqual(['beta']);
    expect(r.invalid).toEqual(['alpha', 'broken']);
    const issue = r.issues.find((i) => i.name === 'unreadableFile');
    expect(issue).toMatchObject({ severity: 'error', args: { reason: 'ENOENT (open)' } });
    expect(issue?.file).toMatch(/schools\/alpha\/news\/tin-moi\.md$/);
    expect(formatIssue({ ...issue!, file: 'content/schools/alpha/news/tin-moi.md' })).toMatchInlineSnapshot(`
      "content/schools/alpha/news/tin-moi.md (lỗi) Không đọc được tệp.
        Cần: Một tệp hoặc thư mục đọc được (lỗi của hệ thống: ENOENT (open)).
        Cách sửa: Kiểm tra tệp còn đó, không phải lối tắt hỏng và người chạy lệnh dựng trang có quyền đọc; nếu đang sửa hoặc đổi tên tệp thì chạy lại sau khi xong. Trang đang xuất bản của trường được giữ nguyên."
    `);
  });
});

describe('school folder names', () => {
  it('refuses a folder name that is not a plain slug or is reserved, and suggests one', async () => {
    const { loadSchool } = await import('../../src/content/load.ts');
    const r = await loadSchool(path.join(BASIC, 'schools', 'beta'), 'THCS Lê Lợi');
    expect(r.issues[0]).toMatchObject({ name: 'badSchoolId', args: { suggestion: 'thcs-le-loi' } });
    const host = await loadSchool(path.join(BASIC, 'schools', 'beta'), 'host');
    expect(host.issues[0]?.name).toBe('badSchoolId');
  });
});
