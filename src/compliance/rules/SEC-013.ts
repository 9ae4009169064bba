import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'SEC-013',
  title: { vi: 'Thư viện học liệu số', en: 'Digital learning resources' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9 (chưa xác minh)' }],
  levels: ['th', 'thcs', 'thpt', 'gdtx'],
  verification: 'unverified',
  inputs: ['html'],
  messages: { missing: { vi: 'Không có mục học liệu số hay bài giảng.', en: 'No digital learning resources section.' } },
  description: {
    vi: 'Có thể có mục thư viện học liệu số, bài giảng điện tử. Đây là gợi ý, chưa đối chiếu được với văn bản.',
    en: 'A digital library of learning resources may be expected. This is a suggestion not yet verified against the text.',
  },
  check({ facts, report }) {
    if (!facts.sections['hoc-lieu']) report('missing');
  },
});
