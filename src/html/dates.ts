/**
 * Dates as Vietnamese school sites print them: `05/09/2025`, `5-9-2025 08:30`, `05.09.2025`,
 * `Thứ Sáu, 05/09/2025`, `ngày 5 tháng 9 năm 2025`, ISO `2025-09-05`, and RFC 822 in feeds.
 * Every result is a calendar date `YYYY-MM-DD` in Vietnam time.
 */
import { isRealDate, todayInVietnam } from '../util/dates.ts';
import { foldDiacritics } from '../util/slug.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function make(y: number, m: number, d: number): string | undefined {
  if (y < 2000 || y > 2100) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate({ year: y, month: m, day: d, iso }) ? iso : undefined;
}

const PATTERNS: { re: RegExp; order: 'dmy' | 'ymd' }[] = [
  { re: /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])/g, order: 'dmy' },
  { re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam|,)\s*(\d{4})/g, order: 'dmy' },
  { re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, order: 'ymd' },
];

/** Every date found in a text, in order of appearance. */
export function findDates(text: string): string[] {
  const t = foldDiacritics(text).toLowerCase();
  const found: { at: number; iso: string }[] = [];
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const iso = order === 'dmy' ? make(c, b, a) : make(a, b, c);
      if (iso) found.push({ at: m.index, iso });
    }
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.iso);
}

export function firstDate(text: string): string | undefined {
  return findDates(text)[0];
}

/** A feed or HTTP date (RFC 822 / ISO 8601 with time zone) as a Vietnam calendar date. */
export function instantToVietnamDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s.trim());
  if (Number.isNaN(t)) return firstDate(s);
  const iso = todayInVietnam(new Date(t));
  return Number(iso.slice(0, 4)) >= 2000 ? iso : undefined;
}

/** Days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** School year `2025-2026` written in a text as `2025-2026`, `2025 – 2026`, `2025/2026`. */
export function schoolYearsIn(text: string): string[] {
  const out: string[] = [];
  const re = /(20\d\d)\s*[-–—/]\s*(20\d\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (Number(m[2]) === Number(m[1]) + 1) out.push(`${m[1]}-${m[2]}`);
  }
  return out;
}
