/**
 * Which instrument governs the công khai of a school year, and when it is due.
 *
 * Items are published "trước ngày 30 tháng 6 hằng năm" (TT 09/2024 Điều 15 k1 a): the set of a
 * school year is due before 30 June of the year in which that school year ends, so its last day
 * on time is 29 June. It is judged under the instrument in force on that day (`duties.ts`):
 * TT 09/2024/TT-BGDĐT (in force 19/07/2024) for 2024-2025 onwards, TT 36/2017/TT-BGDĐT before.
 */
import { DISCLOSURE_ITEMS, type DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';
import { before, type Deadline } from './calendar.ts';
import { dutyInstrument } from './duties.ts';

export type DisclosureInstrument = 'tt09-2024' | 'tt36-2017';

export const startYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));
export const schoolYearFrom = (start: number) => `${start}-${start + 1}`;

export function disclosureInstrument(schoolYear: string): DisclosureInstrument {
  const governing = dutyInstrument('cong-khai-nam-hoc', disclosureDue(schoolYear).lastDay);
  return governing?.ref === 'tt09-2024' ? 'tt09-2024' : 'tt36-2017';
}

/** The day before which the công khai set of a school year is published ("trước ngày 30/6"). */
export function disclosureDeadline(schoolYear: string): string {
  return `${startYear(schoolYear) + 1}-06-30`;
}

/** The deadline of a school year's công khai set, with its last day on time (29/6). */
export function disclosureDue(schoolYear: string): Deadline {
  return before(disclosureDeadline(schoolYear));
}

/** The latest school year whose deadline has passed on `date` (on 30/6/y the year (y-1)-y is late). */
export function latestDueSchoolYear(date: string): string {
  const y = Number(date.slice(0, 4));
  return date >= `${y}-06-30` ? schoolYearFrom(y - 1) : schoolYearFrom(y - 2);
}

/** What makes a conditional item required (e.g. GDTX foreign or integrated programmes). */
export interface ItemConditions {
  foreignPrograms?: boolean | undefined;
}

/**
 * Items of the catalogue that an instrument requires of a level (annual report excluded). An
 * item that applies only when the school runs something (`when`) is required only when the
 * school says so.
 */
export function requiredItems(
  instrument: DisclosureInstrument,
  levels: readonly Level[],
  conditions: ItemConditions = {},
): DisclosureItemId[] {
  return (Object.entries(DISCLOSURE_ITEMS) as [DisclosureItemId, DisclosureItemMeta][])
    .filter(
      ([id, item]) =>
        item.instrument === instrument &&
        id !== 'bao-cao-thuong-nien' &&
        item.levels.some((l) => levels.includes(l)) &&
        (!item.when || conditions[item.when] === true),
    )
    .map(([id]) => id);
}

type DisclosureItemMeta = { instrument: string; levels: readonly Level[]; when?: keyof ItemConditions };
