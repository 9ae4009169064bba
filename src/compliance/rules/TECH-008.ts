import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-008',
  title: { vi: 'In bài viết', en: 'Printing articles' },
  citations: [{ ref: 'nd43-2011', article: 'Điều 15 khoản 1 điểm c' }],
  levels: ALL_LEVELS,
  verification: 'unverified',
  inputs: ['html'],
  messages: { missing: { vi: 'Không thấy định dạng in (CSS @media print).', en: 'No print styles (CSS @media print) were found.' } },
  description: {
    vi: 'Nên có chức năng in và lưu bài viết: một bảng kiểu cho khi in, bỏ menu và chân trang thừa.',
    en: 'Articles should print cleanly: a print stylesheet without menus and clutter.',
  },
  check({ facts, report }) {
    const pages = facts.technical?.pages ?? [];
    if (pages.length > 0 && !pages.some((p) => p.printStylesheet)) report('missing');
  },
});
