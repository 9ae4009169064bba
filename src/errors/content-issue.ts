/**
 * A problem found in a content folder. Every problem names the file, the field and, where
 * the YAML parser knows it, the line; what was found; and which entry of
 * `CONTENT_ERRORS` explains what was expected and how to fix it.
 */
import type { ContentErrorName } from './content-errors.ts';

/** A text in both languages of the product. */
export interface Localized {
  vi: string;
  en: string;
}

export interface ContentIssue {
  /** Permanent name of the problem (key of `CONTENT_ERRORS`). */
  name: ContentErrorName;
  /** Errors stop the school from being published; warnings are reported only. */
  severity: 'error' | 'warning';
  /** Path of the file, relative to the working directory, with `/` separators. */
  file: string;
  line?: number;
  column?: number;
  /** Field path as written in the file, e.g. `leaders[1].email`. */
  field?: string;
  /** The field's name for people (`Thư điện tử`), from its schema's label (`src/schemas/field-meta.ts`). */
  label?: Localized | undefined;
  /** The offending value, as a short string. */
  found?: string;
  /** Values for the `{placeholders}` of the message; language-dependent ones as `Localized`. */
  args?: Record<string, string | Localized>;
}

/** Renders a zod-style path as the webmaster sees it: `leaders[1].email`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** A short, quoted rendering of a value for messages. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(không có)';
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}…` : v);
  if (v instanceof Date) return JSON.stringify(v.toISOString().slice(0, 10));
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
