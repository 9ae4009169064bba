/**
 * The JSON report of a compliance check: a documented, versioned contract read by the ranking
 * job, the host dashboard and other tools. `docs/compliance-report.schema.json` is generated
 * from this schema (`npm run docs:schema`) and a test keeps the two equal.
 *
 * Changing the contract: additive changes keep `version`; removing or renaming a field, or
 * changing its meaning, increments it.
 */
import { z } from 'zod';
import { verificationSchema } from '../schemas/verification.ts';

export const REPORT_VERSION = 1;

const localized = z.object({ vi: z.string(), en: z.string() });
const severity = z.enum(['error', 'warning', 'info']);

export const citationSchema = z.object({
  /** Instrument id in the registry, e.g. `tt09-2024`. */
  id: z.string(),
  /** Official number, e.g. `09/2024/TT-BGDĐT`. */
  number: z.string(),
  title: z.string(),
  article: z.string().optional(),
  url: z.string().optional(),
  /** The instrument the rule was written against, when a successor governs on the check date. */
  replaces: z.object({ id: z.string(), number: z.string(), article: z.string().optional() }).optional(),
  /** Cited as history only: no longer in force (e.g. TT 53/2012, where an idea comes from). */
  historical: z.boolean().optional(),
});

export const ruleMetaSchema = z.object({
  id: z.string(),
  title: localized,
  /** Severity when the rule fails. */
  severity,
  /** How firmly the legal basis is verified: `verified` → error, `partial` → warning, else info. */
  verification: verificationSchema,
  levels: z.array(z.string()),
  inputs: z.array(z.enum(['source', 'html'])),
  citations: z.array(citationSchema),
  description: localized,
});

export const findingSchema = z.object({
  /** Key of the rule message, stable across versions. */
  messageKey: z.string(),
  message: localized,
  file: z.string().optional(),
  url: z.string().optional(),
  line: z.number().int().optional(),
  /** Text or element found, as evidence. */
  text: z.string().optional(),
});

export const ruleResultSchema = z.object({
  ruleId: z.string(),
  /** `not-applicable`: the level, the input or the school's settings exclude the rule. */
  status: z.enum(['pass', 'fail', 'not-applicable']),
  severity,
  findings: z.array(findingSchema),
});

export const siteResultSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  domain: z.string().optional(),
  input: z.enum(['source', 'html']),
  levels: z.array(z.string()),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    passed: z.number().int(),
    notApplicable: z.number().int(),
  }),
  results: z.array(ruleResultSchema),
});

export const complianceReportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  generator: z.object({ name: z.literal('congtruong'), version: z.string() }),
  /** Date the check was made for, `YYYY-MM-DD`, Asia/Ho_Chi_Minh. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** School year of `date`. */
  schoolYear: z.string(),
  preset: z.string(),
  /**
   * Set when a historical preset is run at a date after its end: the instrument is replaced, by
   * what, and the rules of the instruments in force were checked as well (they decide the result).
   */
  presetNotice: z
    .object({
      until: z.string(),
      replacedBy: z.array(z.string()),
      message: localized,
    })
    .optional(),
  rules: z.array(ruleMetaSchema),
  sites: z.array(siteResultSchema),
});

export type ComplianceReport = z.infer<typeof complianceReportSchema>;
export type SiteResult = z.infer<typeof siteResultSchema>;
export type RuleResult = z.infer<typeof ruleResultSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type RuleMeta = z.infer<typeof ruleMetaSchema>;

/** JSON Schema (draft 2020-12) of the report, for other tools. */
export function reportJsonSchema(): unknown {
  return {
    title: 'Cổng Trường compliance report',
    ...z.toJSONSchema(complianceReportSchema),
  };
}
