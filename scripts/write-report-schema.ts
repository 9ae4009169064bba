/**
 * Writes the generated compliance docs: the JSON Schema of the report contract and the table
 * of rules with their citations. A test fails when they are out of date: run
 * `npm run docs:schema` after changing a rule or the report schema.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderRulesDoc, renderSchemaDoc } from '../src/compliance/docs.ts';

const docs = path.resolve(import.meta.dirname, '../docs');
await writeFile(path.join(docs, 'compliance-report.schema.json'), renderSchemaDoc());
await writeFile(path.join(docs, 'compliance-rules.md'), renderRulesDoc());
console.log('Wrote docs/compliance-report.schema.json and docs/compliance-rules.md');
