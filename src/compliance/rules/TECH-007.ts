import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-007',
  title: { vi: 'Hỗ trợ người khuyết tật (văn bản thay thế, tiêu đề, bảng)', en: 'Accessibility (text alternatives, headings, tables)' },
  citations: [
    { ref: 'tt32-2017', article: 'Điều 18' },
    { ref: 'tt26-2020', article: 'Điều 2 khoản 2, Điều 5' },
    { ref: 'wcag21', article: 'SC 1.1.1, 1.3.1' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['html'],
  messages: {
    alt: { vi: 'Trang {url} có {count} ảnh không có văn bản thay thế (alt).', en: 'Page {url} has {count} images without alt text.' },
    h1: {
      vi: 'Trang {url} không có đúng một tiêu đề chính (h1), thấy {count}.',
      en: 'Page {url} does not have exactly one main heading (h1); found {count}.',
    },
    table: {
      vi: 'Trang {url} có {count} bảng dữ liệu không có ô tiêu đề (th).',
      en: 'Page {url} has {count} data tables without header cells (th).',
    },
  },
  description: {
    vi: 'Ảnh, biểu tượng, biểu đồ có văn bản thay thế; trang có cấu trúc tiêu đề; bảng dữ liệu có ô tiêu đề. Với ảnh trong nội dung, ghi mô tả trong ![mô tả](đường-dẫn) hoặc mục `alt`.',
    en: 'Images, icons and charts have text alternatives; pages have a heading structure; data tables have header cells. For images in content, write the description in ![description](path) or `alt`.',
  },
  check({ facts, report }) {
    for (const p of facts.technical?.pages ?? []) {
      if (p.imagesWithoutAlt > 0) report('alt', { url: p.url, count: p.imagesWithoutAlt }, { url: p.url });
      if (p.h1Count !== 1) report('h1', { url: p.url, count: p.h1Count }, { url: p.url });
      if (p.tablesWithoutHeaders > 0) report('table', { url: p.url, count: p.tablesWithoutHeaders }, { url: p.url });
    }
  },
});
