/**
 * UI strings. Vietnamese is the language of the sites; `en.json` mirrors the keys. Both are
 * checked at import against `vi.json` (same keys, same placeholders), so a missing string is a
 * build error rather than an empty label.
 */
import { z } from 'zod';
import vi from '../i18n/vi.json' with { type: 'json' };
import en from '../i18n/en.json' with { type: 'json' };

export type UiKey = keyof typeof vi;
export const LANGUAGES = { vi, en } as const;
export type UiLang = keyof typeof LANGUAGES;

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

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

/** Looks up a UI string and fills `{placeholders}`. */
export function t(key: UiKey, args: Record<string, string | number> = {}, lang: UiLang = 'vi'): string {
  return LANGUAGES[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
}
