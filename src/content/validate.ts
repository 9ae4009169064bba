/**
 * The one boundary where content meets its schema: `parseWithFriendlyErrors` turns zod
 * issues into `ContentIssue`s that name the file, line, field, found value and fix.
 */
import type { z } from 'zod';
import { closest } from '../util/slug.ts';
import { findFieldMeta } from '../schemas/field-meta.ts';
import { fieldPath, showValue, type ContentIssue, type Localized } from '../errors/content-issue.ts';
import { locate, type YamlSource } from './yaml-source.ts';

type Result<T> = { ok: true; data: T } | { ok: false; issues: ContentIssue[] };

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: 'Một đoạn văn bản.', en: 'A text.' },
  number: { vi: 'Một số.', en: 'A number.' },
  boolean: { vi: 'true hoặc false.', en: 'true or false.' },
  array: { vi: 'Một danh sách, mỗi mục một dòng bắt đầu bằng `- `.', en: 'A list, one `- ` line per item.' },
  object: { vi: 'Một nhóm mục con thụt lề bên dưới.', en: 'A group of indented sub-fields.' },
};

/**
 * Validates `input` against `schema`. All issues are returned at once, each located in
 * the YAML source when one is given.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  input: unknown,
  file: string,
  source?: YamlSource,
): Result<z.infer<S>> {
  const res = schema.safeParse(input);
  if (res.success) return { ok: true, data: res.data };
  const issues: ContentIssue[] = [];
  for (const zi of res.error.issues) {
    for (const issue of toContentIssues(zi, input, file, schema)) {
      if (source) {
        const rawKey = issue.name === 'unknownKey' ? issue.args?.key : undefined;
        const key = typeof rawKey === 'string' ? rawKey : undefined;
        const at = locate(source, zi.path, key);
        if (at) Object.assign(issue, at);
      }
      issues.push(issue);
    }
  }
  return { ok: false, issues };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function toContentIssues(zi: z.core.$ZodIssue, input: unknown, file: string, schema: z.ZodType): ContentIssue[] {
  const path = zi.path;
  const field = fieldPath(path);
  const found = valueAt(input, path);
  // The field's label and hint come from its schema (`src/schemas/field-meta.ts`), as the
  // editor's and the scaffolder's do.
  const meta = findFieldMeta(schema, path);
  const located = { severity: 'error' as const, file, field, found: showValue(found) };
  const base = meta ? { ...located, label: meta.label } : located;
  const last = String(path.at(-1) ?? '');

  // Our own refinements say which friendly message applies.
  const kind = (zi as { params?: { kind?: string } }).params?.kind;
  if (kind && found !== undefined) {
    const extra = (zi as { params?: { args?: Record<string, string> } }).params?.args ?? {};
    return [{ ...base, name: kind as ContentIssue['name'], args: { field, ...extra } }];
  }

  switch (zi.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return zi.keys.map((key) => {
        const guess = closest(key, known);
        const p = [...path, key];
        return {
          ...located,
          name: 'unknownKey',
          field: fieldPath(p),
          found: showValue(key),
          args: {
            key,
            field: fieldPath(p),
            suggestion: guess
              ? didYouMean(guess)
              : { vi: `Các mục hợp lệ: ${known.join(', ')}.`, en: `Valid fields: ${known.join(', ')}.` },
          },
        };
      });
    }
    case 'invalid_value': {
      const options = zi.values.map(String);
      const guess = typeof found === 'string' ? closest(found, options) : undefined;
      return [
        {
          ...base,
          name: 'enum',
          args: {
            field,
            options: options.join(', '),
            suggestion: guess
              ? didYouMean(guess)
              : { vi: 'Chọn một giá trị trong danh sách.', en: 'Pick one of the listed values.' },
          },
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      if (zi.origin === 'string' || zi.origin === 'array') {
        return [{ ...base, name: 'empty', args: { field } }];
      }
      return [{ ...base, name: 'number', args: { field, expected: rangeText(zi) } }];
    default:
      break;
  }

  if (found === undefined) {
    const hint = meta?.hint;
    const expected = zi.code === 'invalid_type' ? TYPE_NAMES[zi.expected] : undefined;
    return [
      {
        ...base,
        name: 'required',
        args: { field, key: last, expected: hint ?? expected ?? { vi: 'Một giá trị.', en: 'A value.' } },
      },
    ];
  }
  if (zi.code === 'invalid_type') {
    const t = TYPE_NAMES[zi.expected] ?? { vi: zi.expected, en: zi.expected };
    return [{ ...base, name: 'type', args: { field, expected: t } }];
  }
  if (kind) return [{ ...base, name: kind as ContentIssue['name'], args: { field } }];
  return [{ ...base, name: 'type', args: { field, expected: { vi: zi.message, en: zi.message } } }];
}

function didYouMean(guess: string): Localized {
  return { vi: `Có phải bạn muốn viết \`${guess}\`?`, en: `Did you mean \`${guess}\`?` };
}

function rangeText(zi: z.core.$ZodIssue): Localized {
  const r = zi as { minimum?: number | bigint; maximum?: number | bigint };
  if (r.minimum !== undefined) return { vi: `Một số ≥ ${r.minimum}.`, en: `A number ≥ ${r.minimum}.` };
  return { vi: `Một số ≤ ${String(r.maximum)}.`, en: `A number ≤ ${String(r.maximum)}.` };
}

/** Field names the schema accepts at `path`, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (s as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } })._zod?.def;
      if (!def) return;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
      else if (def.type === 'pipe') s = def.in;
      else return;
    }
  };
  for (const seg of path) {
    unwrap();
    const def = (s as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown } } })._zod.def;
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array') s = def.element;
    else return [];
  }
  unwrap();
  const def = (s as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
