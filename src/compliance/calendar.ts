/**
 * Calendar arithmetic for deadlines, on plain `YYYY-MM-DD` dates in Vietnam time.
 */
import { PUBLIC_HOLIDAYS } from './holidays.ts';

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Adds calendar days. */
export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(iso: string): number {
  return new Date(toUtc(iso)).getUTCDay();
}

export function isWorkingDay(iso: string): boolean {
  const wd = weekday(iso);
  if (wd === 0 || wd === 6) return false;
  return !(PUBLIC_HOLIDAYS[Number(iso.slice(0, 4))] ?? []).includes(iso);
}

/** The date `n` working days after `iso` (the day itself not counted). */
export function addWorkingDays(iso: string, n: number): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The Saturday before the week that contains `iso` (weeks start on Monday). */
export function saturdayBeforeWeekOf(iso: string): string {
  const wd = weekday(iso);
  const monday = addDays(iso, -((wd + 6) % 7));
  return addDays(monday, -2);
}

/** Monday of the week that contains `iso`. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/** The 25th of the month before the month of `iso`. */
export function twentyFifthOfPreviousMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return `${py}-${String(pm).padStart(2, '0')}-25`;
}

/** `YYYY-MM-DD` part of a content date that may carry a time. */
export const day = (iso: string) => iso.slice(0, 10);
