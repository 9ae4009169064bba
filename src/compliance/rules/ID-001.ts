import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'ID-001',
  title: { vi: 'Tên đơn vị và cơ quan chủ quản ở đầu trang', en: 'Unit name and governing body in the header' },
  citations: [
    { ref: 'tt32-2017', article: 'Điều 16 khoản 3 điểm a' },
    { ref: 'tt09-2014', article: 'Điều 2 khoản 3' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    name: { vi: 'Đầu trang không ghi tên đầy đủ của trường.', en: 'The header does not show the full name of the school.' },
    governingBody: { vi: 'Đầu trang không ghi tên cơ quan chủ quản.', en: 'The header does not show the governing body.' },
  },
  description: {
    vi: 'Đầu trang chủ phải có biểu tượng và tên đầy đủ bằng tiếng Việt của đơn vị, cùng tên cơ quan chủ quản. Khai báo `name` và `governingBody.name` trong school.yaml; giao diện Cổng Trường hiển thị chúng ở mọi trang.',
    en: "The homepage header must show the unit's logo and full Vietnamese name, and its governing body. Set `name` and `governingBody.name` in school.yaml; the Cổng Trường theme shows them on every page.",
  },
  check({ facts, report }) {
    if (!facts.header) return;
    if (!facts.header.name) report('name', {}, facts.header.evidence);
    if (!facts.header.governingBody) report('governingBody', {}, facts.header.evidence);
  },
});
