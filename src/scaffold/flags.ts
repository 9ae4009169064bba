/**
 * The options of `congtruong new …` as data: each is a flag, a question asked in a terminal
 * when the value is missing, and a check of the value. One table drives parsing, questions,
 * the help text and the error that lists missing flags.
 */
import { email as emailField, schoolYear as schoolYearField, url as urlField } from '../schemas/fields.ts';
import { isRealDate, parseLocalDate } from '../util/dates.ts';
import type { z } from 'zod';
import { fieldLabel } from '../schemas/field-meta.ts';
import { SLUG } from '../util/slug.ts';
import type { School } from '../schemas/school.ts';
import type { ErrorArgs } from '../errors/catalogue.ts';
import type { ScaffoldErrorName } from '../errors/scaffold-errors.ts';
import { ScaffoldError, type Localized } from './scaffold-error.ts';

/** The school a new entry belongs to. */
export interface SchoolContext {
  id: string;
  /** Absolute path of `content/schools/<id>`. */
  dir: string;
  config: School;
  /** Today in Vietnam, `YYYY-MM-DD`. */
  today: string;
}

export type Values = Record<string, string | string[] | boolean | undefined>;

export type Check = 'date' | 'dateTime' | 'schoolYear' | 'email' | 'url' | 'int' | 'phone' | 'slug';

export interface FlagSpec {
  /** Flag name without `--`. */
  name: string;
  /** The question (and the name of the value in messages). */
  label: Localized;
  /**
   * The front-matter field the flag fills (`issued`, `photos.0.alt`): its label, from the schema
   * (`src/schemas/field-meta.ts`), is the question. Absent for flags that fill no one field.
   */
  field?: string;
  /** What to write, from the field's schema: shown under the flag in the help. */
  hint?: Localized | undefined;
  /** An example value, shown in the "missing flag" error. */
  example: string;
  required?: boolean;
  choices?: readonly string[];
  check?: Check;
  /** Repeatable (`--file a.pdf --file b.docx`). */
  multiple?: boolean;
  boolean?: boolean;
  /** A file path: kept exactly as typed (file systems may store names decomposed). */
  path?: boolean;
  /** Used when the flag is absent (and proposed in the question). */
  fallback?: (ctx: SchoolContext | undefined, v: Values) => string | undefined;
}

/**
 * A flag that fills the field `path` of `schema`: asked with the field's label, as the editor
 * shows it and the validator names it. `path` is dotted; `0` steps into a list (`photos.0.alt`).
 */
export function fieldFlag(schema: z.ZodType, path: string, spec: Omit<FlagSpec, 'label' | 'field'>): FlagSpec {
  const segs = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  fieldLabel(schema, segs); // throws now, at import, for a field without a label
  // Read on use, not copied: the question is whatever the schema says when it is asked.
  return Object.defineProperties({ ...spec, field: path } as FlagSpec, {
    label: { enumerable: true, get: () => fieldLabel(schema, segs).label },
    hint: { enumerable: true, get: () => fieldLabel(schema, segs).hint },
  });
}

export const str = (v: Values, k: string): string | undefined => {
  const x = v[k];
  return typeof x === 'string' && x.trim() !== '' ? x.normalize('NFC').trim() : undefined;
};
export const list = (v: Values, k: string): string[] => {
  const x = v[k];
  return Array.isArray(x) ? x : typeof x === 'string' ? [x] : [];
};

/** Normalises and checks one value; throws a `ScaffoldError` that names the flag and the fix. */
export function checkValue(spec: FlagSpec, raw: string): string {
  const value = raw.normalize('NFC').trim();
  const bad = (code: ScaffoldErrorName, extra: ErrorArgs = {}): never => {
    throw new ScaffoldError(code, { flag: `--${spec.name}`, value: raw, example: spec.example, ...extra });
  };
  if (value === '') bad('valueEmpty');
  if (spec.choices && !spec.choices.includes(value)) bad('valueNotAllowed', { choices: spec.choices.join(', ') });
  switch (spec.check) {
    case 'date':
    case 'dateTime': {
      const d = parseLocalDate(value);
      if (!d || !isRealDate(d) || (spec.check === 'date' && d.hour !== undefined)) {
        bad('notADate', { time: spec.check === 'dateTime' ? { vi: ' (có thể thêm giờ HH:mm)', en: ' (optionally with HH:mm)' } : '' });
      }
      return d!.iso;
    }
    case 'schoolYear':
      if (!schoolYearField().safeParse(value).success) bad('notASchoolYear');
      return value;
    case 'email':
      if (!emailField().safeParse(value).success) bad('notAnEmail');
      return value;
    case 'url':
      if (!urlField().safeParse(value).success) bad('notAUrl');
      return value;
    case 'int':
      if (!/^-?\d+$/.test(value)) bad('notAnInteger');
      return value;
    case 'phone':
      if (!/^(\+84|0)\d{8,10}$/.test(value.replace(/[\s.()-]/g, ''))) bad('notAPhone');
      return value;
    case 'slug':
      if (!SLUG.test(value)) bad('notASlug');
      return value;
    default:
      return value;
  }
}

/** Flags every `new` command understands. */
export const COMMON_FLAGS = ['content', 'lang', 'help', 'school', 'slug'] as const;

export const schoolFlag: FlagSpec = {
  name: 'school',
  label: { vi: 'Mã trường (tên thư mục trong content/schools/)', en: 'School id (folder name in content/schools/)' },
  example: 'thcs-le-loi',
  required: true,
};
