/**
 * The one shape of a user-facing error outside content (scaffolding, command line, snapshots,
 * the publishing server), and the one formatter they share with content errors.
 *
 * An entry has a permanent name (its key: people search for it), a message saying what happened
 * and what was expected, and a fix, each in Vietnamese and English with `{named}` placeholders.
 * Arguments are formatted at the throw site (sizes, lists, dates), never in the catalogue, and a
 * value that differs by language is passed as `{ vi, en }`.
 *
 * If you add an entry: keep its name stable forever, write full sentences without exclamation
 * marks, name the option, file or field involved, and add real values for its placeholders to
 * `tests/errors/catalogues.test.ts` (every entry is rendered there in both languages).
 */
import type { Lang } from './content-errors.ts';

export type { Lang } from './content-errors.ts';

/** A text in each language of the product. */
export type Text = Record<Lang, string>;

/** One catalogue entry. */
export interface ErrorData {
  /** What happened and what was expected; names the option, file or field. */
  message: Text;
  /** How to fix it; empty when the message already says it all (e.g. "cancelled"). */
  fix: Text;
}

/** Values for the `{placeholders}`: plain (paths, numbers, option names) or one per language. */
export type ErrorArgs = Readonly<Record<string, string | number | Text>>;

const FIX_LABEL: Text = { vi: 'Cách sửa', en: 'How to fix' };

/**
 * Replaces `{name}` with its value in `lang`. A placeholder without a value renders as nothing:
 * optional parts (a "did you mean" suggestion) are passed as empty strings by the caller.
 */
export function fill(template: string, args: ErrorArgs | undefined, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = args?.[k];
    if (v === undefined) return '';
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** The names of the `{placeholders}` of a text, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** An entry as text: the message, then `Cách sửa: …` on its own line when there is a fix. */
export function renderError(data: ErrorData, args: ErrorArgs | undefined, lang: Lang): string {
  const message = fill(data.message[lang], args, lang);
  const fix = fill(data.fix[lang], args, lang).trim();
  return fix === '' ? message : `${message}\n${FIX_LABEL[lang]}: ${fix}`;
}

/**
 * An error a person reads, carrying its catalogue entry and arguments instead of a sentence, so
 * that it is rendered in the language of the command (`render(lang)`) where it is reported.
 * `message` holds the English text for logs and for errors caught where no language is known.
 */
export class CatalogueError<Name extends string = string> extends Error {
  /** The permanent name of the entry. */
  readonly code: Name;
  readonly args: ErrorArgs;
  readonly data: ErrorData;

  constructor(code: Name, data: ErrorData, args: ErrorArgs = {}) {
    super(renderError(data, args, 'en'));
    this.code = code;
    this.args = args;
    this.data = data;
  }

  /** The text in `lang`: message, then how to fix it. */
  render(lang: Lang): string {
    return renderError(this.data, this.args, lang);
  }
}

/** A value that differs by language, computed once per language: `perLang((l) => formatIssues(issues, l))`. */
export const perLang = (f: (lang: Lang) => string): Text => ({ vi: f('vi'), en: f('en') });

/** ` Có phải là "x"?` after a message, or nothing when there is no close guess. */
export const didYouMean = (guess: string | undefined): Text | string =>
  guess === undefined ? '' : { vi: ` Có phải là "${guess}"?`, en: ` Did you mean "${guess}"?` };
