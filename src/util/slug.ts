/**
 * Vietnamese-aware folding and slugs. `đ`/`Đ` have no Unicode decomposition, so NFD alone
 * leaves them in place: they are mapped to `d`/`D` by hand (the same fold the search uses).
 */

/** Removes tone and vowel marks and maps đ → d: "Đơn xin chuyển trường" → "Don xin chuyen truong". */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Text as matchers compare it: folded (`foldDiacritics`), lower case, single spaces, trimmed.
 * "Phòng  GD&ĐT" → "phong gd&dt". The HTML reader and the ranking crawler use this one fold.
 */
export function fold(s: string): string {
  return foldDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What `slugify` produces: lower-case ASCII letters and digits in groups joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Lễ khai giảng năm học 2025–2026" → "le-khai-giang-nam-hoc-2025-2026". */
export function slugify(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slugs a file name but keeps its extension: "Đơn xin nghỉ học.DOCX" → "don-xin-nghi-hoc.docx". */
export function slugifyFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return slugify(name);
  return `${slugify(name.slice(0, dot))}.${slugify(name.slice(dot + 1))}`;
}

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate to `value` (compared as slugs), if it is close enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = slugify(value);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(v, slugify(c));
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(v.length / 3)) ? best : undefined;
}
