/**
 * Dates as schools write them. Content dates are local to Asia/Ho_Chi_Minh (UTC+7, no
 * daylight saving), so an offset of +07:00 turns them into instants without a tz database.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET = '+07:00';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  iso: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parses `2025-09-05`, `2025-09-05 07:30`, `2025-09-05T07:30[:ss]` or `05/09/2025 [07:30]`. */
export function parseLocalDate(s: string): LocalDate | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2})?)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date: LocalDate = { year: y, month: mo, day: d, iso: `${y}-${pad(mo)}-${pad(d)}` };
  if (m[4] !== undefined) {
    date.hour = Number(m[4]);
    date.minute = Number(m[5]);
    date.iso += `T${pad(date.hour)}:${pad(date.minute)}`;
  }
  return date;
}

/** True when the day exists in the calendar (rejects 30/02) and the time is on the clock. */
export function isRealDate(d: LocalDate): boolean {
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  if (d.day > daysInMonth) return false;
  if (d.hour !== undefined && (d.hour > 23 || (d.minute ?? 0) > 59)) return false;
  return true;
}

/** The instant a content date stands for (midnight Vietnam time for a bare date). */
export function toInstant(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00${OFFSET}` : `${iso}:00${OFFSET}`);
}

/** `05/09/2025` — the way Vietnamese readers write a date. */
export function formatDateVi(iso: string): string {
  const d = parseLocalDate(iso);
  if (!d) return iso;
  const day = `${pad(d.day)}/${pad(d.month)}/${d.year}`;
  return d.hour === undefined ? day : `${pad(d.hour)}:${pad(d.minute ?? 0)}, ${day}`;
}

let weekdayFormatter: Intl.DateTimeFormat | undefined;
/** Created once: an `Intl.DateTimeFormat` costs more to create than to use, on every news page. */
const weekdayFormat = () => (weekdayFormatter ??= new Intl.DateTimeFormat('vi-VN', { weekday: 'long', timeZone: TIME_ZONE }));

/** `Thứ Sáu, 05/09/2025` — with the weekday, for article headers. */
export function formatLongDateVi(iso: string): string {
  const weekday = weekdayFormat().format(toInstant(iso));
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${formatDateVi(iso)}`;
}

/** Today's calendar date in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The Vietnam local time, `YYYY-MM-DDTHH:mm` (the clock of scheduled publication). */
export function nowInVietnam(at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * The school year a date falls in. A Vietnamese school year starts in September
 * (5 September opening day) and the summer months belong to the year that ends.
 */
export function schoolYearOf(iso: string): string {
  const d = parseLocalDate(iso);
  if (!d) throw new Error(`Not a date: ${iso}`);
  const start = d.month >= 8 ? d.year : d.year - 1;
  return `${start}-${start + 1}`;
}
