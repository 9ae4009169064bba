import { defineRule } from '../rule.ts';
import { schoolYearOf } from '../../util/dates.ts';

export default defineRule({
  id: 'FRESH-001',
  title: { vi: 'Số tin bài tối thiểu mỗi năm học', en: 'Minimum number of posts per school year' },
  citations: [{ ref: 'hcm-thidua', article: 'tiêu chí 3.3' }],
  levels: ['thcs', 'thpt'],
  verification: 'local-practice',
  inputs: ['source', 'html'],
  messages: {
    few: {
      vi: 'Năm học {year} có {count} tin, ít hơn {min} tin theo tiêu chí thi đua.',
      en: 'School year {year} has {count} posts, fewer than the {min} of the evaluation criteria.',
    },
  },
  description: {
    vi: 'Tiêu chí thi đua của Sở GD&ĐT TP.HCM yêu cầu tối thiểu 40 tin bài mỗi năm học; mỗi Sở tự đặt ngưỡng. Chỉ kiểm tra năm học đã kết thúc.',
    en: 'The Ho Chi Minh City criteria ask for at least 40 posts per school year; each Sở sets its own threshold. Only finished school years are checked.',
  },
  check({ facts, schoolYear, options, report }) {
    const start = Number(schoolYear.slice(0, 4)) - 1;
    const year = `${start}-${start + 1}`;
    // Only meaningful for a site that was online during that whole year.
    if (!facts.news.some((n) => n.published && schoolYearOf(n.published) <= year)) return;
    const count = facts.news.filter((n) => n.published && schoolYearOf(n.published) === year).length;
    if (count < options.minPostsPerYear) report('few', { year, count, min: options.minPostsPerYear });
  },
});
