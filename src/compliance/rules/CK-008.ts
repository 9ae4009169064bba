import { defineRule } from '../rule.ts';
import { schoolYearFrom } from '../school-years.ts';

export default defineRule({
  id: 'CK-008',
  title: { vi: 'Báo cáo thường niên (PDF) trước 30/6', en: 'Annual report (PDF) before 30 June' },
  citations: [
    { ref: 'tt09-2024', article: 'Điều 14' },
    { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm b' },
  ],
  // Mầm non schools that run a portal publish it there too (Điều 14).
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Chưa có báo cáo thường niên năm {year} (hạn {deadline}).', en: 'No annual report for {year} (due {deadline}).' },
    notPdf: { vi: 'Báo cáo thường niên năm {year} không có tệp PDF.', en: 'The annual report for {year} has no PDF file.' },
    late: {
      vi: 'Báo cáo thường niên năm {year} đăng ngày {published}, sau hạn {deadline}.',
      en: 'The annual report for {year} was published on {published}, after {deadline}.',
    },
  },
  description: {
    vi: 'Báo cáo thường niên của năm trước liền kề (số liệu tính đến 31/12), định dạng PDF, được công bố trước ngày 30/6 hằng năm. Tạo disclosures/<năm-học>/bao-cao-thuong-nien.md với `item: bao-cao-thuong-nien`, `reportYear` và tệp PDF đính kèm.',
    en: 'The annual report of the previous calendar year (figures as of 31/12), as a PDF, is published before 30 June each year. Create disclosures/<school-year>/bao-cao-thuong-nien.md with `item: bao-cao-thuong-nien`, `reportYear` and a PDF attachment.',
  },
  check({ facts, date, report }) {
    const y = Number(date.slice(0, 4));
    // On 1 July of year Y or later the report of Y-1 is due; before, the report of Y-2.
    const year = date > `${y}-06-30` ? y - 1 : y - 2;
    if (year < 2023) return; // TT 09/2024 applies from 19/07/2024: first report due is 2023's.
    const deadline = `${year + 1}-06-30`;
    const reports = facts.disclosures.filter(
      (d) =>
        d.item === 'bao-cao-thuong-nien' &&
        (d.reportYear === year || (d.reportYear === undefined && d.schoolYear === schoolYearFrom(year))),
    );
    if (reports.length === 0) return report('missing', { year, deadline });
    const r = reports[0]!;
    if (!r.attachmentTypes.includes('pdf')) report('notPdf', { year }, r.evidence);
    if (r.published && r.published > deadline) report('late', { year, deadline, published: r.published }, r.evidence);
  },
});
