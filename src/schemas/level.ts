/**
 * School levels (cấp học). Codes follow the glossary in the design notes.
 * @see TT 37/2020/TT-BGDĐT Điều 1 (mầm non, phổ thông, giáo dục thường xuyên)
 */
import { z } from 'zod';

export const LEVELS = ['mn', 'th', 'thcs', 'thpt', 'gdtx'] as const;

/** One school level: `mn` mầm non, `th` tiểu học, `thcs`, `thpt`, `gdtx`. */
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

/** Vietnamese names of the levels, as shown to readers. */
export const LEVEL_NAMES: Record<Level, string> = {
  mn: 'Mầm non',
  th: 'Tiểu học',
  thcs: 'Trung học cơ sở',
  thpt: 'Trung học phổ thông',
  gdtx: 'Giáo dục thường xuyên',
};

/** Short names of the levels, for tables and filters where space is scarce. */
export const LEVEL_SHORT_NAMES: Record<Level, string> = {
  mn: 'Mầm non',
  th: 'Tiểu học',
  thcs: 'THCS',
  thpt: 'THPT',
  gdtx: 'GDTX',
};
