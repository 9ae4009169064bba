/** File names that `congtruong new` gives to entries and attachments. */
import { describe, expect, it } from 'vitest';
import { entrySlug, extensionOf, MAX_SLUG_LENGTH, safeAttachmentName } from '../../src/scaffold/names.ts';

describe('entrySlug', () => {
  it('folds Vietnamese: tone marks removed, đ → d, punctuation → hyphens', () => {
    expect(entrySlug('Lễ khai giảng năm học 2025–2026: Đón bé đến trường!')).toBe('le-khai-giang-nam-hoc-2025-2026-don-be-den-truong');
    expect(entrySlug('ĐƠN XIN CHUYỂN TRƯỜNG (bản Word)')).toBe('don-xin-chuyen-truong-ban-word');
    expect(entrySlug('Quy chế chi tiêu nội bộ, năm 2026 — “dự thảo”')).toBe('quy-che-chi-tieu-noi-bo-nam-2026-du-thao');
    expect(entrySlug('125/QĐ-THCSLL')).toBe('125-qd-thcsll');
  });

  it('treats decomposed (NFD) input like composed text', () => {
    expect(entrySlug('Thông báo nghỉ Tết'.normalize('NFD'))).toBe('thong-bao-nghi-tet');
  });

  it('cuts long titles at a word boundary', () => {
    const title =
      'Kế hoạch tổ chức các hoạt động chào mừng kỷ niệm 44 năm Ngày Nhà giáo Việt Nam 20 tháng 11 và phát động phong trào thi đua';
    const slug = entrySlug(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(`${entrySlug(title, 1000)}-`.startsWith(`${slug}-`)).toBe(true);
    expect(slug).not.toMatch(/-$/);
  });

  it('gives an empty slug for titles without letters or digits (the command then asks for --slug)', () => {
    expect(entrySlug('!!! — ???')).toBe('');
  });
});

describe('safeAttachmentName', () => {
  it('keeps only the last path segment and never a path trick', () => {
    expect(safeAttachmentName('../../etc/Kế hoạch.pdf', 'pdf')).toBe('ke-hoach.pdf');
    expect(safeAttachmentName('C:\\Users\\Cô Lan\\Đơn xin nghỉ.docx', 'docx')).toBe('don-xin-nghi.docx');
    expect(safeAttachmentName('..pdf', 'pdf')).toBe('tep.pdf');
    expect(safeAttachmentName('.hidden.pdf', 'pdf')).toBe('hidden.pdf');
  });

  it('removes spaces, % and upper case; folds NFD names', () => {
    expect(safeAttachmentName('Báo cáo 100% QUYẾT TOÁN.PDF', 'pdf')).toBe('bao-cao-100-quyet-toan.pdf');
    expect(safeAttachmentName('Thực đơn tuần 48.xlsx'.normalize('NFD'), 'xlsx')).toBe('thuc-don-tuan-48.xlsx');
    expect(safeAttachmentName('a%2e%2e%2fb.pdf', 'pdf')).toBe('a-2e-2e-2fb.pdf');
  });

  it('reads extensions in lower case', () => {
    expect(extensionOf('/tmp/Ảnh Khai Giảng.JPG')).toBe('jpg');
    expect(extensionOf('README')).toBe('');
  });
});
