import { defineRule, ALL_LEVELS } from '../rule.ts';
import { disclosureInstrument, latestDueSchoolYear, schoolYearFrom, startYear } from '../school-years.ts';
import { annualReportDue, latestDueReportYear } from './CK-008.ts';

export default defineRule({
  id: 'CK-009',
  title: { vi: 'Lưu giữ nội dung công khai tối thiểu 5 năm', en: 'Disclosures kept online for at least five years' },
  citations: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 2' }],
  levels: ALL_LEVELS,
  // The period is confirmed by a Q&A title, the clause itself was not read (§8.1).
  verification: 'partial',
  duty: 'luu-giu-5-nam',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Không còn nội dung công khai của các năm học: {years}.', en: 'No disclosures kept for school years: {years}.' },
    missingReports: {
      vi: 'Không còn báo cáo thường niên của các năm: {years}.',
      en: 'No annual reports kept for the years: {years}.',
    },
  },
  description: {
    vi: 'Nội dung công khai và báo cáo thường niên phải được duy trì trên cổng thông tin tối thiểu 05 năm; không xóa thư mục công khai của năm cũ. Quy tắc xét những gì đã công khai theo TT 09/2024 (năm học từ 2024-2025, báo cáo thường niên từ năm 2024); năm học gần nhất đã đến hạn do các quy tắc CK-001…CK-008 xét, không báo lại ở đây; các năm trước đó theo TT 36/2017 do CK-013 nhắc (gợi ý). Nếu trường mới chuyển sang Cổng Trường, hãy đưa các năm học trước vào disclosures/<năm-học>/.',
    en: 'Disclosures and annual reports stay on the portal for at least five years; never delete past years. The rule looks at what was published under TT 09/2024 (school years from 2024-2025, annual reports from 2024); the latest due year is judged by CK-001…CK-008 and not reported again here; older years under TT 36/2017 are CK-013 (info). When moving to Cổng Trường, import past years into disclosures/<school-year>/.',
  },
  check({ facts, date, report }) {
    const last = startYear(latestDueSchoolYear(date));
    // The four years before the latest due one, when they were published under TT 09/2024.
    const years = Array.from({ length: 4 }, (_, i) => schoolYearFrom(last - 1 - i)).filter((y) => disclosureInstrument(y) === 'tt09-2024');
    const have = new Set(facts.disclosures.map((d) => d.schoolYear));
    const missing = years.filter((y) => !have.has(y)).reverse();
    if (missing.length > 0) report('missing', { years: missing.join(', ') });
    // Annual reports: the latest due one is CK-008's; the four before it, when TT 09/2024 required them.
    const latestReport = latestDueReportYear(date);
    const reportYears = Array.from({ length: 4 }, (_, i) => latestReport - 1 - i).filter((y) => annualReportDue(y).governing);
    const kept = new Set(
      facts.disclosures.filter((d) => d.item === 'bao-cao-thuong-nien').map((d) => d.reportYear ?? startYear(d.schoolYear)),
    );
    const missingReports = reportYears.filter((y) => !kept.has(y)).reverse();
    if (missingReports.length > 0) report('missingReports', { years: missingReports.join(', ') });
  },
});
