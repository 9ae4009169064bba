import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'SEC-012',
  title: { vi: 'Thời khóa biểu, lịch công tác', en: 'Timetable and work schedule' },
  citations: [
    { ref: 'tt37-2020', article: 'Điều 9 (chưa xác minh)' },
    { ref: 'nd43-2011', article: 'Điều 10 khoản 1 điểm c' },
  ],
  levels: ['th', 'thcs', 'thpt', 'gdtx'],
  verification: 'unverified',
  inputs: ['source', 'html'],
  messages: { missing: { vi: 'Không có lịch công tác hay thời khóa biểu.', en: 'No work schedule or timetable.' } },
  description: {
    vi: 'Nên đăng lịch công tác tuần và thời khóa biểu hiện hành. Thêm tệp vào schedules/ với `kind: lich-cong-tac` hoặc `thoi-khoa-bieu`.',
    en: 'Publishing the weekly work schedule and the current timetable is recommended. Add files to schedules/ with `kind: lich-cong-tac` or `thoi-khoa-bieu`.',
  },
  check({ facts, report }) {
    const has =
      facts.schedules.some((s) => s.kind === 'lich-cong-tac' || s.kind === 'thoi-khoa-bieu') ||
      (facts.input === 'html' && facts.sections.lich);
    if (!has) report('missing');
  },
});
