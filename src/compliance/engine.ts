/**
 * Runs the rules over the facts of one or more sites and builds the report.
 */
import { CITATIONS, citationOn, type Instrument } from './citations.ts';
import { fillMessage, type CheckOptions, type Rule, type RuleContext } from './rule.ts';
import { presetInForce, presetRules } from './presets.ts';
import type { SiteFacts } from '../site/facts.ts';
import { publicOn } from './facts-from-content.ts';
import { REPORT_VERSION, type ComplianceReport, type Finding, type RuleMeta, type SiteResult } from './report.ts';
import { schoolYearOf } from '../util/dates.ts';
import { PACKAGE_VERSION } from '../util/package-root.ts';

export const DEFAULT_OPTIONS: CheckOptions = { minPostsPerYear: 40, maxStaleDays: 30 };

export interface CheckRequest {
  sites: SiteFacts[];
  /** `YYYY-MM-DD`, Vietnam time. */
  date: string;
  preset?: string | undefined;
  options?: Partial<CheckOptions> | undefined;
}

export class UnknownPresetError extends Error {}

/**
 * A rule's metadata for a report. With a `date`, each citation names the instrument that governs
 * on that day (a replaced decree is cited by its successor, with what it replaces); without one
 * (the generated docs) citations stay as the rule writes them.
 */
export function ruleMeta(rule: Rule, date?: string): RuleMeta {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    verification: rule.verification,
    levels: [...rule.levels],
    inputs: [...rule.inputs],
    citations: rule.citations.map((c) => {
      const r = citationOn(c, date);
      const inst: Instrument = CITATIONS[r.ref];
      return {
        id: r.ref,
        number: inst.number,
        title: inst.title,
        article: r.article,
        url: inst.url,
        ...(r.replaces ? { replaces: { id: r.replaces.ref, number: CITATIONS[r.replaces.ref].number, article: r.replaces.article } } : {}),
        ...(r.historical ? { historical: true } : {}),
      };
    }),
    description: rule.description,
  };
}

export function runChecks(req: CheckRequest): ComplianceReport {
  const preset = req.preset ?? 'recommended';
  const chosen = presetRules(preset);
  if (!chosen) throw new UnknownPresetError(preset);
  // A historical preset run after its end also checks the instruments in force, and says so first.
  const current = presetInForce(preset, req.date);
  const rules = current ? current.rules : chosen;
  const options = { ...DEFAULT_OPTIONS, ...req.options };
  const schoolYear = schoolYearOf(req.date);
  return {
    version: REPORT_VERSION,
    generator: { name: 'congtruong', version: PACKAGE_VERSION },
    date: req.date,
    schoolYear,
    preset,
    ...(current ? { presetNotice: current.notice } : {}),
    rules: rules.map((r) => ruleMeta(r, req.date)),
    sites: req.sites.map((facts) => checkSite(publicOn(facts, req.date), rules, req.date, schoolYear, options)),
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
