/**
 * Presets: which rules a check enforces, one per legal instrument, so that a hosting unit can
 * publish "the set we enforce" as one reviewed list. A preset selects the rules citing its
 * instrument; `recommended` (the default) selects all. Historical instruments stay available for
 * reading old sites and old Sở score sheets.
 */
import { CITATIONS, type CitationId, type Instrument } from './citations.ts';
import { vnDate } from './calendar.ts';
import { inForceOn } from './duties.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './rule.ts';
import { PRESET_IDS } from '../schemas/preset-ids.ts';

export interface Preset {
  id: string;
  title: string;
  /** Instrument whose rules the preset selects; none for `recommended`. */
  instrument?: CitationId;
  /** Dates between which the instrument applies (`until` exclusive). */
  from?: string | undefined;
  until?: string | undefined;
  historical: boolean;
  /**
   * For a historical preset: the instruments that apply in its place (research notes §8.5:
   * "TT 53/2012 hết hiệu lực từ 20/11/2020; áp dụng TT 37/2020 và TT 09/2024").
   */
  successors?: readonly CitationId[] | undefined;
}

const instrumentPreset = (id: string, instrument: CitationId, successors?: readonly CitationId[]): Preset => {
  const c: Instrument = CITATIONS[instrument];
  return {
    id,
    title: `${c.number}: ${c.title}`,
    instrument,
    from: c.inForce,
    until: c.until,
    historical: c.until !== undefined,
    successors,
  };
};

export const PRESETS: readonly Preset[] = [
  { id: 'recommended', title: 'Mọi quy tắc (khuyến nghị) / all rules (recommended)', historical: false },
  instrumentPreset('tt37-2020', 'tt37-2020'),
  instrumentPreset('tt09-2024', 'tt09-2024'),
  instrumentPreset('tt32-2017', 'tt32-2017'),
  instrumentPreset('tt26-2020', 'tt26-2020'),
  instrumentPreset('tt24-2011', 'tt24-2011'),
  instrumentPreset('tt53-2012', 'tt53-2012', ['tt37-2020', 'tt09-2024']),
  instrumentPreset('tt36-2017', 'tt36-2017', ['tt09-2024']),
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

/** "TT 53/2012", "NĐ 42/2022", "Luật 91/2025": how people name an instrument. */
export function shortName(id: CitationId): string {
  const n = CITATIONS[id].number;
  const [num, year] = n.split('/');
  if (!year) return n;
  const kind = /TT-/.test(n) ? 'TT' : /NĐ-CP/.test(n) ? 'NĐ' : /QH/.test(n) ? 'Luật' : '';
  return `${kind} ${num}/${year}`.trim();
}

/**
 * A historical preset run at a date on or after its end: the rules it selects plus those of the
 * instruments in force in its place (so that the exit code follows the rules in force), and the
 * notice the report prints first. `undefined` for a current preset, or a date when it applied.
 */
export function presetInForce(
  id: string,
  date: string,
): { rules: Rule[]; notice: { until: string; replacedBy: string[]; message: { vi: string; en: string } } } | undefined {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset?.instrument || !preset.until || !preset.successors || date < preset.until) return undefined;
  // Only the successors in force on the date (in 2022 TT 37/2020 applies, TT 09/2024 not yet).
  const successors = preset.successors.filter((s) => inForceOn(s, date));
  const own = presetRules(id)!;
  const ids = new Set([...own, ...successors.flatMap((s) => presetRules(s) ?? [])].map((r) => r.id));
  const rules = RULES.filter((r) => ids.has(r.id));
  const old = shortName(preset.instrument);
  const vi = successors.map(shortName).join(' và ');
  const en = successors.map(shortName).join(' and ');
  const until = vnDate(preset.until);
  return {
    rules,
    notice: {
      until: preset.until,
      replacedBy: successors,
      message: {
        vi: `${old} hết hiệu lực từ ${until}; áp dụng ${vi}. Báo cáo này kiểm tra cả các quy tắc của văn bản đang có hiệu lực, và kết quả theo các quy tắc đó.`,
        en: `${old} is no longer in force since ${until}; ${en} apply. This report also checks the rules of the instruments in force, and its result follows them.`,
      },
    },
  };
}
