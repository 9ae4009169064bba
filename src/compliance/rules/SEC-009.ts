import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'SEC-009',
  title: { vi: 'Chuyên mục Công khai theo từng năm học', en: 'Disclosure (Công khai) section per school year' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 9' },
    { ref: 'tt09-2024', article: 'Điều 14' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: { missing: { vi: 'Không có chuyên mục Công khai.', en: 'There is no disclosure section.' } },
  description: {
    vi: 'Thông tin công khai được đăng trên cổng thông tin điện tử của cơ sở giáo dục, thành chuyên mục riêng theo từng năm học. Thêm các tệp vào disclosures/<năm-học>/.',
    en: "Disclosures are published on the school's portal, in a section of their own per school year. Add files under disclosures/<school-year>/.",
  },
  check({ facts, report }) {
    if (!facts.sections['cong-khai'] && facts.disclosures.length === 0) report('missing');
  },
});
