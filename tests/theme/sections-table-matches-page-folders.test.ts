/**
 * Issue 15: section routes are written once, in `src/site/sections.ts`. Astro page folders are
 * routes too, so the table and the folders must agree: a route changed in one place only would
 * give menus that lead to 404 pages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COLLECTION_SECTIONS,
  MANIFEST_KEYS,
  SECTIONS,
  SECTION_NAMES,
  entryUrl,
  feedUrl,
  menuSections,
  pageAddress,
  sectionUrl,
} from '../../src/site/sections.ts';
import { ENTRY_KINDS } from '../../src/scaffold/entries.ts';
import { NEW_TEXT } from '../../src/scaffold/messages.ts';
import { SECTION_KEYS } from '../../src/site/facts.ts';
import { manifestSchema } from '../../src/ranking/manifest.ts';
import { PAGE_KINDS } from '../../src/schemas/collections.ts';
import { LANGUAGES, t } from '../../templates/lib/i18n.ts';

const PAGES = path.resolve(import.meta.dirname, '../../templates/pages');
const folderOf = (route: string) => route.split('/').filter(Boolean)[0];

describe('the table of sections', () => {
  it('has a page folder in the school theme for every route', () => {
    for (const name of SECTION_NAMES) {
      const folder = folderOf(SECTIONS[name].route);
      if (folder === undefined) continue; // the home page
      expect(existsSync(path.join(PAGES, '[school]', folder)), `${name}: templates/pages/[school]/${folder}/`).toBe(true);
    }
  });

  it('has a page folder in the host portal for every entry of the host menu', () => {
    for (const name of menuSections('host', 'folded')) {
      const folder = folderOf(SECTIONS[name].route);
      if (folder === undefined) continue;
      expect(existsSync(path.join(PAGES, 'host/[portal]', folder)), `${name}: templates/pages/host/[portal]/${folder}/`).toBe(true);
    }
  });

  it('builds the addresses the law and the old links expect', () => {
    expect(sectionUrl('documents')).toBe('/van-ban/');
    expect(entryUrl('disclosures', '2025-2026', 'tai-chinh')).toBe('/cong-khai/2025-2026/tai-chinh/');
    expect(entryUrl('categories', 'thong-bao')).toBe('/chuyen-muc/thong-bao/');
    expect(feedUrl('disclosures')).toBe('/cong-khai/rss.xml');
    expect(sectionUrl('sitemap')).toBe('/so-do-cong/');
  });

  it('lists the school menu in order, with search only in the folded menu', () => {
    expect(menuSections('school', 'wide')).toEqual([
      'home',
      'about',
      'news',
      'documents',
      'disclosures',
      'admissions',
      'forms',
      'contact',
      'sitemap',
    ]);
    expect(menuSections('school', 'folded').at(-1)).toBe('search');
    expect(menuSections('host', 'wide')).toEqual(['home', 'news', 'documents', 'sitemap']);
  });

  it('gives the checker, the manifest and the page kinds the same section keys', () => {
    expect(SECTION_KEYS).toBe(MANIFEST_KEYS);
    expect(manifestSchema.shape.sections.element.shape.key.options).toEqual([...MANIFEST_KEYS]);
    // A page of a well-known kind is a section of its own in the manifest and the checker.
    for (const kind of PAGE_KINDS.filter((k) => k !== 'khac')) expect(MANIFEST_KEYS).toContain(kind);
  });

  it('gives the theme its menu names in both languages', () => {
    for (const name of SECTION_NAMES) {
      expect(t(`nav.${name}`)).toBe(SECTIONS[name].title.vi);
      expect(t(`nav.${name}`, {}, 'en')).toBe(SECTIONS[name].title.en);
    }
    expect(LANGUAGES.vi['nav.documents']).toBe('Văn bản');
  });

  it('tells `congtruong new` where the new entry will be published', () => {
    for (const kind of Object.values(ENTRY_KINDS)) {
      if (kind.collection === 'pages') continue;
      const folder = folderOf(SECTIONS[COLLECTION_SECTIONS[kind.collection]].route)!;
      // Every collection's entries have a page in their section's folder.
      expect(existsSync(path.join(PAGES, '[school]', folder)), kind.collection).toBe(true);
    }
    expect(pageAddress('gioi-thieu', 'gioi-thieu')).toBe('/gioi-thieu/');
    expect(pageAddress('lien-he', 'lien-he')).toBe('/lien-he/');
    expect(pageAddress('lich-su', 'lich-su')).toBe('/gioi-thieu/lich-su/');
    const next = NEW_TEXT.vi.nextEntry('thcs-le-loi', 'a.md', '', false, false, entryUrl('forms', 'don-xin-nghi-hoc')).join('\n');
    expect(next).toContain('http://localhost:4321/bieu-mau/don-xin-nghi-hoc/');
  });
});
