/**
 * UI strings. Vietnamese is the language of the sites; `en.json` mirrors the keys. Both are
 * checked at import against `vi.json` (same keys, same placeholders), so a missing string is a
 * build error rather than an empty label.
 */
import { z } from 'zod';
import { fill, placeholdersOf } from './fill.ts';
import viStrings from '../i18n/vi.json' with { type: 'json' };
import enStrings from '../i18n/en.json' with { type: 'json' };
import { SECTIONS, SECTION_NAMES, type SectionName } from '../../src/site/sections.ts';

/**
 * Section names (`nav.news`, `nav.documents` …) come from the table of sections, where the
 * routes, the manifest and the checker read them too; the JSON files hold every other string.
 */
const sectionStrings = (lang: 'vi' | 'en') =>
  Object.fromEntries(SECTION_NAMES.map((n) => [`nav.${n}`, SECTIONS[n].title[lang]])) as Record<`nav.${SectionName}`, string>;
const vi = { ...viStrings, ...sectionStrings('vi') };
const en = { ...enStrings, ...sectionStrings('en') };

export type UiKey = keyof typeof vi;
export const LANGUAGES = { vi, en } as const;
export type UiLang = keyof typeof LANGUAGES;

const placeholders = (s: string) => placeholdersOf(s).sort().join();

/** A language file: exactly the keys of vi.json, each with the same placeholders. */
const languageSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(vi).map(([k, v]) => [
      k,
      z.string().refine((s) => placeholders(s) === placeholders(v), { message: `placeholders of "${k}" differ from vi.json` }),
    ]),
  ),
);
for (const [lang, strings] of Object.entries(LANGUAGES)) {
  const res = languageSchema.safeParse(strings);
  if (!res.success)
    throw new Error(`templates/i18n/${lang}.json: ${res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/**
 * Looks up a UI string and fills its `{placeholders}`. A placeholder without a value is a
 * programming error, not an empty word: a page once read ` kết quả cho ""` because a string
 * meant for the browser was filled at build time. Such strings go through `template`.
 */
export function t(key: UiKey, args: Record<string, string | number> = {}, lang: UiLang = 'vi'): string {
  const missing = placeholdersOf(LANGUAGES[lang][key]).filter((k) => !(k in args));
  if (missing.length > 0)
    throw new Error(`UI string "${key}" needs a value for {${missing.join('}, {')}}; use template() for strings filled in the browser.`);
  return fill(LANGUAGES[lang][key], args);
}

/** A UI string with its `{placeholders}` left in, for a script that fills them with `fill`. */
export function template(key: UiKey, lang: UiLang = 'vi'): string {
  return LANGUAGES[lang][key];
}
