import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'SEC-004',
  title: { vi: 'Tin tức, sự kiện', en: 'News and events' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9' }],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Không có mục Tin tức.', en: 'There is no news section.' },
    undated: { vi: '{count} tin không có ngày đăng.', en: '{count} news items have no date.' },
  },
  description: {
    vi: 'Cổng thông tin đăng tin tức, sự kiện về hoạt động của nhà trường, mỗi tin có ngày đăng. Thêm tin vào thư mục news/ với mục `date`.',
    en: "The portal publishes dated news about the school's activities. Add news to news/ with a `date`.",
  },
  check({ facts, report }) {
    if (!facts.sections['tin-tuc'] && facts.news.length === 0) return report('missing');
    const undated = facts.news.filter((n) => !n.published).length;
    if (undated > 0) report('undated', { count: undated });
  },
});
