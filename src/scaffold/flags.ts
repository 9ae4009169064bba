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
  const bad = (vi: string, en: string): never => {
    throw new ScaffoldError({
      vi: `--${spec.name} "${raw}": ${vi} Ví dụ: --${spec.name} ${spec.example}`,
      en: `--${spec.name} "${raw}": ${en} Example: --${spec.name} ${spec.example}`,
    });
  };
  if (value === '') bad('đang để trống. Cần một giá trị.', 'is empty. A value is needed.');
  if (spec.choices && !spec.choices.includes(value)) {
    bad(
      `không nằm trong danh sách. Cần một trong: ${spec.choices.join(', ')}.`,
      `is not allowed. Expected one of: ${spec.choices.join(', ')}.`,
    );
  }
  switch (spec.check) {
    case 'date':
    case 'dateTime': {
      const d = parseLocalDate(value);
      if (!d || !isRealDate(d) || (spec.check === 'date' && d.hour !== undefined)) {
        bad(
          `không phải một ngày có thật. Cần dạng YYYY-MM-DD hoặc DD/MM/YYYY${spec.check === 'dateTime' ? ' (có thể thêm giờ HH:mm)' : ''}.`,
          `is not a real date. Expected YYYY-MM-DD or DD/MM/YYYY${spec.check === 'dateTime' ? ' (optionally with HH:mm)' : ''}.`,
        );
      }
      return d!.iso;
    }
    case 'schoolYear':
      if (!schoolYearField().safeParse(value).success) {
        bad(
          'không phải năm học. Cần hai năm liền nhau, ví dụ 2025-2026.',
          'is not a school year. Expected two consecutive years, e.g. 2025-2026.',
        );
      }
      return value;
    case 'email':
      if (!emailField().safeParse(value).success) bad('không phải địa chỉ thư điện tử hợp lệ.', 'is not a valid e-mail address.');
      return value;
    case 'url':
      if (!urlField().safeParse(value).success)
        bad('không phải địa chỉ web đầy đủ (bắt đầu bằng https://).', 'is not a full web address (starting with https://).');
      return value;
    case 'int':
      if (!/^-?\d+$/.test(value)) bad('không phải một số nguyên.', 'is not a whole number.');
      return value;
    case 'phone':
      if (!/^(\+84|0)\d{8,10}$/.test(value.replace(/[\s.()-]/g, ''))) {
        bad(
          'không phải số điện thoại Việt Nam (0 hoặc +84 rồi 8 đến 10 chữ số).',
          'is not a Vietnamese phone number (0 or +84, then 8 to 10 digits).',
        );
      }
      return value;
    case 'slug':
      if (!SLUG.test(value)) {
        bad('chỉ được dùng chữ thường không dấu, số và dấu gạch ngang.', 'may only use lower-case ASCII letters, digits and hyphens.');
      }
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
