/**
 * Field schemas shared by every content schema.
 *
 * Each refinement carries `params.kind`, the key of its friendly message in
 * `src/errors/content-errors.ts`, so that one error table explains every field
 * in Vietnamese and English. Keep a kind here and its message there in step.
 */
import { z } from 'zod';
import { isRealDate, parseLocalDate } from '../util/dates.ts';
import { HINT, labelled } from './field-meta.ts';

/** Trimmed, Unicode NFC text. Content typed on some systems arrives decomposed (NFD). */
export const text = () =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1));

/** Optional text: an empty string counts as absent. */
export const optionalText = () =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .optional();

/**
 * A calendar date, or a date with a time, in the school's time zone (Asia/Ho_Chi_Minh).
 * Accepted: `2025-09-05`, `2025-09-05 07:30`, `2025-09-05T07:30` and the Vietnamese
 * habit `05/09/2025`. Output is normalised to `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`.
 * The date must exist (no 30/02).
 */
export const date = () =>
  z.union([z.string(), z.date()], { error: () => ({ message: 'date', params: { kind: 'date' } }) }).transform((v, ctx) => {
    // YAML 1.1 style timestamps can reach us as Date objects when a file is parsed by
    // another tool first; keep the calendar day as written.
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
    const parsed = parseLocalDate(s);
    if (!parsed || !isRealDate(parsed)) {
      ctx.issues.push({ code: 'custom', message: 'date', params: { kind: 'date' }, input: v });
      return z.NEVER;
    }
    return parsed.iso;
  });

/** A school year such as `2025-2026`: two consecutive years. */
export const schoolYear = () =>
  z.string().refine(
    (s) => {
      const m = /^(\d{4})-(\d{4})$/.exec(s);
      return m !== null && Number(m[2]) === Number(m[1]) + 1;
    },
    { params: { kind: 'schoolYear' } },
  );

/** An e-mail address. */
export const email = () =>
  z
    .string()
    .trim()
    .refine((s) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(s) && !s.includes('..'), {
      params: { kind: 'email' },
    });

/**
 * A Vietnamese phone number: `0` or `+84` then 8 to 10 digits; spaces, dots, dashes and
 * brackets are allowed for readability and kept as written for display.
 */
export const phone = () =>
  z
    .union([z.string(), z.number()], { error: () => ({ message: 'phone', params: { kind: 'phone' } }) })
    .transform((v) => String(v).trim())
    .refine((s) => /^(\+84|0)\d{8,10}$/.test(s.replace(/[\s.()-]/g, '')), {
      params: { kind: 'phone' },
    });

/** An absolute http(s) URL. */
export const url = () =>
  z.string().refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
      } catch {
        return false;
      }
    },
    { params: { kind: 'url' } },
  );

/** A bare host name such as `thcsleloi.songxanh.edu.vn` (no scheme, no path), lower case. */
export const domain = () =>
  z
    .string()
    .trim()
    .refine((s) => /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/.test(s), {
      params: { kind: 'domain' },
    });

/** A colour as `#rrggbb`. */
export const color = () => z.string().refine((s) => /^#[0-9a-fA-F]{6}$/.test(s), { params: { kind: 'color' } });

/**
 * A file inside the school's folder, written relative to it (`media/tep/ke-hoach.pdf`).
 * The loader checks that it exists and stays inside the folder (no `../`, no absolute
 * path, no symlink out): see `src/content/files.ts`. Field names `file`, `logo` and
 * `src` are how the loader finds these references.
 */
export const fileRef = () => z.string().trim().min(1);

/** An image: a file plus the text alternative required by TT 32/2017/TT-BTTTT Điều 18 c. */
export const image = () =>
  z.strictObject({
    src: labelled(fileRef(), ['Tệp ảnh', 'Image file']),
    alt: labelled(text(), ['Mô tả ảnh (cho người khiếm thị)', 'Image description (for blind readers)']),
  });

/** An attached file with an optional display title. */
export const attachment = () =>
  z.strictObject({
    file: labelled(fileRef(), ['Tệp', 'File'], HINT.file),
    title: labelled(optionalText(), ['Tên hiển thị của tệp', 'Display name of the file']),
  });
