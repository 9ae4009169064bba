import { defineRule } from '../rule.ts';
import { latestDueSchoolYear, schoolYearFrom, startYear } from '../school-years.ts';

export default defineRule({
  id: 'CK-009',
  title: { vi: 'Lưu giữ nội dung công khai tối thiểu 5 năm', en: 'Disclosures kept online for at least five years' },
  citations: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 2' }],
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  // Read by title only in the research notes.
  verification: 'partial',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Không còn nội dung công khai của các năm học: {years}.', en: 'No disclosures kept for school years: {years}.' },
  },
  description: {
    vi: 'Nội dung công khai và báo cáo thường niên phải được duy trì trên cổng thông tin tối thiểu 05 năm; không xóa thư mục công khai của năm cũ. Nếu trường mới chuyển sang Cổng Trường, hãy đưa các năm học trước vào disclosures/<năm-học>/.',
    en: 'Disclosures and annual reports stay on the portal for at least five years; never delete past years. When moving to Cổng Trường, import past years into disclosures/<school-year>/.',
  },
  check({ facts, date, report }) {
    const last = startYear(latestDueSchoolYear(date));
    const years = Array.from({ length: 5 }, (_, i) => schoolYearFrom(last - i));
    const have = new Set(facts.disclosures.map((d) => d.schoolYear));
    const missing = years.filter((y) => !have.has(y)).reverse();
    if (missing.length > 0) report('missing', { years: missing.join(', ') });
  },
});
