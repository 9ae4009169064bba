import { defineRule } from '../rule.ts';
import { schoolYearFrom, startYear } from '../school-years.ts';

const DETAILS = ['doiTuong', 'chiTieu', 'hinhThuc', 'dieuKien', 'hoSo', 'thoiGian', 'diaDiem'];

export default defineRule({
  id: 'SEC-006',
  title: { vi: 'Tuyển sinh: kế hoạch và thông báo đủ 7 nội dung', en: 'Admissions: plan and notice with the seven fields' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9' }],
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: {
      vi: 'Chưa có thông tin tuyển sinh năm học {year} hoặc {next}.',
      en: 'No admission information for school year {year} or {next}.',
    },
    noNotice: {
      vi: 'Thông báo tuyển sinh năm học {year} chưa nêu đủ: đối tượng, chỉ tiêu, hình thức, điều kiện, hồ sơ, thời gian, địa điểm.',
      en: 'The admission notice for {year} does not state all of: who, quota, form, conditions, documents, time, place.',
    },
  },
  description: {
    vi: 'Mục Tuyển sinh công bố kế hoạch tuyển sinh, thông báo tuyển sinh (đối tượng, chỉ tiêu, hình thức, điều kiện, hồ sơ, thời gian, địa điểm) và danh sách dự tuyển. Thêm admissions/<năm-học>-thong-bao.md với `kind: thong-bao` và đủ 7 mục trong `details`.',
    en: 'The admissions section publishes the plan, the notice (who, quota, form, conditions, documents, time, place) and the candidate list. Add admissions/<year>-thong-bao.md with `kind: thong-bao` and all seven `details`.',
  },
  check({ facts, schoolYear, report }) {
    if (facts.input === 'html' && facts.admissions.length === 0) {
      if (!facts.sections['tuyen-sinh']) report('missing', { year: schoolYear, next: schoolYearFrom(startYear(schoolYear) + 1) });
      return;
    }
    const next = schoolYearFrom(startYear(schoolYear) + 1);
    const relevant = facts.admissions.filter((a) => a.schoolYear === schoolYear || a.schoolYear === next);
    if (relevant.length === 0) return report('missing', { year: schoolYear, next });
    const year = relevant.some((a) => a.schoolYear === next) ? next : schoolYear;
    const notices = relevant.filter((a) => a.schoolYear === year && a.kind === 'thong-bao');
    if (!notices.some((n) => DETAILS.every((d) => n.details.includes(d)))) report('noNotice', { year }, notices[0]?.evidence);
  },
});
