/**
 * Public holidays in Vietnam that fall on weekdays, by year, for counting working days
 * ("10 ngày làm việc", TT 09/2024/TT-BGDĐT Điều 15 k1 a).
 *
 * Basis: Bộ luật Lao động 2019 Điều 112 (1/1, Tết Âm lịch 5 days, Giỗ Tổ Hùng Vương 10/3 âm
 * lịch, 30/4, 1/5, Quốc khánh 2/9 and one adjacent day), with the Tết dates the government
 * announces each year. These dates are written from memory and must be checked against the
 * yearly announcements; deadline rules that count working days therefore only warn.
 *
 * To add a year: list every weekday off (official Tết break and compensatory days included).
 */
export const PUBLIC_HOLIDAYS: Record<number, readonly string[]> = {
  2024: [
    '2024-01-01',
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18',
    '2024-04-29',
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
  ],
  2025: [
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  2026: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
  2027: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-04-16',
    '2027-04-30',
    '2027-05-03',
    '2027-09-02',
    '2027-09-03',
  ],
};
