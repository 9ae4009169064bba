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

/** `29/6/2026`: the Vietnamese way of writing a date, without leading zeros. */
export function vnDate(iso: string): string {
  return `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
}

/** `30/6`: day and month only. */
export const vnDayMonth = (iso: string) => vnDate(iso).replace(/\/\d{4}$/, '');

const WEEKDAYS_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A deadline written in the law as "trước ngày X" (TT 09/2024 Điều 15 k1: "trước ngày 30 tháng
 * 6", "trước ngày 25 của tháng trước", "trước ngày thứ Bảy của tuần trước"). "Trước" excludes X:
 * the last day on time is the day before, and that is the day messages name first, so that nobody
 * is surprised on the boundary day.
 */
export interface Deadline {
  /** Last day on time, `YYYY-MM-DD`. */
  lastDay: string;
  /** Message arguments: `deadline` (Vietnamese) and `deadlineEn`. */
  vi: string;
  en: string;
}

/** "trước ngày X": the last day on time is X − 1. */
export function before(x: string): Deadline {
  const lastDay = addDays(x, -1);
  const wd = weekday(x);
  // Weekly duties are "trước ngày thứ Bảy": name the weekday, which is what readers count on.
  const named = wd === 6 ? { vi: `thứ Bảy ${vnDayMonth(x)}`, en: `Saturday ${vnDayMonth(x)}` } : undefined;
  return {
    lastDay,
    vi: `hạn chót ${vnDate(lastDay)} (trước ${named ? named.vi : `ngày ${vnDayMonth(x)}`})`,
    en: `last day ${vnDate(lastDay)} (before ${named ? named.en : vnDayMonth(x)})`,
  };
}

/** "chậm nhất sau n ngày làm việc kể từ ngày X": the n-th working day after X is still on time. */
export function workingDaysAfter(x: string, n: number): Deadline {
  const lastDay = addWorkingDays(x, n);
  return {
    lastDay,
    vi: `hạn chót ${vnDate(lastDay)} (${WEEKDAYS_VI[weekday(lastDay)]}, ${n} ngày làm việc kể từ ${vnDate(x)})`,
    en: `last day ${vnDate(lastDay)} (${WEEKDAYS_EN[weekday(lastDay)]}, ${n} working days from ${vnDate(x)})`,
  };
}

/** Message arguments of a deadline. */
export const deadlineArgs = (d: Deadline) => ({ deadline: d.vi, deadlineEn: d.en });
