import { defineRule, ALL_LEVELS } from '../rule.ts';

const FIELDS = ['unitName', 'responsiblePerson', 'address', 'phone', 'email'] as const;
const NAMES = {
  unitName: { vi: 'tên đơn vị', en: 'unit name' },
  responsiblePerson: { vi: 'người chịu trách nhiệm', en: 'person responsible' },
  address: { vi: 'địa chỉ', en: 'address' },
  phone: { vi: 'số điện thoại', en: 'phone number' },
  email: { vi: 'thư điện tử', en: 'e-mail' },
};

export default defineRule({
  id: 'ID-002',
  title: { vi: 'Chân trang đủ thông tin chủ sở hữu', en: "Footer with the owner's details" },
  citations: [
    { ref: 'tt32-2017', article: 'Điều 16 khoản 3 điểm c' },
    { ref: 'tt09-2014', article: 'Điều 2 khoản 3' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Chân trang thiếu: {fields}.', en: 'The footer lacks: {fieldsEn}.' },
  },
  description: {
    vi: 'Chân trang phải có tối thiểu tên đơn vị, người chịu trách nhiệm, địa chỉ, số điện thoại và thư điện tử. Điền các mục `name`, `responsiblePerson`, `address`, `phone`, `email` trong school.yaml.',
    en: 'The footer must show at least the unit name, the person responsible, address, phone and e-mail. Fill `name`, `responsiblePerson`, `address`, `phone` and `email` in school.yaml.',
  },
  check({ facts, report }) {
    const f = facts.footer;
    if (!f) return;
    const missing = FIELDS.filter((k) => !f[k]);
    if (missing.length > 0) {
      report(
        'missing',
        { fields: missing.map((k) => NAMES[k].vi).join(', '), fieldsEn: missing.map((k) => NAMES[k].en).join(', ') },
        f.evidence,
      );
    }
  },
});
