import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'SEC-007',
  title: { vi: 'Dịch vụ trực tuyến xét tuyển đầu cấp', en: 'Online first-grade admission service' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 9' },
    { ref: 'tt53-2012', article: 'Điều 14', historical: true },
  ],
  levels: ['mn', 'th', 'thcs', 'thpt'],
  verification: 'verified',
  maxSeverity: 'warning',
  inputs: ['source'],
  messages: {
    missing: { vi: 'Không có liên kết đăng ký tuyển sinh trực tuyến.', en: 'No link to online admission registration.' },
  },
  description: {
    vi: 'Cung cấp dịch vụ trực tuyến xét tuyển đầu cấp: đăng ký, điền mẫu đơn và thông báo kết quả trực tuyến. Ghi liên kết cổng tuyển sinh của tỉnh hoặc biểu mẫu của trường vào `registrationUrl` của thông báo tuyển sinh.',
    en: "Offer online first-grade admission: registration, online forms and results. Put the province's admission portal or the school's form link in the notice's `registrationUrl`.",
  },
  check({ facts, report }) {
    if (!facts.admissions.some((a) => a.registrationUrl)) report('missing');
  },
});
