/**
 * Small pieces that RSS needs and @astrojs/rss leaves to us: RFC 822 dates in Vietnam time
 * (+0700) instead of GMT, absolute URLs inside item content, and MIME types of enclosures.
 */
import { parseLocalDate } from '../util/dates.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-09-05T07:30` → `Sat, 05 Sep 2026 07:30:00 +0700` (content dates are Vietnam time). */
export function rfc822(iso: string): string {
  const d = parseLocalDate(iso);
  if (!d) throw new Error(`Not a date: ${iso}`);
  const weekday = DAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
  return `${weekday}, ${pad(d.day)} ${MONTHS[d.month - 1]} ${d.year} ${pad(d.hour ?? 0)}:${pad(d.minute ?? 0)}:00 +0700`;
}

/** Makes root-relative `href`, `src` and `srcset` URLs absolute against `origin` (`https://domain`). */
export function absolutizeHtml(html: string, origin: string): string {
  return html
    .replace(/\b(href|src|poster)="\/(?!\/)/g, `$1="${origin}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_, set: string) => `srcset="${set.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)}"`);
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  zip: 'application/zip',
};

export function mimeType(url: string): string {
  return MIME[(url.split('.').pop() ?? '').toLowerCase()] ?? 'application/octet-stream';
}

/** Escapes text for XML element content or attribute values (customData is raw XML). */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
