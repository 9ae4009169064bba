/**
 * The catalogue of công khai items a school publishes, by legal instrument. A disclosure
 * file names its item with one of these ids (`item: tai-chinh`).
 *
 * Source: shared research notes, legal-requirements §2 (TT 09/2024/TT-BGDĐT Điều 4–11, 14, 15;
 * TT 36/2017/TT-BGDĐT for school years before 2024-2025). `verified` repeats the note's marker:
 * a rule that rests on an unverified fact may only warn.
 *
 * If you add an item: give it a title in Vietnamese and English, its basis, the levels it
 * applies to, and say how firmly it is verified; the compliance rules read this table.
 */
import { LEVELS, type Level } from './level.ts';

export interface DisclosureItem {
  /** Vietnamese title as shown on the Công khai page. */
  title: string;
  titleEn: string;
  /** Instrument id in the citations registry. */
  instrument: 'tt09-2024' | 'tt36-2017';
  /** Article (and clause) of the instrument. */
  basis: string;
  levels: readonly Level[];
  /**
   * The article (or form) for each level, where `basis` names several: the Công khai page shows
   * the one of the school's own level. Absent when one article serves every level.
   */
  basisByLevel?: Readonly<Partial<Record<Level, string>>>;
  verified: 'verified' | 'title-only' | 'secondary' | 'from-memory';
  /**
   * Required only when the school runs what the item is about; names the `school.yaml` flag
   * (`foreignPrograms`). Without the flag the item is neither required nor listed as missing.
   */
  when?: 'foreignPrograms';
}

const ALL: readonly Level[] = LEVELS;

export const DISCLOSURE_ITEMS = {
  'thong-tin-chung': {
    title: 'Thông tin chung về cơ sở giáo dục',
    titleEn: 'General information about the school',
    instrument: 'tt09-2024',
    basis: 'Điều 4',
    levels: ALL,
    verified: 'verified',
  },
  'tai-chinh': {
    title: 'Thu, chi tài chính',
    titleEn: 'Revenue and spending',
    instrument: 'tt09-2024',
    basis: 'Điều 5',
    levels: ALL,
    // Research notes §8.2: read through LawNet's English rendering.
    verified: 'verified',
  },
  'doi-ngu': {
    title: 'Đội ngũ nhà giáo, cán bộ quản lý và nhân viên',
    titleEn: 'Teachers, managers and staff',
    instrument: 'tt09-2024',
    basis: 'Điều 6 (mầm non), Điều 8 khoản 1 (phổ thông), Điều 10 (GDTX)',
    basisByLevel: { mn: 'Điều 6', th: 'Điều 8 khoản 1', thcs: 'Điều 8 khoản 1', thpt: 'Điều 8 khoản 1', gdtx: 'Điều 10' },
    levels: ALL,
    // Research notes §8.2: read through LawNet's English rendering.
    verified: 'verified',
  },
  'co-so-vat-chat': {
    title: 'Cơ sở vật chất và tài liệu học tập',
    titleEn: 'Facilities and learning materials',
    instrument: 'tt09-2024',
    basis: 'Điều 6, Điều 8 khoản 2, Điều 10',
    basisByLevel: { mn: 'Điều 6', th: 'Điều 8 khoản 2', thcs: 'Điều 8 khoản 2', thpt: 'Điều 8 khoản 2', gdtx: 'Điều 10' },
    levels: ALL,
    // Research notes §8.2: read through LawNet's English rendering.
    verified: 'verified',
  },
  'kiem-dinh': {
    title: 'Kết quả đánh giá, kiểm định chất lượng giáo dục',
    titleEn: 'Quality assessment and accreditation results',
    instrument: 'tt09-2024',
    basis: 'Điều 6, Điều 8 khoản 3, Điều 10',
    basisByLevel: { mn: 'Điều 6', th: 'Điều 8 khoản 3', thcs: 'Điều 8 khoản 3', thpt: 'Điều 8 khoản 3', gdtx: 'Điều 10' },
    levels: ALL,
    // Research notes §8.2: read through LawNet's English rendering.
    verified: 'verified',
  },
  'ke-hoach': {
    title: 'Kế hoạch hoạt động giáo dục năm học',
    titleEn: 'Education plan for the school year',
    instrument: 'tt09-2024',
    basis: 'Điều 7 (mầm non), Điều 9 khoản 1 (phổ thông), Điều 11 (GDTX)',
    basisByLevel: { mn: 'Điều 7', th: 'Điều 9 khoản 1', thcs: 'Điều 9 khoản 1', thpt: 'Điều 9 khoản 1', gdtx: 'Điều 11' },
    levels: ALL,
    verified: 'secondary',
  },
  'ket-qua': {
    title: 'Kết quả giáo dục năm học trước',
    titleEn: "Previous school year's education results",
    instrument: 'tt09-2024',
    basis: 'Điều 7, Điều 9 khoản 2, Điều 11',
    basisByLevel: { mn: 'Điều 7', th: 'Điều 9 khoản 2', thcs: 'Điều 9 khoản 2', thpt: 'Điều 9 khoản 2', gdtx: 'Điều 11' },
    levels: ALL,
    verified: 'secondary',
  },
  'chuong-trinh-nuoc-ngoai': {
    title: 'Chương trình giáo dục nước ngoài, chương trình giáo dục tích hợp',
    titleEn: 'Foreign and integrated education programmes',
    instrument: 'tt09-2024',
    basis: 'Điều 10 khoản 4',
    // Research notes §8.2: due when the GDTX centre runs such programmes.
    levels: ['gdtx'],
    verified: 'verified',
    when: 'foreignPrograms',
  },
  'bao-cao-thuong-nien': {
    title: 'Báo cáo thường niên',
    titleEn: 'Annual report',
    instrument: 'tt09-2024',
    basis: 'Điều 14; Điều 15 khoản 1 điểm b',
    // Mầm non schools that have a portal publish it too (Điều 14); the checker decides.
    levels: ALL,
    verified: 'verified',
  },
  'cam-ket-chat-luong': {
    title: 'Cam kết chất lượng giáo dục',
    titleEn: 'Education quality commitment',
    instrument: 'tt36-2017',
    basis: 'Biểu mẫu 01 (mầm non), 05 (tiểu học), 09 (THCS, THPT)',
    basisByLevel: { mn: 'Biểu mẫu 01', th: 'Biểu mẫu 05', thcs: 'Biểu mẫu 09', thpt: 'Biểu mẫu 09' },
    levels: ['mn', 'th', 'thcs', 'thpt'],
    verified: 'from-memory',
  },
  'chat-luong-thuc-te': {
    title: 'Chất lượng giáo dục thực tế',
    titleEn: 'Actual education quality',
    instrument: 'tt36-2017',
    basis: 'Biểu mẫu 02, 06, 10',
    basisByLevel: { mn: 'Biểu mẫu 02', th: 'Biểu mẫu 06', thcs: 'Biểu mẫu 10', thpt: 'Biểu mẫu 10' },
    levels: ['mn', 'th', 'thcs', 'thpt'],
    verified: 'from-memory',
  },
  'co-so-vat-chat-tt36': {
    title: 'Cơ sở vật chất',
    titleEn: 'Facilities',
    instrument: 'tt36-2017',
    basis: 'Biểu mẫu 03, 07, 11',
    basisByLevel: { mn: 'Biểu mẫu 03', th: 'Biểu mẫu 07', thcs: 'Biểu mẫu 11', thpt: 'Biểu mẫu 11' },
    levels: ['mn', 'th', 'thcs', 'thpt'],
    verified: 'from-memory',
  },
  'doi-ngu-tt36': {
    title: 'Đội ngũ nhà giáo, cán bộ quản lý và nhân viên',
    titleEn: 'Teachers, managers and staff',
    instrument: 'tt36-2017',
    basis: 'Biểu mẫu 04, 08, 12',
    basisByLevel: { mn: 'Biểu mẫu 04', th: 'Biểu mẫu 08', thcs: 'Biểu mẫu 12', thpt: 'Biểu mẫu 12' },
    levels: ['mn', 'th', 'thcs', 'thpt'],
    verified: 'from-memory',
  },
  'tai-chinh-tt36': {
    title: 'Thu, chi tài chính',
    titleEn: 'Revenue and spending',
    instrument: 'tt36-2017',
    basis: 'Quy chế công khai kèm TT 36/2017',
    levels: ALL,
    verified: 'from-memory',
  },
} as const satisfies Record<string, DisclosureItem>;

export type DisclosureItemId = keyof typeof DISCLOSURE_ITEMS;
export const DISCLOSURE_ITEM_IDS = Object.keys(DISCLOSURE_ITEMS) as [DisclosureItemId, ...DisclosureItemId[]];
