/** The JSON contract (see `../report.ts` and docs/compliance-report.schema.json). */
import type { ComplianceReport } from '../report.ts';

export function formatJson(report: ComplianceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
