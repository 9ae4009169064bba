import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'SEC-003',
  title: { vi: 'Thông tin liên hệ, giao dịch, hỏi đáp', en: 'Contact and questions' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 9 khoản 1 điểm b' },
    { ref: 'nd43-2011', article: 'Điều 15 khoản 2' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: { missing: { vi: 'Không có trang Liên hệ.', en: 'There is no contact page.' } },
  description: {
    vi: 'Cổng thông tin có mục liên hệ với địa chỉ, điện thoại, thư điện tử để người dân giao dịch, hỏi đáp. Tạo pages/lien-he.md (`kind: lien-he`).',
    en: 'The portal has a contact section with address, phone and e-mail for questions from the public. Create pages/lien-he.md (`kind: lien-he`).',
  },
  check({ facts, report }) {
    if (!facts.sections['lien-he']) report('missing');
  },
});
