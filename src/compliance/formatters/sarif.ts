/**
 * SARIF 2.1.0 for code-scanning interfaces: rules from the rule metadata (help URI from the
 * first citation with a URL, tags from the citation ids), one result per finding.
 */
import type { Lang } from '../../errors/content-errors.ts';
import type { ComplianceReport } from '../report.ts';
import { citationLabel, verificationNote } from './labels.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(report: ComplianceReport, lang: Lang = 'vi'): string {
  const rules = report.rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/-/g, ''),
    shortDescription: { text: r.title[lang] },
    fullDescription: { text: `${r.description[lang]} ${verificationNote(r.verification, lang)}` },
    helpUri: r.citations.find((c) => c.url)?.url,
    help: { text: r.citations.map((c) => citationLabel(c, lang)).join('; ') },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: r.citations.map((c) => c.id), verification: r.verification },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.sites.flatMap((site) =>
    site.results
      .filter((r) => r.status === 'fail')
      .flatMap((r) =>
        r.findings.map((f) => ({
          ruleId: r.ruleId,
          ruleIndex: index.get(r.ruleId),
          level: LEVEL[r.severity],
          message: { text: f.message[lang] },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file ?? f.url ?? site.domain ?? site.id },
                ...(f.line ? { region: { startLine: f.line } } : {}),
              },
            },
          ],
          properties: { site: site.id },
        })),
      ),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'congtruong', version: report.generator.version, rules } },
        invocations: [
          {
            executionSuccessful: true,
            properties: {
              date: report.date,
              preset: report.preset,
              ...(report.presetNotice ? { presetNotice: report.presetNotice.message[lang] } : {}),
            },
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
