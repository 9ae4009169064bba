/**
 * Search excerpts in the page's own words (issue 18): the index holds a folded copy of every
 * page, which must never be what a parent reads under a result.
 */
import { describe, expect, it } from 'vitest';
import { excerptAround, originalText, queryTerms } from '../../templates/scripts/excerpt.ts';

const render = (parts: ReturnType<typeof excerptAround>) => parts?.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('originalText', () => {
  it('drops the folded copy that follows the text', () => {
    const content = 'Đơn xin chuyển trường. Mục đích: học sinh đổi nơi học. Don xin chuyen truong. Muc dich: hoc sinh doi noi hoc.';
    expect(originalText(content)).toBe('Đơn xin chuyển trường. Mục đích: học sinh đổi nơi học.');
  });

  it('finds the split when the copy spaces words differently (tags became spaces)', () => {
    expect(originalText('Học phí 10.300đ/tháng Hoc phi 10.300 d/thang')).toBe('Học phí 10.300đ/tháng');
  });

  it('keeps content that has no folded copy', () => {
    expect(originalText('Lich thi hoc ki 1')).toBe('Lich thi hoc ki 1');
  });
});

describe('excerptAround', () => {
  it('marks the words of a query typed without diacritics in their real spelling', () => {
    const text = 'Nhà trường thông báo. Đơn xin chuyển trường dùng khi học sinh đổi trường trong năm học.';
    expect(render(excerptAround(text, 'don xin chuyen truong', 8))).toBe('… báo. [Đơn xin chuyển trường] dùng khi học …');
  });

  it('prefers the first place where the words stand in a row', () => {
    const text = 'đường về trường. Các em đi học an toàn trên đường. Trường nhắc học sinh an toàn giao thông trên đường đến trường.';
    expect(render(excerptAround(text, 'an toan giao thong', 6))).toBe('… sinh [an toàn giao thông] trên …');
  });

  it('folds đ: "duong" marks "đường"', () => {
    expect(render(excerptAround('Sửa đường vào trường', 'duong'))).toBe('Sửa [đường] vào trường');
  });

  it('finds nothing when no word matches', () => {
    expect(excerptAround('Lễ khai giảng', 'thuc don')).toBeUndefined();
  });

  it('reads the query words without quotes or punctuation', () => {
    expect(queryTerms('"Đơn xin" chuyển-trường')).toEqual(['don', 'xin', 'chuyen', 'truong']);
  });
});
