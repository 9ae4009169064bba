import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'SEC-005',
  title: { vi: 'Văn bản: số hiệu, ngày ban hành, trích yếu, tệp tải về', en: 'Documents: number, date, summary, file' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 9' },
    { ref: 'nd43-2011', article: 'Điều 10 khoản 1 điểm e' },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['source', 'html'],
  messages: {
    missing: { vi: 'Không có mục Văn bản.', en: 'There is no documents section.' },
    incomplete: {
      vi: 'Văn bản "{title}" thiếu số hiệu, ngày ban hành hoặc tệp.',
      en: 'Document "{title}" lacks a number, an issue date or a file.',
    },
  },
  description: {
    vi: 'Cổng thông tin đăng các văn bản quản lý, điều hành liên quan đến hoạt động của nhà trường, mỗi văn bản có số hiệu, ngày ban hành, cơ quan ban hành, trích yếu và tệp tải về. Thêm tệp vào documents/.',
    en: "The portal publishes the school's management documents, each with number, issue date, issuer, summary and a downloadable file. Add them to documents/.",
  },
  check({ facts, report }) {
    if (!facts.sections['van-ban'] && facts.documents.length === 0) return report('missing');
    for (const d of facts.documents) {
      if (!d.number || !d.published || !d.hasFile) report('incomplete', { title: d.title ?? '?' }, d.evidence);
    }
  },
});
