/**
 * Presets: which rules a check enforces, one per legal instrument, so that a hosting unit can
 * publish "the set we enforce" as one reviewed list. A preset selects the rules citing its
 * instrument; `recommended` (the default) selects all. Historical instruments stay available for
 * reading old sites and old Sở score sheets.
 */
import { CITATIONS, type CitationId } from './citations.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rule.ts';
import { PRESET_IDS } from './preset-ids.ts';

export interface Preset {
  id: string;
  title: string;
  /** Instrument whose rules the preset selects; none for `recommended`. */
  instrument?: CitationId;
  /** Dates between which the instrument applies (`until` exclusive). */
  from?: string | undefined;
  until?: string | undefined;
  historical: boolean;
}

const instrumentPreset = (id: string, instrument: CitationId): Preset => {
  const c = CITATIONS[instrument] as { number: string; title: string; inForce?: string; until?: string };
  return { id, title: `${c.number}: ${c.title}`, instrument, from: c.inForce, until: c.until, historical: c.until !== undefined };
};

export const PRESETS: readonly Preset[] = [
  { id: 'recommended', title: 'Mọi quy tắc (khuyến nghị) / all rules (recommended)', historical: false },
  instrumentPreset('tt37-2020', 'tt37-2020'),
  instrumentPreset('tt09-2024', 'tt09-2024'),
  instrumentPreset('tt32-2017', 'tt32-2017'),
  instrumentPreset('tt26-2020', 'tt26-2020'),
  instrumentPreset('tt24-2011', 'tt24-2011'),
  instrumentPreset('tt53-2012', 'tt53-2012'),
  instrumentPreset('tt36-2017', 'tt36-2017'),
];

export { PRESET_IDS };

// Every listed preset exists, and only those.
if (PRESETS.map((p) => p.id).join() !== PRESET_IDS.join()) throw new Error('PRESETS and PRESET_IDS disagree.');

export function presetRules(id: string): Rule[] | undefined {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) return undefined;
  if (!preset.instrument) return [...RULES];
  return RULES.filter((r) => r.citations.some((c) => c.ref === preset.instrument));
}
