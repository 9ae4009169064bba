import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'ID-003',
  title: { vi: 'Tên miền .vn (ưu tiên edu.vn)', en: 'A .vn domain (edu.vn preferred)' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 3 khoản 1 điểm b, c' },
    { ref: 'tt53-2012', article: 'Điều 3', historical: true },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  // The circular says "sử dụng thêm tên miền … edu.vn phù hợp với điều kiện cụ thể": advisable.
  maxSeverity: 'warning',
  inputs: ['source', 'html'],
  messages: {
    notVn: { vi: 'Tên miền {domain} không thuộc .vn.', en: 'The domain {domain} is not under .vn.' },
  },
  description: {
    vi: 'Cơ sở giáo dục dùng tên miền theo quy định hiện hành, khuyến khích tên miền dạng edu.vn hoặc cổng thành viên của Sở. Đăng ký tên miền .edu.vn qua cơ quan quản lý và khai báo ở mục `domain`.',
    en: 'Schools use a domain under current rules, preferably an edu.vn domain or a member portal of the Sở. Register an .edu.vn domain through the managing authority and set it in `domain`.',
  },
  check({ facts, report }) {
    if (facts.domain && !/\.vn$/.test(facts.domain)) report('notVn', { domain: facts.domain });
  },
});
