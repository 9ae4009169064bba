/** The JSON report: the contract of `schema.ts`, pretty-printed for diffs between years. */
import type { RankingReport } from './schema.ts';

export function formatJson(report: RankingReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
