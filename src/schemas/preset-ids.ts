/** Ids of the compliance presets (see `presets.ts`); kept apart so that schemas can validate them cheaply. */
export const PRESET_IDS = [
  'recommended',
  'tt37-2020',
  'tt09-2024',
  'tt32-2017',
  'tt26-2020',
  'tt24-2011',
  'tt53-2012',
  'tt36-2017',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];
