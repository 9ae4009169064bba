/**
 * Time as data: each dated duty the checker enforces, with the instruments that create it, in
 * the order they succeeded each other. A deadline is judged under the instrument in force on its
 * last day, and nothing is due before the instrument that creates it is in force (research notes
 * §8.1): the annual report is new in TT 09/2024 (in force 19/7/2024), so the first one due is the
 * report on 2024, before 30/6/2025, and none is due for 2023.
 *
 * An instrument's dates come from the citations registry (`inForce`, `until`), never repeated here.
 */
import { CITATIONS, type CitationId, type Instrument } from './citations.ts';

export interface Duty {
  /** Short Vietnamese and English names, for messages and the docs. */
  title: { vi: string; en: string };
  /** Instruments that create the duty, oldest first, each with the article when it was read. */
  basis: readonly { ref: CitationId; article?: string }[];
}

export const DUTIES = {
  /** The yearly công khai set, "trước ngày 30 tháng 6 hằng năm". */
  'cong-khai-nam-hoc': {
    title: { vi: 'công khai theo năm học', en: 'yearly disclosure' },
    basis: [
      // The article of TT 36/2017 was not read: cited without it.
      { ref: 'tt36-2017' },
      { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' },
    ],
  },
  /** The annual report of the previous calendar year, new in TT 09/2024. */
  'bao-cao-thuong-nien': {
    title: { vi: 'báo cáo thường niên', en: 'annual report' },
    basis: [{ ref: 'tt09-2024', article: 'Điều 14; Điều 15 khoản 1 điểm b' }],
  },
  /** Updates within 10 working days of a change or of official information. */
  'cap-nhat-10-ngay': {
    title: { vi: 'cập nhật trong 10 ngày làm việc', en: 'update within 10 working days' },
    basis: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }],
  },
  /** Mầm non monthly, weekly and daily plans and menus; phổ thông menus. */
  'ke-hoach-thuc-don': {
    title: { vi: 'kế hoạch giáo dục tháng, tuần, ngày và thực đơn', en: 'monthly, weekly and daily plans and menus' },
    basis: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }],
  },
  /** Keeping disclosures online for five years. */
  'luu-giu-5-nam': {
    title: { vi: 'lưu giữ công khai 5 năm', en: 'five-year retention' },
    basis: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 2' }],
  },
} as const satisfies Record<string, Duty>;

export type DutyId = keyof typeof DUTIES;

/** Whether an instrument is in force on `day` (`inForce` inclusive, `until` exclusive). */
export function inForceOn(id: CitationId, day: string): boolean {
  const inst: Instrument = CITATIONS[id];
  return (!inst.inForce || inst.inForce <= day) && (!inst.until || day < inst.until);
}

/**
 * The instrument under which a duty whose last day on time is `lastDay` is judged, or
 * `undefined` when no instrument creating it was in force that day (nothing is due).
 */
export function dutyInstrument(duty: DutyId, lastDay: string): { ref: CitationId; article?: string } | undefined {
  const basis: Duty['basis'] = DUTIES[duty].basis;
  return basis.find((b) => inForceOn(b.ref, lastDay));
}

/** The day the first instrument creating the duty came into force, if known. */
export function dutyStart(duty: DutyId): string | undefined {
  const first: Instrument = CITATIONS[DUTIES[duty].basis[0]!.ref];
  return first.inForce;
}
