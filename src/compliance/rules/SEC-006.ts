import { defineRule, ALL_LEVELS } from '../rule.ts';
import { schoolYearFrom, startYear } from '../school-years.ts';
import type { Level } from '../../schemas/level.ts';
import type { AdmissionFacts } from '../../site/facts.ts';

const DETAILS = ['doiTuong', 'chiTieu', 'hinhThuc', 'dieuKien', 'hoSo', 'thoiGian', 'diaDiem'];

/** The intake of each level: where a multi-level school admits new pupils (research notes §8.3). */
const INTAKE: Record<Level, { vi: string; en: string }> = {
  mn: { vi: 'mầm non', en: 'preschool' },
  th: { vi: 'lớp 1', en: 'grade 1' },
  thcs: { vi: 'lớp 6', en: 'grade 6' },
  thpt: { vi: 'lớp 10', en: 'grade 10' },
  gdtx: { vi: 'giáo dục thường xuyên', en: 'continuing education' },
};

export default defineRule({
  id: 'SEC-006',
  title: { vi: 'Tuyển sinh: kế hoạch và thông báo đủ 7 nội dung', en: 'Admissions: plan and notice with the seven fields' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9' }],
  levels: ALL_LEVELS,
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
    missingLevel: {
      vi: 'Chưa có thông tin tuyển sinh {intake} năm học {year} hoặc {next}.',
      en: 'No admission information for {intakeEn} for school year {year} or {next}.',
    },
    noLevels: {
      vi: '"{title}" không ghi `levels`: trường nhiều cấp học cần ghi mỗi thông báo dành cho cấp nào ({intakes}).',
      en: '"{title}" has no `levels`: a multi-level school says which intake each notice is for ({intakesEn}).',
    },
    noNoticeLevel: {
      vi: 'Thông báo tuyển sinh {intake} năm học {year} chưa nêu đủ: đối tượng, chỉ tiêu, hình thức, điều kiện, hồ sơ, thời gian, địa điểm.',
      en: 'The admission notice for {intakeEn} for {year} does not state all of: who, quota, form, conditions, documents, time, place.',
    },
  },
  description: {
    vi: 'Mục Tuyển sinh công bố kế hoạch tuyển sinh, thông báo tuyển sinh (đối tượng, chỉ tiêu, hình thức, điều kiện, hồ sơ, thời gian, địa điểm) và danh sách dự tuyển, cho từng cấp đầu vào: trường có tiểu học và THCS tuyển lớp 1 và lớp 6 và cần thông báo cho cả hai. Thêm admissions/<năm-học>-thong-bao.md với `kind: thong-bao` và đủ 7 mục trong `details`; trường nhiều cấp ghi `levels` (ví dụ `[th]`, `[thcs]`) cho từng thông báo.',
    en: 'The admissions section publishes the plan, the notice (who, quota, form, conditions, documents, time, place) and the candidate list, for each intake: a school with tiểu học and THCS admits to grade 1 and grade 6 and needs a notice for both. Add admissions/<year>-thong-bao.md with `kind: thong-bao` and all seven `details`; a multi-level school sets `levels` (e.g. `[th]`, `[thcs]`) on each notice.',
  },
  check({ facts, schoolYear, report }) {
    const next = schoolYearFrom(startYear(schoolYear) + 1);
    if (facts.input === 'html' && facts.admissions.length === 0) {
      if (!facts.sections['tuyen-sinh']) report('missing', { year: schoolYear, next });
      return;
    }
    const relevant = facts.admissions.filter((a) => a.schoolYear === schoolYear || a.schoolYear === next);
    if (relevant.length === 0) return report('missing', { year: schoolYear, next });
    // Per intake when the school has several levels and the items say which levels they are about
    // (always from content; from HTML only when the pages said so).
    const perLevel = facts.levels.length > 1 && (facts.input === 'source' || relevant.some((a) => a.levels));
    const groups: { level?: Level; items: AdmissionFacts[] }[] = perLevel
      ? facts.levels.map((level) => ({ level, items: relevant.filter((a) => a.levels?.includes(level)) }))
      : [{ items: relevant }];
    if (perLevel) {
      const intakes = {
        intakes: facts.levels.map((l) => INTAKE[l].vi).join(', '),
        intakesEn: facts.levels.map((l) => INTAKE[l].en).join(', '),
      };
      for (const a of relevant) if (!a.levels) report('noLevels', { title: a.title ?? a.kind ?? '?', ...intakes }, a.evidence);
    }
    for (const { level, items } of groups) {
      const intake = level ? { intake: INTAKE[level].vi, intakeEn: INTAKE[level].en } : {};
      if (items.length === 0) {
        report('missingLevel', { year: schoolYear, next, ...intake });
        continue;
      }
      // The plan for next year usually comes out weeks before its notice (approved in spring,
      // notice in May or June): until next year's notice is out, parents read this year's.
      const noticesOf = (y: string) => items.filter((a) => a.schoolYear === y && a.kind === 'thong-bao');
      const aboutNext = items.some((a) => a.schoolYear === next);
      const year = noticesOf(next).length > 0 || (aboutNext && noticesOf(schoolYear).length === 0) ? next : schoolYear;
      const notices = noticesOf(year);
      if (!notices.some((n) => DETAILS.every((d) => n.details.includes(d)))) {
        report(level ? 'noNoticeLevel' : 'noNotice', { year, ...intake }, notices[0]?.evidence);
      }
    }
  },
});
