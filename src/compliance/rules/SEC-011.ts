import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'SEC-011',
  title: { vi: 'Chuyên mục Biểu mẫu', en: 'Forms section' },
  citations: [
    { ref: 'hcm-thidua', article: 'tiêu chí 3.5' },
    { ref: 'tt53-2012', article: 'Điều 11', historical: true },
  ],
  levels: ['th', 'thcs', 'thpt', 'gdtx'],
  verification: 'local-practice',
  inputs: ['source', 'html'],
  messages: { missing: { vi: 'Không có biểu mẫu để tải về.', en: 'There are no downloadable forms.' } },
  description: {
    vi: 'Các Sở đánh giá cao chuyên mục biểu mẫu riêng (đơn xin nghỉ học, phúc khảo, chuyển trường, xét tuyển đầu cấp). Thêm mẫu đơn vào forms/ kèm tệp DOCX hoặc PDF.',
    en: 'Sở evaluations value a forms section (leave of absence, re-marking, transfer, admission). Add forms to forms/ with DOCX or PDF files.',
  },
  check({ facts, report }) {
    if (facts.forms.length === 0 && !facts.sections['bieu-mau']) report('missing');
  },
});
