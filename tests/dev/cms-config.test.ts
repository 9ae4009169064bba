/**
 * The browser editor's config is generated from the zod schemas: every field of every
 * collection schema (and of school.yaml) must appear in it with a Vietnamese label, the
 * same required/optional status and the same enum values. A schema change that the
 * generator cannot map fails here.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { COLLECTIONS, COLLECTION_NAMES } from '../../src/content/collections.ts';
import { buildCmsConfig, cmsConfigYaml, type CmsCollection } from '../../src/dev/cms-config.ts';
import { cmsFields, type CmsField } from '../../src/dev/cms-fields.ts';
import { date } from '../../src/schemas/fields.ts';
import { schoolSchema } from '../../src/schemas/school.ts';

interface SchemaField {
  path: string;
  required: boolean;
  enumValues?: string[];
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every field path of a zod object schema, independently of the generator's own walk. */
function schemaFields(schema: z.ZodType, prefix = ''): SchemaField[] {
  const out: SchemaField[] = [];
  for (const [name, field] of Object.entries(defOf(schema).shape!)) {
    let s = field;
    let required = true;
    while (['optional', 'default'].includes(defOf(s).type)) {
      required = false;
      s = defOf(s).innerType!;
    }
    const p = `${prefix}${name}`;
    const def = defOf(s);
    let element = def.type === 'array' ? def.element! : undefined;
    while (element && ['optional', 'default'].includes(defOf(element).type)) element = defOf(element).innerType!;
    const enumDef = def.type === 'enum' ? def : element && defOf(element).type === 'enum' ? defOf(element) : undefined;
    out.push({ path: p, required, ...(enumDef ? { enumValues: Object.values(enumDef.entries!) } : {}) });
    if (def.type === 'object') out.push(...schemaFields(s, `${p}.`));
    if (element && defOf(element).type === 'object') out.push(...schemaFields(element, `${p}[].`));
  }
  return out;
}

function cmsFieldMap(fields: CmsField[], prefix = ''): Map<string, CmsField> {
  const out = new Map<string, CmsField>();
  for (const f of fields) {
    const p = `${prefix}${f.name}`;
    out.set(p, f);
    if (f.fields) for (const [k, v] of cmsFieldMap(f.fields, f.widget === 'list' ? `${p}[].` : `${p}.`)) out.set(k, v);
  }
  return out;
}

const config = buildCmsConfig({ origin: 'http://127.0.0.1:4321', disclosureYears: ['2024-2025', '2025-2026'], schoolName: 'THCS Lê Lợi' });

function fieldsOf(c: CmsCollection): CmsField[] {
  return c.fields ?? c.files!.flatMap((f) => f.fields);
}

describe('Decap CMS config generated from the schemas', () => {
  const schemas: Record<string, z.ZodType> = { ...COLLECTIONS, school: schoolSchema };

  it('has a collection for every content folder and for school.yaml', () => {
    for (const name of [...COLLECTION_NAMES, 'school'] as const) {
      expect(
        config.collections.some((c) => c.schema === name),
        `no CMS collection edits ${name}`,
      ).toBe(true);
    }
    const folders = new Map(config.collections.map((c) => [c.name, c.folder]));
    expect(folders.get('news')).toBe('news');
    expect(folders.get('announcements')).toBe('news');
    expect(folders.get('documents')).toBe('documents');
    expect(folders.get('disclosures-2025-2026')).toBe('disclosures/2025-2026');
    expect(folders.get('forms')).toBe('forms');
  });

  for (const collection of config.collections) {
    it(`covers every field of the ${collection.schema} schema in "${collection.label}"`, () => {
      const expected = schemaFields(schemas[collection.schema]!);
      const actual = cmsFieldMap(fieldsOf(collection));
      for (const f of expected) {
        const cms = actual.get(f.path);
        expect(cms, `${collection.name}: field ${f.path} has no CMS mapping`).toBeDefined();
        expect(cms!.label, `${collection.name}.${f.path} needs a Vietnamese label`).not.toBe(f.path.split('.').at(-1));
        expect(cms!.required !== false, `${collection.name}.${f.path}: required`).toBe(f.required);
        if (f.enumValues) expect(cms!.options?.map((o) => o.value)).toEqual(f.enumValues);
      }
      // Nothing invented either: every CMS field is a schema field (or the Markdown body).
      const known = new Set(expected.map((f) => f.path));
      for (const p of actual.keys()) if (p !== 'body') expect(known.has(p), `${collection.name}: ${p} is not in the schema`).toBe(true);
      if (collection.folder) expect(actual.get('body')?.widget).toBe('markdown');
    });
  }

  it('maps types onto widgets that write values the schemas accept', () => {
    const news = cmsFieldMap(config.collections.find((c) => c.name === 'news')!.fields!);
    expect(news.get('date')).toMatchObject({ widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false });
    expect(date().safeParse('2026-01-12').success).toBe(true);
    expect(news.get('featured')).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(news.get('summary')?.widget).toBe('text');
    expect(news.get('category')?.options?.find((o) => o.value === 'thong-bao')?.label).toBe('Thông báo');
    expect(news.get('image.src')).toMatchObject({ widget: 'image', media_folder: '/media/anh', public_folder: 'media/anh' });
    const forms = cmsFieldMap(config.collections.find((c) => c.name === 'forms')!.fields!);
    expect(forms.get('files')).toMatchObject({ widget: 'list', min: 1 });
    expect(forms.get('files[].file')).toMatchObject({ widget: 'file', public_folder: 'media/mau-don' });
    const school = cmsFieldMap(fieldsOf(config.collections.find((c) => c.name === 'school')!));
    expect(school.get('levels')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(school.get('founded')).toMatchObject({ widget: 'number', value_type: 'int', min: 1800, max: 2100 });
    expect(school.get('colors.primary')?.widget).toBe('color');
    const announcements = config.collections.find((c) => c.name === 'announcements')!;
    expect(announcements.filter).toEqual({ field: 'category', value: 'thong-bao' });
  });

  it('fails loudly for a schema field it has no label or widget for', () => {
    expect(() => cmsFields(z.strictObject({ motTruongMoi: z.string() }), 'news', {}, 'media/tep')).toThrow(/FIELD_LABELS/);
    expect(() => cmsFields(z.strictObject({ title: z.bigint() }), 'news', {}, 'media/tep')).toThrow(/No CMS widget/);
  });

  it('writes a Vietnamese config that talks to the local backend', () => {
    const yaml = parse(cmsConfigYaml({ origin: 'http://127.0.0.1:4321', disclosureYears: ['2025-2026'] })) as Record<string, unknown>;
    expect(yaml.locale).toBe('vi');
    expect(yaml.local_backend).toEqual({ url: 'http://127.0.0.1:4321/api/v1/', allowed_hosts: ['127.0.0.1'] });
    expect(JSON.stringify(yaml)).not.toContain('"schema"');
  });
});
