/**
 * UI strings. Vietnamese is the language of the sites; `en.json` mirrors the keys for
 * maintainers and for an English preview. Keys are checked at import: a missing string is a
 * build error rather than an empty label.
 */
import vi from '../i18n/vi.json' with { type: 'json' };

export type UiKey = keyof typeof vi;

/** Looks up a UI string and fills `{placeholders}`. */
export function t(key: UiKey, args: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));
}
