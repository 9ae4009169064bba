/**
 * The scoring criteria: categories with weights (summing to 100), criteria inside them with
 * relative weights, the signal each one reads, its thresholds, and where it comes from. The
 * default file (`criteria/default.yaml`) follows legal-requirements §4 and §7; a Sở or Phòng
 * ships its own with `--criteria FILE`. Every criterion names its source and, where there is
 * one, its legal basis as citation ids (`src/compliance/citations.ts`) or the compliance rule
 * it mirrors; criteria that are only local practice say so in `verification`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CITATIONS, type CitationId } from '../compliance/citations.ts';
import { SECTION_KEYS } from '../site/facts.ts';
import { RULES } from '../compliance/rules/index.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import { parseWithFriendlyErrors } from '../content/validate.ts';
import { parseYaml } from '../content/yaml-source.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { levelSchema } from '../schemas/level.ts';
import { verificationSchema } from '../schemas/verification.ts';

export const DEFAULT_CRITERIA_FILE = path.join(import.meta.dirname, 'criteria', 'default.yaml');

export const SIGNAL_IDS = [
  'https',
  'edu-domain',
  'footer-fields',
  'school-email',
  'section',
  'sections',
  'disclosure-year',
  'disclosure-items',
  'annual-report-pdf',
  'disclosure-archive',
  'latest-post',
  'posts-recent',
  'posts-school-year',
  'rss',
  'search',
  'html-sitemap',
  'sitemap-xml',
  'viewport',
  'accessibility',
  'page-weight',
  'broken-links',
  'compliance-rule',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

const localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
const RULE_IDS = RULES.map((r) => r.id) as [string, ...string[]];
const CITATION_IDS = Object.keys(CITATIONS) as [CitationId, ...CitationId[]];

/** Thresholds; each signal reads the ones it needs (see docs/ranking.md). */
export const paramsSchema = z.strictObject({
  /** `section`: the section key. */
  section: z.enum(SECTION_KEYS).optional(),
  /** `sections`: the section keys, scored by the share present. */
  sections: z.array(z.enum(SECTION_KEYS)).min(1).optional(),
  /** `disclosure-year`: the current school year or the latest one already due (30/6). */
  year: z.enum(['current', 'due']).optional(),
  /** Minimum count: posts, years of archive, … */
  min: z.number().int().min(0).optional(),
  /** `latest-post`: full points up to this many days, half up to twice as many. */
  maxDays: z.number().int().min(1).optional(),
  /** `posts-recent`: window in days. */
  days: z.number().int().min(1).optional(),
  /** `posts-school-year`: expect only the share of `min` due by the date. */
  prorate: z.boolean().optional(),
  /** `page-weight`: full points up to this many KB, half up to twice as many. */
  maxKb: z.number().min(1).optional(),
  /** `broken-links`: half points up to this many broken links. */
  max: z.number().int().min(0).optional(),
  /** `compliance-rule`: the rule id of the compliance checker. */
  rule: z.enum(RULE_IDS).optional(),
});
export type CriterionParams = z.infer<typeof paramsSchema>;

export const criterionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  title: localized,
  signal: z.enum(SIGNAL_IDS),
  /** Relative weight inside the category. */
  weight: z.number().positive().default(1),
  params: paramsSchema.default({}),
  /** Levels the criterion applies to (default: all). */
  levels: z.array(levelSchema).min(1).optional(),
  /** Legal basis: citation ids and articles. */
  basis: z.array(z.strictObject({ ref: z.enum(CITATION_IDS), article: z.string().optional() })).default([]),
  /** Where the criterion comes from (research notes section, score sheet). */
  source: z.string().min(1),
  verification: verificationSchema,
});
export type Criterion = z.infer<typeof criterionSchema>;

export const categorySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]+$/),
  title: localized,
  /** Points of the category; all categories sum to 100. */
  weight: z.number().positive(),
  source: z.string().min(1),
  criteria: z.array(criterionSchema).min(1),
});

export const bandSchema = z.strictObject({ id: z.string().min(1), label: localized, min: z.number().min(0).max(100) });

export const criteriaFileSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().min(1),
  title: localized,
  source: z.string().min(1),
  bands: z.array(bandSchema).min(1),
  categories: z.array(categorySchema).min(1),
});
export type CriteriaFile = z.infer<typeof criteriaFileSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Band = z.infer<typeof bandSchema>;

export type CriteriaResult = { ok: true; criteria: CriteriaFile } | { ok: false; message: (lang: Lang) => string };

const REQUIRED_PARAM: Partial<Record<SignalId, keyof CriterionParams>> = {
  section: 'section',
  sections: 'sections',
  'disclosure-year': 'year',
  'compliance-rule': 'rule',
};

/** Checks across fields that a schema cannot express; each problem names its field. */
function crossCheck(c: CriteriaFile): { field: string; vi: string; en: string }[] {
  const out: { field: string; vi: string; en: string }[] = [];
  const sum = c.categories.reduce((n, k) => n + k.weight, 0);
  if (Math.abs(sum - 100) > 1e-9)
    out.push({
      field: 'categories[*].weight',
      vi: `Tổng trọng số các nhóm là ${sum}, cần đúng 100. Sửa trọng số các nhóm để tổng bằng 100.`,
      en: `The category weights sum to ${sum}; they must sum to exactly 100. Adjust the weights.`,
    });
  const ids = new Set<string>();
  c.categories.forEach((k, i) =>
    k.criteria.forEach((cr, j) => {
      const field = `categories[${i}].criteria[${j}]`;
      if (ids.has(cr.id))
        out.push({
          field: `${field}.id`,
          vi: `Mã tiêu chí "${cr.id}" bị trùng. Đặt mã khác.`,
          en: `Criterion id "${cr.id}" is used twice. Pick another id.`,
        });
      ids.add(cr.id);
      const need = REQUIRED_PARAM[cr.signal];
      if (need && cr.params[need] === undefined)
        out.push({
          field: `${field}.params.${need}`,
          vi: `Tín hiệu "${cr.signal}" cần tham số \`${need}\`. Thêm \`params: { ${need}: … }\`.`,
          en: `Signal "${cr.signal}" needs the parameter \`${need}\`. Add \`params: { ${need}: … }\`.`,
        });
    }),
  );
  const mins = c.bands.map((b) => b.min);
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!) || mins.at(-1) !== 0)
    out.push({
      field: 'bands',
      vi: 'Các mức xếp loại phải xếp từ điểm cao xuống thấp (`min` giảm dần) và mức cuối có `min: 0`.',
      en: 'Grade bands must be listed from high to low (`min` decreasing) and the last one must have `min: 0`.',
    });
  return out;
}

export function parseCriteria(text: string, file: string): CriteriaResult {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { ok: false, message: (lang) => formatIssues([parsed.issue], lang) };
  const res = parseWithFriendlyErrors(criteriaFileSchema, parsed.data ?? {}, file, parsed.source);
  if (!res.ok) return { ok: false, message: (lang) => formatIssues(res.issues as ContentIssue[], lang) };
  const problems = crossCheck(res.data);
  if (problems.length > 0) {
    return {
      ok: false,
      message: (lang) =>
        problems
          .map((p) => `${file} (${lang === 'vi' ? 'lỗi' : 'error'}) ${lang === 'vi' ? 'Mục' : 'Field'} ${p.field}: ${p[lang]}`)
          .join('\n\n'),
    };
  }
  return { ok: true, criteria: res.data };
}

export async function loadCriteria(file: string = DEFAULT_CRITERIA_FILE): Promise<CriteriaResult> {
  const display = path.relative(process.cwd(), path.resolve(file)) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return {
      ok: false,
      message: (lang) =>
        lang === 'vi'
          ? `Không đọc được tệp tiêu chí ${display}. Kiểm tra đường dẫn của --criteria.`
          : `Cannot read the criteria file ${display}. Check the --criteria path.`,
    };
  }
  return parseCriteria(text, display);
}

/** Citation text of a criterion: its own basis, or that of the compliance rule it mirrors. */
export function criterionBasis(c: Criterion): { ref: CitationId; article?: string | undefined }[] {
  if (c.basis.length > 0) return c.basis;
  if (c.signal === 'compliance-rule' && c.params.rule) return RULES.find((r) => r.id === c.params.rule)?.citations ?? [];
  return [];
}
