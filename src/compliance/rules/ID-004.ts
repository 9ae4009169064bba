import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'ID-004',
  title: { vi: 'Truy cập bằng HTTPS', en: 'Served over HTTPS' },
  citations: [
    { ref: 'nd42-2022', articles: { 'nd224-2026': 'Điều 10 khoản 3 điểm c' } },
    { ref: 'tt32-2017', article: 'Điều 21' },
  ],
  levels: ALL_LEVELS,
  verification: 'unverified',
  inputs: ['html'],
  messages: { http: { vi: 'Trang web được phục vụ qua HTTP, không mã hóa.', en: 'The site is served over plain HTTP.' } },
  description: {
    vi: 'Bảo đảm an toàn thông tin: cấu hình chứng chỉ TLS (ví dụ Let’s Encrypt) và chuyển hướng HTTP sang HTTPS.',
    en: "For information security, configure a TLS certificate (e.g. Let's Encrypt) and redirect HTTP to HTTPS.",
  },
  check({ facts, report }) {
    if (facts.technical && !facts.technical.https) report('http');
  },
});
