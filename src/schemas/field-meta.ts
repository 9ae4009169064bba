/**
 * Labels and hints of content fields, kept on the schemas themselves (a zod registry), so that
 * the three places that name a field to a webmaster say the same thing:
 * - the editor's field label and hint (`src/dev/cms-fields.ts`),
 * - the question `congtruong new` asks and its help (`src/scaffold/entries.ts`, `school.ts`),
 * - the validator's name for a field and what it expects when the field is missing
 *   (`src/content/validate.ts`).
 *
 * A field is labelled where it is declared: `title: labelled(text(), ['Tiêu đề tin', 'Title'])`.
 * The label is registered on the exact schema object of the field (after `.optional()` or
 * `.default()`), because zod wrappers are new objects that do not inherit a registration.
 * `tests/schemas/field-labels.test.ts` checks that every field of every collection has one.
 */
import { z } from 'zod';

/** A text in both languages of the product. */
export interface Localized {
  vi: string;
  en: string;
}

export interface FieldMeta {
  /** The field's name as webmasters read it: a short noun phrase, Vietnamese first. */
  label: Localized;
  /** What to write, with an example: shown under the editor's field, in questions and in "missing" errors. */
  hint?: Localized | undefined;
}

/** Labels and hints of fields, by schema object. */
export const FIELD_LABELS = z.registry<FieldMeta>();

/**
 * Hints shared by fields of the same kind in several schemas (every `published` date reads the
 * same), written once.
 */
export const HINT = {
  date: ['Một ngày dạng YYYY-MM-DD, ví dụ 2025-09-05.', 'A date written YYYY-MM-DD, e.g. 2025-09-05.'],
  published: ['Ngày đăng, dạng YYYY-MM-DD.', 'The publication date, YYYY-MM-DD.'],
  issued: ['Ngày ban hành, dạng YYYY-MM-DD.', 'The issue date, YYYY-MM-DD.'],
  updated: ['Ngày cập nhật, dạng YYYY-MM-DD.', 'The update date, YYYY-MM-DD.'],
  title: ['Tiêu đề, một dòng văn bản.', 'A title, one line of text.'],
  email: ['Một địa chỉ thư điện tử.', 'An e-mail address.'],
  phone: ['Một số điện thoại trong dấu nháy kép.', 'A phone number in double quotes.'],
  file: ['Đường dẫn tệp, ví dụ media/tep/van-ban.pdf.', 'A file path, e.g. media/tep/document.pdf.'],
  deadline: ['Hạn cuối, dạng YYYY-MM-DD.', 'The deadline, YYYY-MM-DD.'],
  from: ['Ngày bắt đầu, dạng YYYY-MM-DD.', 'The first day, YYYY-MM-DD.'],
  to: ['Ngày kết thúc, dạng YYYY-MM-DD.', 'The last day, YYYY-MM-DD.'],
  schoolYear: ['Năm học, ví dụ 2026-2027.', 'The school year, e.g. 2026-2027.'],
  category: ['Chuyên mục: tin-tuc, thong-bao, su-kien hoặc hoat-dong.', 'The category: tin-tuc, thong-bao, su-kien or hoat-dong.'],
} as const satisfies Record<string, [string, string]>;

/** Registers the label (and hint) of a field and returns the same schema. */
export function labelled<S extends z.ZodType>(
  schema: S,
  label: readonly [vi: string, en: string],
  hint?: readonly [vi: string, en: string],
): S {
  const meta: FieldMeta = { label: { vi: label[0], en: label[1] }, ...(hint ? { hint: { vi: hint[0], en: hint[1] } } : {}) };
  // Registered on the very object (not a copy): the caller keeps using `schema` in its shape.
  FIELD_LABELS.add(schema as z.ZodType, meta);
  return schema;
}

/** The label and hint of a field schema, if it has one. */
export function fieldMeta(schema: z.ZodType | undefined): FieldMeta | undefined {
  return schema ? FIELD_LABELS.get(schema) : undefined;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional, default and pipe wrappers down to an object or array (or whatever remains). */
export function unwrapField(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const def = defOf(cur);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType)
      cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
}

/**
 * The schema of the field at `path` (`['leaders', 1, 'email']`) as declared, wrappers included,
 * so that its registration is found. A numeric segment (a list item) gives the list's element;
 * an unknown path gives `undefined`.
 */
export function fieldSchemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let cur: z.ZodType | undefined = schema;
  for (const seg of path) {
    if (!cur) return undefined;
    const def = defOf(unwrapField(cur));
    if (def.type === 'object' && typeof seg === 'string') cur = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') cur = def.element;
    else return undefined;
  }
  return cur;
}

/** The label and hint of the field at `path`; a list item has its list's. */
export function findFieldMeta(schema: z.ZodType, path: readonly PropertyKey[]): FieldMeta | undefined {
  for (let n = path.length; n > 0; n--) {
    const meta = fieldMeta(fieldSchemaAt(schema, path.slice(0, n)));
    if (meta) return meta;
    // Only list indexes fall back to their list; a named field must have its own label.
    if (typeof path[n - 1] !== 'number') return undefined;
  }
  return undefined;
}

/**
 * The label of the field at `path` (`'details.hoSo'` or `['leaders', 0, 'email']`). Throws when
 * the field has none, so that a new field cannot reach the editor or the scaffolder unnamed.
 */
export function fieldLabel(schema: z.ZodType, path: string | readonly PropertyKey[]): FieldMeta {
  const segs = typeof path === 'string' ? path.split('.') : path;
  const meta = findFieldMeta(schema, segs);
  if (meta) return meta;
  throw new Error(`The field "${segs.join('.')}" has no label: declare it with labelled(…) in src/schemas/ (FIELD_LABELS).`);
}
