/**
 * Issue 15: a field's label was written three times (the scaffolder's questions, the editor's
 * fields, the validator's hints) and had drifted: `congtruong new admission` asked "Năm học
 * tuyển sinh" where the editor said "Năm học". Labels and hints now live on the schemas
 * (`src/schemas/field-meta.ts`); this test walks every field of every collection and of
 * school.yaml and checks that the editor, the validator and the scaffolder read them there,
 * and that changing one label changes all three.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COLLECTIONS } from '../../src/content/collections.ts';
import { parseWithFriendlyErrors } from '../../src/content/validate.ts';
import { buildCmsConfig, type CmsCollection } from '../../src/dev/cms-config.ts';
import type { CmsField } from '../../src/dev/cms-fields.ts';
import { fieldPath } from '../../src/errors/content-issue.ts';
import { formatIssues } from '../../src/errors/format.ts';
import { admissionSchema } from '../../src/schemas/collections.ts';
import { FIELD_LABELS, fieldMeta, fieldSchemaAt, unwrapField, type FieldMeta } from '../../src/schemas/field-meta.ts';
import { schoolSchema } from '../../src/schemas/school.ts';
import { ENTRY_KINDS } from '../../src/scaffold/entries.ts';
import type { FlagSpec } from '../../src/scaffold/flags.ts';
import { schoolFlags } from '../../src/scaffold/school.ts';

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of an object schema as a path (`['attachments', 0, 'file']`), walked independently of the code under test. */
function fieldPaths(schema: z.ZodType, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [];
  for (const [name, field] of Object.entries(defOf(unwrapField(schema)).shape ?? {})) {
    const p = [...prefix, name];
    out.push(p);
    const inner = defOf(unwrapField(field));
    if (inner.type === 'object') out.push(...fieldPaths(field, p));
    if (inner.type === 'array' && defOf(unwrapField(inner.element!)).type === 'object') out.push(...fieldPaths(inner.element!, [...p, 0]));
  }
  return out;
}

const SCHEMAS: Record<string, z.ZodType> = { ...COLLECTIONS, school: schoolSchema };

/** The editor's field at a path (`attachments.0.file` → the `file` field of the `attachments` list). */
function editorField(collection: string, path: PropertyKey[]): CmsField | undefined {
  const config = buildCmsConfig({ origin: 'http://127.0.0.1:4321', disclosureYears: ['2025-2026'], schoolName: 'THCS Lê Lợi' });
  const c = config.collections.find((x: CmsCollection) => x.schema === collection)!;
  let fields: CmsField[] | undefined = c.fields ?? c.files!.flatMap((f) => f.fields);
  let found: CmsField | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') continue;
    found = fields?.find((f) => f.name === seg);
    fields = found?.fields;
  }
  return found;
}

/** A value of the wrong type for the field at `path`, nested as the file would hold it. */
function inputWithWrongValueAt(schema: z.ZodType, path: PropertyKey[]): unknown {
  const type = defOf(unwrapField(fieldSchemaAt(schema, path)!)).type;
  let value: unknown = type === 'number' ? true : 12345;
  for (const seg of [...path].reverse()) value = typeof seg === 'number' ? [value] : { [seg]: value };
  return value;
}

/** The label the validator gives the problem it finds at `path`. */
function validatorLabel(schema: z.ZodType, path: PropertyKey[]): FieldMeta['label'] | undefined {
  const res = parseWithFriendlyErrors(schema, inputWithWrongValueAt(schema, path), 'x.md');
  if (res.ok) throw new Error(`a wrong value at ${fieldPath(path)} was accepted`);
  return res.issues.find((i) => i.field === fieldPath(path))?.label;
}

const scaffolderFlags = (collection: string): FlagSpec[] =>
  collection === 'school' ? schoolFlags(undefined) : Object.values(ENTRY_KINDS).find((k) => k.collection === collection)!.flags;

describe('labels and hints of fields', () => {
  for (const [collection, schema] of Object.entries(SCHEMAS)) {
    it(`come from the ${collection} schema in the editor, the validator and the scaffolder`, () => {
      const paths = fieldPaths(schema);
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        const name = path.join('.');
        const meta = fieldMeta(fieldSchemaAt(schema, path));
        expect(meta, `${collection}.${name} has a label on its schema`).toBeDefined();
        expect(meta!.label.vi, `${collection}.${name} is labelled in NFC Vietnamese`).toBe(meta!.label.vi.normalize('NFC'));
        expect(editorField(collection, path)?.label, `editor label of ${collection}.${name}`).toBe(meta!.label.vi);
        if (meta!.hint) expect(editorField(collection, path)?.hint, `editor hint of ${collection}.${name}`).toBe(meta!.hint.vi);
        expect(validatorLabel(schema, path), `validator label of ${collection}.${name}`).toEqual(meta!.label);
      }
      for (const flag of scaffolderFlags(collection).filter((f) => f.field !== undefined)) {
        const segs = flag.field!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        expect(flag.label, `question of --${flag.name}`).toEqual(fieldMeta(fieldSchemaAt(schema, segs))!.label);
      }
    });
  }

  it('ask every question of `congtruong new` with a field label, except the flags that fill no one field', () => {
    const own = Object.values(ENTRY_KINDS)
      .flatMap((k) => k.flags.filter((f) => f.field === undefined).map((f) => `${k.collection}:--${f.name}`))
      .concat(schoolFlags(undefined).flatMap((f) => (f.field === undefined ? [`school:--${f.name}`] : [])));
    // The school year of a disclosure is its folder; --publish is the opposite of `draft`; the
    // head of the school is asked by role (the first of `leaders`); the id is the folder name.
    expect(own.sort()).toEqual(
      [
        'disclosures:--year',
        'disclosures:--publish',
        'school:--id',
        'school:--principal',
        'school:--principal-title',
        'school:--principal-phone',
        'school:--principal-email',
      ].sort(),
    );
  });

  it('agree on the admission year, which had drifted between the scaffolder and the editor', () => {
    const flag = ENTRY_KINDS.admission.flags.find((f) => f.name === 'year')!;
    expect(flag.label.vi).toBe('Năm học tuyển sinh');
    expect(editorField('admissions', ['schoolYear'])?.label).toBe('Năm học tuyển sinh');
    expect(validatorLabel(admissionSchema, ['schoolYear'])?.vi).toBe('Năm học tuyển sinh');
  });

  describe('a changed label', () => {
    const title = (admissionSchema as unknown as { shape: Record<string, z.ZodType> }).shape.title!;
    const before = FIELD_LABELS.get(title)!;
    afterEach(() => {
      FIELD_LABELS.add(title, before);
    });

    it('changes the question, the editor label, the validator label and the missing-field hint together', () => {
      FIELD_LABELS.add(title, {
        label: { vi: 'Tên thông báo tuyển sinh', en: 'Admission notice name' },
        hint: { vi: 'Một dòng, ví dụ Tuyển sinh lớp 6.', en: 'One line, e.g. Year 6 admission.' },
      });
      expect(ENTRY_KINDS.admission.flags.find((f) => f.name === 'title')!.label.vi).toBe('Tên thông báo tuyển sinh');
      expect(editorField('admissions', ['title'])?.label).toBe('Tên thông báo tuyển sinh');
      expect(editorField('admissions', ['title'])?.hint).toBe('Một dòng, ví dụ Tuyển sinh lớp 6.');
      expect(validatorLabel(admissionSchema, ['title'])).toEqual({ vi: 'Tên thông báo tuyển sinh', en: 'Admission notice name' });
      const missing = parseWithFriendlyErrors(admissionSchema, {}, 'tuyen-sinh.md');
      expect(missing.ok).toBe(false);
      if (!missing.ok)
        expect(formatIssues(missing.issues.filter((i) => i.field === 'title'))).toContain('Cần: Một dòng, ví dụ Tuyển sinh lớp 6.');
    });
  });
});
