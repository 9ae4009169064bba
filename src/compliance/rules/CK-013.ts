import { defineRule, ALL_LEVELS } from '../rule.ts';
import { disclosureInstrument, latestDueSchoolYear, requiredItems, schoolYearFrom, startYear } from '../school-years.ts';
import { DISCLOSURE_ITEMS } from '../../schemas/disclosure-items.ts';

export default defineRule({
  id: 'CK-013',
  title: { vi: 'Năm học trước 2024-2025: công khai theo TT 36/2017', en: 'School years before 2024-2025: disclosures under TT 36/2017' },
  citations: [{ ref: 'tt36-2017', historical: true }],
  levels: ALL_LEVELS,
  verification: 'unverified',
  duty: 'cong-khai-nam-hoc',
  inputs: ['source'],
  messages: {
    missing: { vi: 'Năm học {year} (theo TT 36/2017) thiếu: {items}.', en: 'School year {year} (under TT 36/2017) lacks: {items}.' },
    absent: {
      vi: 'Không còn nội dung công khai của các năm học theo TT 36/2017: {years}.',
      en: 'No disclosures kept for the school years under TT 36/2017: {years}.',
    },
  },
  description: {
    vi: 'Các năm học có hạn công khai trước khi TT 09/2024 có hiệu lực (19/07/2024) công khai theo TT 36/2017 (cam kết chất lượng, chất lượng thực tế, cơ sở vật chất, đội ngũ, tài chính). Thời hạn lưu giữ 5 năm của TT 09/2024 không chắc áp dụng cho các năm này, nên quy tắc chỉ gợi ý. Danh sách biểu mẫu được ghi theo trí nhớ, chỉ để tham khảo khi lưu trữ năm cũ.',
    en: 'School years whose disclosure deadline fell before TT 09/2024 came into force (19/07/2024) followed TT 36/2017 (quality commitment, actual quality, facilities, staff, finance). Whether the five-year retention of TT 09/2024 covers them is not settled, so the rule only informs. The list of forms is from memory, for reference when archiving old years.',
  },
  check({ facts, date, report }) {
    const last = startYear(latestDueSchoolYear(date));
    const absent: string[] = [];
    for (let start = last - 4; start <= last; start++) {
      const year = schoolYearFrom(start);
      if (disclosureInstrument(year) !== 'tt36-2017') continue;
      const have = new Set(facts.disclosures.filter((d) => d.schoolYear === year).map((d) => d.item));
      if (have.size === 0) {
        absent.push(year);
        continue;
      }
      const missing = requiredItems('tt36-2017', facts.levels).filter((i) => !have.has(i));
      if (missing.length > 0) report('missing', { year, items: missing.map((i) => DISCLOSURE_ITEMS[i].title).join('; ') });
    }
    if (absent.length > 0) report('absent', { years: absent.join(', ') });
  },
});
