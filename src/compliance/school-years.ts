/**
 * Which instrument governs the công khai of a school year, and when it is due.
 *
 * TT 09/2024/TT-BGDĐT is in force from 19/07/2024, so school year 2024-2025 onwards follows it;
 * earlier years followed TT 36/2017/TT-BGDĐT. Items are published "trước ngày 30 tháng 6 hằng
 * năm" (TT 09/2024 Điều 15 k1 a): the set of a school year is due by 30 June of the year in
 * which that school year ends.
 */
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';

export type DisclosureInstrument = 'tt09-2024' | 'tt36-2017';

export const startYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));
export const schoolYearFrom = (start: number) => `${start}-${start + 1}`;

export function disclosureInstrument(schoolYear: string): DisclosureInstrument {
  return startYear(schoolYear) >= 2024 ? 'tt09-2024' : 'tt36-2017';
}

/** Last day to publish the công khai set of a school year. */
export function disclosureDeadline(schoolYear: string): string {
  return `${startYear(schoolYear) + 1}-06-30`;
}

/** The latest school year whose deadline has passed on `date`. */
export function latestDueSchoolYear(date: string): string {
  const y = Number(date.slice(0, 4));
  // Due on 30/6/y: on 1/7/y or later the year (y-1)-y is due.
  return date > `${y}-06-30` ? schoolYearFrom(y - 1) : schoolYearFrom(y - 2);
}

/** Items of the catalogue that an instrument requires of a level (annual report excluded). */
export function requiredItems(instrument: DisclosureInstrument, levels: readonly Level[]): DisclosureItemId[] {
  return (Object.entries(DISCLOSURE_ITEMS) as [DisclosureItemId, (typeof DISCLOSURE_ITEMS)[DisclosureItemId]][])
    .filter(([id, item]) => item.instrument === instrument && id !== 'bao-cao-thuong-nien' && item.levels.some((l) => levels.includes(l)))
    .map(([id]) => id);
}
