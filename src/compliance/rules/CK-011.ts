import { defineRule } from '../rule.ts';
import { checkPeriodic } from '../schedule-deadlines.ts';

export default defineRule({
  id: 'CK-011',
  title: {
    vi: 'Mầm non: kế hoạch tháng trước ngày 25 tháng trước; kế hoạch tuần và thực đơn trước thứ Bảy tuần trước',
    en: 'Preschool: monthly plan by the 25th of the previous month; weekly plan and menu by the previous Saturday',
  },
  citations: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }],
  levels: ['mn'],
  verification: 'verified',
  inputs: ['source'],
  messages: {
    late: { vi: '"{title}" đăng ngày {published}, sau hạn {deadline}.', en: '"{title}" was published on {published}, after {deadline}.' },
    missing: {
      vi: 'Chưa có {kind} cho kỳ bắt đầu {period} (hạn {deadline}).',
      en: 'No {kind} for the period starting {period} (due {deadline}).',
    },
  },
  description: {
    vi: 'Cơ sở giáo dục mầm non công khai kế hoạch giáo dục tháng trước ngày 25 của tháng trước, kế hoạch giáo dục tuần (ngày) và thực đơn dự kiến trước thứ Bảy của tuần trước. Đăng vào schedules/ với `kind` ke-hoach-thang, ke-hoach-tuan hoặc thuc-don, `from`/`to` là kỳ áp dụng và `published` là ngày đăng.',
    en: 'Preschools publish the monthly education plan before the 25th of the previous month, and the weekly plan and the expected menu before the Saturday of the previous week. Post them in schedules/ with `kind` ke-hoach-thang, ke-hoach-tuan or thuc-don, `from`/`to` the period and `published` the posting date.',
  },
  check(ctx) {
    checkPeriodic(ctx, ['ke-hoach-thang', 'ke-hoach-tuan', 'thuc-don']);
  },
});
