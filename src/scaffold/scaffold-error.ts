/**
 * A refusal of `congtruong new`, as an entry of `SCAFFOLD_ERRORS` with its arguments. Nothing is
 * written when one is thrown (every check runs before the first write), so the webmaster can
 * fix the command and rerun it. The command renders it in the language of `--lang`.
 */
import { CatalogueError, type ErrorArgs } from '../errors/catalogue.ts';
import type { Lang } from '../errors/content-errors.ts';
import { SCAFFOLD_ERRORS, type ScaffoldErrorName } from '../errors/scaffold-errors.ts';

export type Localized = Record<Lang, string>;

export class ScaffoldError extends CatalogueError<ScaffoldErrorName> {
  /** 2: the command line is wrong (missing or bad value, bad attachment); 1: refused to overwrite. */
  readonly exitCode: 1 | 2;

  constructor(code: ScaffoldErrorName, args: ErrorArgs = {}) {
    const data = SCAFFOLD_ERRORS[code];
    super(code, data, args);
    this.name = 'ScaffoldError';
    this.exitCode = 'exitCode' in data ? data.exitCode : 2;
  }
}

/** `20 MB`, `512 KB`: sizes as webmasters read them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${(Math.round(mb * 10) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A size in both languages (`1,5 MB` / `1.5 MB`), for a catalogue argument. */
export const bytesText = (bytes: number): Localized => ({ vi: formatBytes(bytes, 'vi'), en: formatBytes(bytes, 'en') });
