import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'SEC-002',
  title: { vi: 'Lãnh đạo: họ tên, chức vụ, điện thoại, thư điện tử, nhiệm vụ', en: 'Leaders: name, title, phone, e-mail, duties' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9 khoản 1 điểm a' }],
  levels: ['mn', 'th', 'thcs', 'thpt', 'gdtx'],
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    none: { vi: 'Không có thông tin lãnh đạo nhà trường.', en: 'No information about the school leaders.' },
    incomplete: { vi: 'Lãnh đạo {name} thiếu: {fields}.', en: 'Leader {name} lacks: {fields}.' },
  },
  description: {
    vi: 'Trang Giới thiệu công bố họ tên, chức vụ, điện thoại, địa chỉ thư điện tử và nhiệm vụ đảm nhiệm của từng lãnh đạo. Khai báo danh sách `leaders` trong school.yaml với đủ 5 mục.',
    en: 'The introduction lists each leader with name, title, phone, e-mail and duties. Fill the `leaders` list in school.yaml with all five fields.',
  },
  check({ facts, report }) {
    if (!facts.leaders) return;
    if (facts.leaders.length === 0) return report('none');
    for (const l of facts.leaders) {
      const missing = (['name', 'title', 'phone', 'email', 'duties'] as const).filter((k) => !l[k]);
      if (missing.length > 0) report('incomplete', { name: l.name ?? '?', fields: missing.join(', ') }, l.evidence);
    }
  },
});
