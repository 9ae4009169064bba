/**
 * Runs the rules over the facts of one or more sites and builds the report.
 */
import { CITATIONS } from './citations.ts';
import { fillMessage, type CheckOptions, type Rule, type RuleContext } from './rule.ts';
import { presetRules } from './presets.ts';
import type { SiteFacts } from './facts.ts';
import { REPORT_VERSION, type ComplianceReport, type Finding, type RuleMeta, type SiteResult } from './report.ts';
import { schoolYearOf } from '../util/dates.ts';

export const DEFAULT_OPTIONS: CheckOptions = { minPostsPerYear: 40, maxStaleDays: 30 };

export interface CheckRequest {
  sites: SiteFacts[];
  /** `YYYY-MM-DD`, Vietnam time. */
  date: string;
  preset?: string | undefined;
  options?: Partial<CheckOptions> | undefined;
}

export class UnknownPresetError extends Error {}

const PACKAGE_VERSION = '0.1.0';

export function ruleMeta(rule: Rule): RuleMeta {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    verification: rule.verification,
    levels: [...rule.levels],
    inputs: [...rule.inputs],
    citations: rule.citations.map((c) => {
      const inst = CITATIONS[c.ref] as { number: string; title: string; url?: string };
      return { id: c.ref, number: inst.number, title: inst.title, article: c.article, url: inst.url };
    }),
    description: rule.description,
  };
}

export function runChecks(req: CheckRequest): ComplianceReport {
  const preset = req.preset ?? 'recommended';
  const rules = presetRules(preset);
  if (!rules) throw new UnknownPresetError(preset);
  const options = { ...DEFAULT_OPTIONS, ...req.options };
  const schoolYear = schoolYearOf(req.date);
  return {
    version: REPORT_VERSION,
    generator: { name: 'congtruong', version: PACKAGE_VERSION },
    date: req.date,
    schoolYear,
    preset,
    rules: rules.map(ruleMeta),
    sites: req.sites.map((facts) => checkSite(facts, rules, req.date, schoolYear, options)),
  };
}

function checkSite(facts: SiteFacts, rules: Rule[], date: string, schoolYear: string, options: CheckOptions): SiteResult {
  const results = rules.map((rule) => {
    const applicable = rule.inputs.includes(facts.input) && rule.levels.some((l) => facts.levels.includes(l));
    if (!applicable) return { ruleId: rule.id, status: 'not-applicable' as const, severity: rule.severity, findings: [] };
    const findings: Finding[] = [];
    const ctx: RuleContext = {
      facts,
      date,
      schoolYear,
      options,
      report(key, args = {}, evidence = {}) {
        const m = rule.messages[key];
        if (!m) throw new Error(`Rule ${rule.id} has no message "${key}".`);
        findings.push({
          messageKey: key,
          message: { vi: fillMessage(m.vi, args), en: fillMessage(m.en, args) },
          ...(evidence.file ? { file: evidence.file } : {}),
          ...(evidence.url ? { url: evidence.url } : {}),
          ...(evidence.line ? { line: evidence.line } : {}),
          ...(evidence.text ? { text: evidence.text } : {}),
        });
      },
    };
    rule.check(ctx);
    return { ruleId: rule.id, status: findings.length > 0 ? ('fail' as const) : ('pass' as const), severity: rule.severity, findings };
  });
  const failed = (s: string) => results.filter((r) => r.status === 'fail' && r.severity === s).length;
  return {
    id: facts.id,
    ...(facts.name ? { name: facts.name } : {}),
    ...(facts.domain ? { domain: facts.domain } : {}),
    input: facts.input,
    levels: facts.levels,
    summary: {
      errors: failed('error'),
      warnings: failed('warning'),
      infos: failed('info'),
      passed: results.filter((r) => r.status === 'pass').length,
      notApplicable: results.filter((r) => r.status === 'not-applicable').length,
    },
    results,
  };
}
