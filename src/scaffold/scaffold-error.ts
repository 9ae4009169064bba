/**
 * A refusal of `congtruong new`, in both languages. Nothing is written when one is thrown
 * (every check runs before the first write), so the webmaster can fix the command and rerun it.
 */
import type { Lang } from '../errors/content-errors.ts';

export type Localized = Record<Lang, string>;

export class ScaffoldError extends Error {
  readonly text: Localized;
  /** 2: the command line is wrong (missing or bad value, bad attachment); 1: refused to overwrite. */
  readonly exitCode: 1 | 2;

  constructor(text: Localized, exitCode: 1 | 2 = 2) {
    super(text.en);
    this.name = 'ScaffoldError';
    this.text = text;
    this.exitCode = exitCode;
  }
}

/** `20 MB`, `512 KB`: sizes as webmasters read them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${(Math.round(mb * 10) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
