import { defineRule, ALL_LEVELS } from '../rule.ts';
import type { SectionKey } from '../../site/facts.ts';

const PARTS: { key: SectionKey; vi: string; en: string }[] = [
  { key: 'lich-su', vi: 'quá trình hình thành và phát triển', en: 'history' },
  { key: 'co-cau-to-chuc', vi: 'sơ đồ, cơ cấu tổ chức', en: 'organisation chart' },
  { key: 'chuc-nang-nhiem-vu', vi: 'chức năng, nhiệm vụ, quyền hạn', en: 'functions and duties' },
];

export default defineRule({
  id: 'SEC-001',
  title: { vi: 'Giới thiệu: lịch sử, cơ cấu tổ chức, chức năng nhiệm vụ', en: 'Introduction: history, organisation, functions' },
  citations: [{ ref: 'tt37-2020', article: 'Điều 9 khoản 1 điểm a' }],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Phần Giới thiệu thiếu: {parts}.', en: 'The introduction lacks: {partsEn}.' },
  },
  description: {
    vi: 'Mục Giới thiệu phải có sơ đồ, cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn và tóm lược quá trình hình thành, phát triển. Tạo các trang pages/lich-su.md, pages/co-cau-to-chuc.md, pages/chuc-nang-nhiem-vu.md với `kind` tương ứng.',
    en: 'The introduction must show the organisation chart, functions, duties and powers, and a short history. Create pages/lich-su.md, pages/co-cau-to-chuc.md and pages/chuc-nang-nhiem-vu.md with the matching `kind`.',
  },
  check({ facts, report }) {
    const missing = PARTS.filter((p) => !facts.sections[p.key]);
    if (missing.length > 0) report('missing', { parts: missing.map((p) => p.vi).join('; '), partsEn: missing.map((p) => p.en).join('; ') });
  },
});
