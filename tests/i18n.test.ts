import { describe, expect, it } from 'vitest';
import { fill, placeholdersOf } from '../templates/lib/fill.ts';
import { LANGUAGES, t, template, type UiKey } from '../templates/lib/i18n.ts';

describe('UI strings', () => {
  it('exist in Vietnamese and English with the same keys', () => {
    expect(Object.keys(LANGUAGES.en).sort()).toEqual(Object.keys(LANGUAGES.vi).sort());
  });
  it('fill placeholders in both languages', () => {
    expect(t('search.results', { n: 3, q: 'đường' })).toBe('3 kết quả cho "đường"');
    expect(t('search.results', { n: 3, q: 'đường' }, 'en')).toBe('3 results for "đường"');
  });
  it('are NFC Vietnamese', () => {
    for (const v of Object.values(LANGUAGES.vi)) expect(v).toBe(v.normalize('NFC'));
  });

  it('fill every placeholder of every string with the real value, in both languages', () => {
    // Values as the pages pass them: numbers, school years, names of units and instruments.
    const real: Record<string, string | number> = {
      n: 48,
      done: 6,
      q: 'hoc sinh',
      deadline: '29/6/2027',
      total: 5,
      year: '2025-2026',
      host: 'Phòng Giáo dục và Đào tạo huyện Sông Xanh',
      school: 'Trường Trung học cơ sở Lê Lợi',
      instrument: 'Thông tư 09/2024/TT-BGDĐT',
      errors: 2,
      warnings: 1,
    };
    for (const lang of ['vi', 'en'] as const) {
      for (const key of Object.keys(LANGUAGES.vi) as UiKey[]) {
        const names = placeholdersOf(LANGUAGES[lang][key]);
        if (names.length === 0) continue;
        for (const name of names) expect(real, `a real value for {${name}} of ${key}`).toHaveProperty(name);
        const out = t(key, real, lang);
        expect(out, key).not.toMatch(/\{\w+\}/);
        for (const name of names) expect(out, key).toContain(String(real[name]));
      }
    }
    expect(t('search.none', { q: 'xylophon' })).toBe('Không tìm thấy kết quả cho "xylophon".');
    expect(t('host.complianceStatus', { errors: 2, warnings: 1 })).toBe('2 lỗi, 1 cảnh báo');
  });
  it('refuse to fill a placeholder with nothing (the status line once read \' kết quả cho ""\')', () => {
    expect(() => t('search.results')).toThrow(/\{n\}, \{q\}/);
    expect(() => t('search.results', { n: 3 })).toThrow(/\{q\}/);
  });
  it('hand raw templates to the browser, filled there once the values are known', () => {
    expect(template('search.results')).toBe('{n} kết quả cho "{q}"');
    expect(fill(template('search.results'), { n: 0, q: 'đường' })).toBe('0 kết quả cho "đường"');
    expect(fill(template('documents.shown', 'en'), { n: 12 })).toMatch(/^12 /);
  });
});
