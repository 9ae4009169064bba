import { defineRule, ALL_LEVELS } from '../rule.ts';

const REQUIRED = ['title', 'creator', 'date', 'description', 'publisher', 'identifier'];

export default defineRule({
  id: 'TECH-005',
  title: { vi: 'Dữ liệu đặc tả Dublin Core', en: 'Dublin Core metadata' },
  citations: [
    { ref: 'tt24-2011', article: 'Điều 4, Điều 5' },
    { ref: 'tt37-2020', article: 'Điều 9' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  maxSeverity: 'warning',
  inputs: ['html'],
  messages: { missing: { vi: 'Trang {url} thiếu siêu dữ liệu DC: {fields}.', en: 'Page {url} lacks DC metadata: {fields}.' } },
  description: {
    vi: 'Mỗi trang nội dung có các yếu tố Dublin Core bắt buộc, không để trống: tiêu đề, người tạo, thời gian, mô tả, cơ quan ban hành, định danh (<meta name="DC.title" …>).',
    en: 'Every content page carries the mandatory, non-empty Dublin Core elements: title, creator, date, description, publisher, identifier (<meta name="DC.title" …>).',
  },
  check({ facts, report }) {
    for (const p of facts.technical?.pages ?? []) {
      if (!p.isContentPage) continue;
      const missing = REQUIRED.filter((f) => !p.dublinCore.includes(f));
      if (missing.length > 0) report('missing', { url: p.url, fields: missing.join(', ') }, { url: p.url });
    }
  },
});
