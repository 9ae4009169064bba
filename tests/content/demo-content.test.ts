/**
 * The bundled demo content is what a new user builds first: it must be valid and as complete
 * as the foundation issue promises (three levels, enough news, văn bản, forms, công khai).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadResult } from '../../src/content/load.ts';
import { formatIssues } from '../../src/errors/format.ts';
import { schoolYearOf } from '../../src/util/dates.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
const TT09_ITEMS = ['thong-tin-chung', 'tai-chinh', 'doi-ngu', 'co-so-vat-chat', 'kiem-dinh', 'ke-hoach', 'ket-qua', 'bao-cao-thuong-nien'];
let demo: LoadResult;

beforeAll(async () => {
  demo = await loadContent(CONTENT);
});

describe('demo content', () => {
  it('has no problems at all', () => {
    expect(formatIssues(demo.issues)).toBe('');
    expect(demo.invalid).toEqual([]);
  });

  it('has a host and schools of at least three levels', () => {
    expect(demo.host).toBeDefined();
    const levels = new Set(demo.schools.flatMap((s) => s.config.levels));
    expect(levels.has('mn')).toBe(true);
    expect(levels.has('th')).toBe(true);
    expect(levels.has('thcs') || levels.has('thpt')).toBe(true);
  });

  it('gives every school the promised amount of content', () => {
    for (const s of demo.schools) {
      const c = s.collections;
      const thisYear = c.news.filter((n) => schoolYearOf(n.data.date) === '2026-2027');
      expect(thisYear.length, s.id).toBeGreaterThanOrEqual(12);
      expect(c.documents.length, s.id).toBeGreaterThanOrEqual(5);
      expect(c.forms.length, s.id).toBeGreaterThanOrEqual(3);
      expect(c.admissions.length, s.id).toBeGreaterThanOrEqual(1);
      expect(c.pages.map((p) => p.data.kind), s.id).toEqual(expect.arrayContaining(['gioi-thieu', 'co-cau-to-chuc', 'lien-he']));
      const items2025 = c.disclosures.filter((d) => d.schoolYear === '2025-2026').map((d) => d.data.item);
      expect(items2025, s.id).toEqual(expect.arrayContaining(TT09_ITEMS));
      expect([...s.files.values()].some((f) => f.image), s.id).toBe(true);
      expect([...s.files.keys()].some((f) => /\.(pdf|docx)$/.test(f)), s.id).toBe(true);
    }
  });
});
