/**
 * What a compliance rule is: data (id, titles, citations, levels, how firmly its legal basis
 * is verified, messages, explanation) plus one small `check` function over `SiteFacts`.
 *
 * Severity follows verification (research notes' markers): a verified legal duty is an error,
 * a partly verified one a warning, an unverified fact or a local practice only informs.
 * `maxSeverity` can lower it further (never raise it), e.g. when the law says "may".
 */
import type { Localized } from '../errors/content-issue.ts';
import { LEVELS, type Level } from '../schemas/level.ts';
import type { Verification } from '../schemas/verification.ts';
import type { CitationRef } from './citations.ts';
import type { DutyId } from './duties.ts';
import type { Evidence, SiteFacts } from '../site/facts.ts';

export type Severity = 'error' | 'warning' | 'info';
export type { Verification };

export const SEVERITY_OF: Record<Verification, Severity> = {
  verified: 'error',
  partial: 'warning',
  unverified: 'info',
  'local-practice': 'info',
};
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface CheckOptions {
  /** Minimum posts per school year (FRESH-001). Default 40 (Sở GD&ĐT TP.HCM). */
  minPostsPerYear: number;
  /** Maximum days since the latest post (FRESH-002). Default 30. */
  maxStaleDays: number;
}

export interface RuleContext {
  facts: SiteFacts;
  /** Date of the check, `YYYY-MM-DD`, Vietnam time. */
  date: string;
  /** School year the date falls in. */
  schoolYear: string;
  options: CheckOptions;
  /** Records a failure with a message key of the rule, its arguments and where it was seen. */
  report(key: string, args?: Record<string, string | number>, evidence?: Evidence): void;
}

export interface RuleDefinition {
  id: string;
  title: Localized;
  citations: CitationRef[];
  /** Levels the rule applies to. */
  levels: readonly Level[];
  verification: Verification;
  maxSeverity?: Severity;
  /**
   * The dated duty the rule judges (`duties.ts`): its instruments and their dates decide what is
   * due on a check date, and the docs show them.
   */
  duty?: DutyId;
  /** Inputs the rule can judge: content folders, built or crawled HTML, or both. */
  inputs: readonly ('source' | 'html')[];
  /** One-sentence messages keyed by failure kind; `{name}` placeholders. */
  messages: Record<string, Localized>;
  /** Why the rule exists and how to fix a failure. */
  description: Localized;
  check(ctx: RuleContext): void;
}

export interface Rule extends RuleDefinition {
  severity: Severity;
}

/** Every school level: a rule that applies to all of them (the list is `LEVELS` of `src/schemas/level.ts`). */
export const ALL_LEVELS: readonly Level[] = LEVELS;

export function defineRule(def: RuleDefinition): Rule {
  const fromVerification = SEVERITY_OF[def.verification];
  const severity = def.maxSeverity && RANK[def.maxSeverity] < RANK[fromVerification] ? def.maxSeverity : fromVerification;
  return { ...def, severity };
}

/** Fills `{placeholders}`. */
export function fillMessage(text: string, args: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
}
