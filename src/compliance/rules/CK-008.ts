import { before, deadlineArgs, vnDate } from '../calendar.ts';
import { dutyInstrument } from '../duties.ts';
import { defineRule, ALL_LEVELS } from '../rule.ts';
import { schoolYearFrom } from '../school-years.ts';

/**
 * The report on calendar year `year` is due "trước ngày 30 tháng 6" of the next year (last day
 * 29/6). It is due only when the instrument creating it (TT 09/2024, in force 19/7/2024) was in
 * force on that last day: the first one due is the report on 2024, before 30/6/2025.
 */
export function annualReportDue(year: number) {
  const due = before(`${year + 1}-06-30`);
  return { due, governing: dutyInstrument('bao-cao-thuong-nien', due.lastDay) };
}

/** The latest calendar year whose annual report is late when missing on `date`. */
export function latestDueReportYear(date: string): number {
  const y = Number(date.slice(0, 4));
  return date >= `${y}-06-30` ? y - 1 : y - 2;
}

export default defineRule({
  id: 'CK-008',
  title: { vi: 'Báo cáo thường niên (PDF) trước 30/6', en: 'Annual report (PDF) before 30 June' },
  citations: [
    { ref: 'tt09-2024', article: 'Điều 14' },
    { ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm b' },
  ],
  // Mầm non schools that run a portal publish it there too (Điều 14).
  levels: ALL_LEVELS,
  verification: 'verified',
  duty: 'bao-cao-thuong-nien',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Chưa có báo cáo thường niên năm {year}; {deadline}.', en: 'No annual report for {year}; {deadlineEn}.' },
    notPdf: { vi: 'Báo cáo thường niên năm {year} không có tệp PDF.', en: 'The annual report for {year} has no PDF file.' },
    late: {
      vi: 'Báo cáo thường niên năm {year} đăng ngày {published}, sau {deadline}.',
      en: 'The annual report for {year} was published on {published}, after the {deadlineEn}.',
    },
  },
  description: {
    vi: 'Báo cáo thường niên của năm trước liền kề (số liệu tính đến 31/12), định dạng PDF, được công bố trước ngày 30/6 hằng năm (hạn chót 29/6). Báo cáo này mới có từ TT 09/2024 (hiệu lực 19/7/2024): báo cáo đầu tiên phải có là báo cáo năm 2024, trước ngày 30/6/2025. Tạo disclosures/<năm-học>/bao-cao-thuong-nien.md với `item: bao-cao-thuong-nien`, `reportYear` và tệp PDF đính kèm.',
    en: 'The annual report of the previous calendar year (figures as of 31/12), as a PDF, is published before 30 June each year (last day 29 June). It is new in TT 09/2024 (in force 19/7/2024): the first one due is the report on 2024, before 30/6/2025. Create disclosures/<school-year>/bao-cao-thuong-nien.md with `item: bao-cao-thuong-nien`, `reportYear` and a PDF attachment.',
  },
  check({ facts, date, report }) {
    const year = latestDueReportYear(date);
    const { due, governing } = annualReportDue(year);
    if (!governing) return;
    const reports = facts.disclosures.filter(
      (d) =>
        d.item === 'bao-cao-thuong-nien' &&
        (d.reportYear === year || (d.reportYear === undefined && d.schoolYear === schoolYearFrom(year))),
    );
    if (reports.length === 0) return report('missing', { year, ...deadlineArgs(due) });
    const r = reports[0]!;
    if (!r.attachmentTypes.includes('pdf')) report('notPdf', { year }, r.evidence);
    if (r.published && r.published > due.lastDay)
      report('late', { year, published: vnDate(r.published), ...deadlineArgs(due) }, r.evidence);
  },
});
