/**
 * How the Công khai pages describe an item: its status, and the article it rests on for the
 * school's own level.
 */
import type { Entry } from '../../src/content/load.ts';
import type { Disclosure } from '../../src/schemas/collections.ts';
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../../src/schemas/disclosure-items.ts';
import type { Level } from '../../src/schemas/level.ts';
import { disclosureDue } from '../../src/compliance/school-years.ts';
import { vnDate } from '../../src/compliance/calendar.ts';
import { t, type UiKey } from './i18n.ts';

/**
 * Files the law requires with an item. The annual report is published as a PDF (TT 09/2024
 * Điều 15 khoản 1 điểm b, checked by rule CK-008); an entry without one is not yet a disclosure.
 */
const REQUIRED_FILES: Partial<Record<DisclosureItemId, { ext: string; lacking: UiKey }>> = {
  'bao-cao-thuong-nien': { ext: 'pdf', lacking: 'disclosures.lacksPdf' },
};

export interface DisclosureStatus {
  kind: 'published' | 'updated' | 'incomplete' | 'notDue' | 'missing';
  /** The label shown to parents: "Đã công khai", "Chưa đầy đủ"… */
  label: string;
  /** What is missing, for an incomplete item. */
  lacking?: string;
  /** CSS class of the status cell. */
  cls: string;
}

/**
 * Status of a required item from its entry (undefined when the school has not published it).
 * An item of `schoolYear` not published yet is only missing once its deadline has passed on the
 * build's `date`; before, it is not due (the deadline is the compliance check's, `disclosureDue`).
 */
export function disclosureStatus(
  item: DisclosureItemId,
  entry: Entry<Disclosure> | undefined,
  schoolYear?: string,
  date?: string,
): DisclosureStatus {
  if (!entry) {
    const due = schoolYear === undefined ? undefined : disclosureDue(schoolYear);
    if (due && date !== undefined && date <= due.lastDay)
      return { kind: 'notDue', label: t('disclosures.statusNotDue', { deadline: vnDate(due.lastDay) }), cls: 'status-not-due' };
    return { kind: 'missing', label: t('disclosures.statusMissing'), cls: 'status-missing' };
  }
  const required = REQUIRED_FILES[item];
  if (required && !entry.data.attachments.some((a) => a.file.toLowerCase().endsWith(`.${required.ext}`)))
    return { kind: 'incomplete', label: t('disclosures.statusIncomplete'), lacking: t(required.lacking), cls: 'status-incomplete' };
  if (entry.data.updated) return { kind: 'updated', label: t('disclosures.statusUpdated'), cls: 'status-ok' };
  return { kind: 'published', label: t('disclosures.statusPublished'), cls: 'status-ok' };
}

/** The article (or form) an item rests on for the school's levels, e.g. "Điều 8 khoản 1" for a THCS. */
export function basisFor(item: DisclosureItemId, levels: readonly Level[]): string {
  const def = DISCLOSURE_ITEMS[item];
  const byLevel: Partial<Record<Level, string>> | undefined = 'basisByLevel' in def ? def.basisByLevel : undefined;
  if (!byLevel) return def.basis;
  const articles = [...new Set(levels.map((l) => byLevel[l]).filter((a): a is string => a !== undefined))];
  return articles.length > 0 ? articles.join('; ') : def.basis;
}
