import { describe, expect, it } from 'vitest';
import { LANGUAGES, t } from '../templates/lib/i18n.ts';

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
});
