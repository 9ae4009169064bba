import { defineRule, ALL_LEVELS } from '../rule.ts';

const FIELDS = ['name', 'title', 'phone', 'email', 'duties'] as const;
const NAMES = {
  name: { vi: 'họ tên', en: 'name' },
  title: { vi: 'chức vụ', en: 'position' },
  phone: { vi: 'điện thoại', en: 'phone' },
  email: { vi: 'thư điện tử', en: 'e-mail' },
  duties: { vi: 'nhiệm vụ đảm nhiệm', en: 'assigned duties' },
};

export default defineRule({
  id: 'SEC-002',
  title: { vi: 'Lãnh đạo: họ tên, chức vụ, điện thoại, thư điện tử, nhiệm vụ', en: 'Leaders: name, title, phone, e-mail, duties' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9 khoản 1 điểm a' }],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    none: { vi: 'Không có thông tin lãnh đạo nhà trường.', en: 'No information about the school leaders.' },
    incomplete: { vi: 'Lãnh đạo {name} thiếu: {fields}.', en: 'Leader {name} lacks: {fieldsEn}.' },
  },
  description: {
    vi: 'Trang Giới thiệu công bố họ tên, chức vụ, điện thoại, địa chỉ thư điện tử và nhiệm vụ đảm nhiệm của từng lãnh đạo. Khai báo danh sách `leaders` trong school.yaml với đủ 5 mục (`name`, `title`, `phone`, `email`, `duties`); mục còn thiếu được báo ở đây, trường vẫn được dựng và kiểm tra.',
    en: 'The introduction lists each leader with name, title, phone, e-mail and duties. Fill the `leaders` list in school.yaml with all five fields (`name`, `title`, `phone`, `email`, `duties`); a missing one is reported here, and the school is still built and checked.',
  },
  check({ facts, report }) {
    if (!facts.leaders) return;
    if (facts.leaders.length === 0) return report('none');
    for (const l of facts.leaders) {
      const missing = FIELDS.filter((k) => !l[k]?.trim());
      if (missing.length > 0) {
        report(
          'incomplete',
          {
            name: l.name ?? l.title ?? '?',
            fields: missing.map((k) => NAMES[k].vi).join(', '),
            fieldsEn: missing.map((k) => NAMES[k].en).join(', '),
          },
          l.evidence,
        );
      }
    }
  },
});
