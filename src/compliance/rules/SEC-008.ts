import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'SEC-008',
  title: { vi: 'Mục lấy ý kiến góp ý', en: 'Public consultation section' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9' }],
  levels: ALL_LEVELS,
  verification: 'verified',
  maxSeverity: 'warning',
  inputs: ['html'],
  messages: { missing: { vi: 'Không có mục Lấy ý kiến góp ý.', en: 'There is no consultation section.' } },
  description: {
    vi: 'Cổng thông tin có mục lấy ý kiến góp ý: vấn đề, nội dung, địa chỉ hoặc thư điện tử nhận góp ý, thời hạn. Giao diện Cổng Trường luôn có trang /lay-y-kien/; thêm nội dung vào consultations/ khi cần lấy ý kiến.',
    en: 'The portal has a consultation section: issue, content, where to send comments, deadline. The Cổng Trường theme always has /lay-y-kien/; add items to consultations/ when consulting.',
  },
  check({ facts, report }) {
    if (!facts.sections['lay-y-kien']) report('missing');
  },
});
