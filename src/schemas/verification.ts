/**
 * How firmly the legal basis of a rule or criterion was checked against the text of the law.
 * One list for the rules, the citations registry, the compliance report and the ranking
 * report; the severity a marker gives a rule is in `src/compliance/rule.ts` (`SEVERITY_OF`).
 */
import { z } from 'zod';

export const VERIFICATIONS = [
  /** The article was read in the official text and says what the rule checks. */
  'verified',
  /** Part of what the rule checks is in the text; the rest is an interpretation. */
  'partial',
  /** Not yet checked against the text: reported for information only. */
  'unverified',
  /** A Sở's evaluation practice, not a legal duty. */
  'local-practice',
] as const;

export const verificationSchema = z.enum(VERIFICATIONS);
export type Verification = z.infer<typeof verificationSchema>;
