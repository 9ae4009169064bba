import { defineRule } from '../rule.ts';
import { disclosureInstrument, latestDueSchoolYear, requiredItems, schoolYearFrom, startYear } from '../school-years.ts';
import { DISCLOSURE_ITEMS } from '../../schemas/disclosure-items.ts';

export default defineRule({
  id: 'CK-013',
  title: { vi: 'Năm học trước 2024-2025: công khai theo TT 36/2017', en: 'School years before 2024-2025: disclosures under TT 36/2017' },
  citations: [{ ref: 'tt36-2017' }],
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  verification: 'unverified',
  inputs: ['source'],
  messages: {
    missing: { vi: 'Năm học {year} (theo TT 36/2017) thiếu: {items}.', en: 'School year {year} (under TT 36/2017) lacks: {items}.' },
  },
  description: {
    vi: 'Các năm học trước khi TT 09/2024 có hiệu lực (19/07/2024) công khai theo TT 36/2017 (cam kết chất lượng, chất lượng thực tế, cơ sở vật chất, đội ngũ, tài chính). Danh sách biểu mẫu được ghi theo trí nhớ, chỉ để tham khảo khi lưu trữ năm cũ.',
    en: 'School years before TT 09/2024 came into force (19/07/2024) followed TT 36/2017 (quality commitment, actual quality, facilities, staff, finance). The list of forms is from memory, for reference when archiving old years.',
  },
  check({ facts, date, report }) {
    const last = startYear(latestDueSchoolYear(date));
    for (let start = last - 4; start <= last; start++) {
      const year = schoolYearFrom(start);
      if (disclosureInstrument(year) !== 'tt36-2017') continue;
      const have = new Set(facts.disclosures.filter((d) => d.schoolYear === year).map((d) => d.item));
      // Years without any disclosure are CK-009's concern.
      if (have.size === 0) continue;
      const missing = requiredItems('tt36-2017', facts.levels).filter((i) => !have.has(i));
      if (missing.length > 0) report('missing', { year, items: missing.map((i) => DISCLOSURE_ITEMS[i].title).join('; ') });
    }
  },
});
