import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-002',
  title: { vi: 'Chức năng tìm kiếm', en: 'Site search' },
  citations: [
    { ref: 'nd43-2011', article: 'Điều 15 khoản 1 điểm a' },
    { ref: 'tt15-2018', article: 'Điều 9' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  // NĐ 43/2011 (and its successors) binds state bodies and TT 15/2018 universities, not schools:
  // a rule resting on them only informs (research notes §8.4).
  maxSeverity: 'info',
  inputs: ['html'],
  messages: { missing: { vi: 'Không tìm thấy chức năng tìm kiếm.', en: 'No site search was found.' } },
  description: {
    vi: 'Cổng thông tin có chức năng tìm kiếm toàn văn, truy cập được từ đầu trang.',
    en: 'The portal offers full-text search reachable from the header.',
  },
  check({ facts, report }) {
    if (!facts.sections['tim-kiem']) report('missing');
  },
});
