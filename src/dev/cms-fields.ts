/**
 * Decap CMS fields derived from our zod schemas. The schemas stay the single source of truth:
 * widgets, required flags, defaults, enum options, number bounds, and the labels and hints
 * (`src/schemas/field-meta.ts`) are read from them; only a few presentation choices (multi-line
 * text, which dates carry a time, where uploads go) are kept here. A schema field without a
 * label makes the generator throw, so a schema change cannot silently miss the editor
 * (`tests/dev/cms-config.test.ts`).
 */
import type { z } from 'zod';
import { fieldMeta } from '../schemas/field-meta.ts';
import { FILE_KEYS } from '../content/files.ts';

/** A Decap CMS field (the subset of its options we use). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  date_format?: string | boolean;
  time_format?: string | boolean;
  format?: string;
  picker_utc?: boolean;
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  allow_multiple?: boolean;
}

/** Free-text fields edited in a multi-line box. */
const MULTILINE = new Set(['summary', 'description', 'purpose', 'duties', 'basis', 'doiTuong', 'hoSo', 'dieuKien']);

/** Where uploads of each kind go, relative to the school folder (the paths content refers to). */
export const MEDIA_FOLDERS = { images: 'media/anh', files: 'media/tep', forms: 'media/mau-don' } as const;

const VALUE_HINTS: Record<string, [string, string]> = {
  url: ['^https?://[^\\s/]+\\.[^\\s]+$', 'Nhập địa chỉ đầy đủ, bắt đầu bằng https://'],
  email: ['^[^\\s@]+@[^\\s@]+\\.[A-Za-z]{2,}$', 'Nhập địa chỉ thư điện tử, ví dụ vanphong@truong.edu.vn'],
  schoolYear: ['^\\d{4}-\\d{4}$', 'Nhập năm học dạng 2025-2026'],
  domain: ['^[a-z0-9.-]+\\.[a-z]{2,}$', 'Nhập tên miền không có https://, ví dụ thcsleloi.songxanh.edu.vn'],
  phone: ['^[+0-9 .()-]{9,}$', 'Nhập số điện thoại, ví dụ 0201 3853 579'],
};

/** Labels of enum values, by field key (`collection.field` or `field`). */
export type OptionLabels = Record<string, Record<string, string>>;

interface Ctx {
  /** Name of the schema (option labels are looked up as `<schema>.<field path>`). */
  collection: string;
  /** Path of the field in the file, for messages and per-field choices. */
  path: string[];
  optionLabels: OptionLabels;
  mediaFolder: string;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  checks?: { _zod: { def: { check?: string; value?: number; inclusive?: boolean; minimum?: number; params?: { kind?: string } } } }[];
};

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Refinement kinds (`params.kind` in `src/schemas/fields.ts`) of a schema and what it wraps. */
function kindsOf(s: z.ZodType): string[] {
  const def = defOf(s);
  const own = (def.checks ?? []).map((c) => c._zod.def.params?.kind).filter((k): k is string => typeof k === 'string');
  const inner = def.type === 'pipe' ? [...kindsOf(def.in!), ...kindsOf(def.out!)] : [];
  return [...own, ...inner];
}

/** Strips optional/default wrappers: what remains, whether it is required and its default. */
function unwrap(s: z.ZodType): { inner: z.ZodType; required: boolean; default?: unknown } {
  let inner = s;
  let required = true;
  let dflt: unknown;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') required = false;
    else if (def.type === 'default') {
      required = false;
      dflt = def.defaultValue;
    } else break;
    inner = def.innerType!;
  }
  return dflt === undefined ? { inner, required } : { inner, required, default: dflt };
}

/** `z.string()` pipelines (`text()`, `optionalText()`) and unions that accept strings. */
function baseType(s: z.ZodType): { type: string; def: Def } {
  const def = defOf(s);
  if (def.type === 'pipe') {
    const inDef = defOf(def.in!);
    if (inDef.type === 'union') {
      const types = inDef.options!.map((o) => defOf(o).type);
      if (types.includes('date')) return { type: 'date', def };
      if (types.includes('string')) return { type: 'string', def };
    }
    return baseType(def.in!);
  }
  return { type: def.type, def };
}

/** The field's label from its schema; a list's single field (`videos: [url]`) shows its list's label. */
function labelOf(ctx: Ctx, schema: z.ZodType, inherited?: string): string {
  const label = fieldMeta(schema)?.label.vi ?? inherited;
  if (!label) {
    throw new Error(
      `No Vietnamese CMS label for field "${[ctx.collection, ...ctx.path].join('.')}": declare it with labelled(…) in src/schemas/ (FIELD_LABELS).`,
    );
  }
  return label;
}

/** Turns one schema field into a Decap field. */
export function cmsField(name: string, schema: z.ZodType, ctx: Ctx, inheritedLabel?: string): CmsField {
  const here: Ctx = { ...ctx, path: [...ctx.path, name] };
  const { inner, required, default: dflt } = unwrap(schema);
  // The label is read after the widget is chosen: a field of a type the editor cannot show is
  // reported as such, whether or not it has a label.
  const label = () => labelOf(here, schema, inheritedLabel);
  const field: CmsField = { name, label: '', widget: 'string' };
  const hint = fieldMeta(schema)?.hint?.vi;
  if (hint) field.hint = hint;
  if (!required) field.required = false;
  const { type, def } = baseType(inner);
  const kinds = kindsOf(inner);
  switch (type) {
    case 'string': {
      if (FILE_KEYS.has(name)) {
        const isImage = name !== 'file';
        field.widget = isImage ? 'image' : 'file';
        const folder = isImage ? MEDIA_FOLDERS.images : ctx.mediaFolder;
        field.media_folder = `/${folder}`;
        field.public_folder = folder;
        field.choose_url = false;
      } else if (kinds.includes('color')) field.widget = 'color';
      else if (MULTILINE.has(name)) field.widget = 'text';
      const pattern = kinds.map((k) => VALUE_HINTS[k]).find((h) => h !== undefined);
      if (pattern) field.pattern = pattern;
      break;
    }
    case 'date': {
      // A date picker writing `YYYY-MM-DD`, which every date field accepts. A time
      // (`2025-09-05 07:30`), where a schema allows one, is still typed in the file.
      Object.assign(field, { widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: false });
      break;
    }
    case 'boolean':
      field.widget = 'boolean';
      break;
    case 'number': {
      field.widget = 'number';
      field.value_type = 'int';
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === 'greater_than' && d.value !== undefined) field.min = d.value;
        if (d.check === 'less_than' && d.value !== undefined) field.max = d.value;
      }
      break;
    }
    case 'enum': {
      field.widget = 'select';
      field.options = enumOptions(here, def);
      break;
    }
    case 'object': {
      field.widget = 'object';
      field.fields = Object.entries(def.shape!).map(([k, v]) => cmsField(k, v, here));
      if (!required) field.collapsed = true;
      break;
    }
    case 'array': {
      const element = unwrap(def.element!).inner;
      const elementDef = defOf(element);
      for (const c of def.checks ?? []) {
        if (c._zod.def.check === 'min_length' && c._zod.def.minimum) field.min = c._zod.def.minimum;
      }
      if (elementDef.type === 'enum') {
        field.widget = 'select';
        field.multiple = true;
        field.options = enumOptions(here, elementDef);
      } else if (elementDef.type === 'object') {
        field.widget = 'list';
        field.fields = Object.entries(elementDef.shape!).map(([k, v]) => cmsField(k, v, here));
        field.collapsed = false;
        if (field.fields.some((f) => f.name === 'title')) field.summary = '{{fields.title}}';
      } else {
        field.widget = 'list';
        field.field = { ...cmsField(name, element, { ...ctx, path: ctx.path }, label()), required: true };
      }
      break;
    }
    default:
      throw new Error(`No CMS widget for the ${type} field "${[ctx.collection, ...here.path].join('.')}" (src/dev/cms-fields.ts).`);
  }
  field.label = label();
  if (dflt !== undefined && (typeof dflt !== 'object' || (Array.isArray(dflt) && dflt.length > 0))) field.default = dflt;
  return field;
}

function enumOptions(ctx: Ctx, def: Def): { label: string; value: string }[] {
  const name = ctx.path.at(-1)!;
  const labels = ctx.optionLabels[`${ctx.collection}.${ctx.path.join('.')}`] ?? ctx.optionLabels[name] ?? {};
  return Object.values(def.entries!).map((value) => ({ label: labels[value] ?? value, value }));
}

/** Every field of an object schema as Decap fields. */
export function cmsFields(schema: z.ZodType, collection: string, optionLabels: OptionLabels, mediaFolder: string): CmsField[] {
  const def = defOf(schema);
  if (def.type !== 'object') throw new Error(`Schema of ${collection} is not an object.`);
  return Object.entries(def.shape!).map(([k, v]) => cmsField(k, v, { collection, path: [], optionLabels, mediaFolder }));
}
