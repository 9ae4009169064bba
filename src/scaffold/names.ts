/**
 * File names that `congtruong new` gives to what it creates. Entry names become page
 * addresses (the loader slugs the file name), so they are slugs already: what the teacher
 * sees in the folder is what parents see in the address bar.
 */
import { slugify } from '../util/slug.ts';

/** Longest slug we create; long Vietnamese titles make unreadable addresses. */
export const MAX_SLUG_LENGTH = 80;

/**
 * "Lễ khai giảng năm học 2025–2026!" → "le-khai-giang-nam-hoc-2025-2026". Long titles are cut
 * at a word boundary so that no word is split in the middle.
 */
export function entrySlug(title: string, max = MAX_SLUG_LENGTH): string {
  const slug = slugify(title.normalize('NFC'));
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * A safe name for a copied attachment: only the last path segment of what was given (no
 * `../`, no folders, either slash), NFC, diacritics folded, đ → d, lower case, no spaces or
 * `%`, no leading dot. `ext` is the checked extension, already lower case.
 */
export function safeAttachmentName(given: string, ext: string, max = 60): string {
  const base = given.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${entrySlug(stem, max) || 'tep'}.${ext}`;
}

/** The extension of a file name as given, lower case, without the dot ('' when none). */
export function extensionOf(given: string): string {
  const base = given.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
