import { defineRule } from '../rule.ts';
import { checkPeriodic } from '../schedule-deadlines.ts';

export default defineRule({
  id: 'CK-011',
  title: {
    vi: 'Mầm non: kế hoạch tháng trước ngày 25 tháng trước; kế hoạch tuần, ngày và thực đơn trước thứ Bảy tuần trước',
    en: 'Preschool: monthly plan before the 25th of the previous month; weekly and daily plans and menu before the previous Saturday',
  },
  citations: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }],
  levels: ['mn'],
  verification: 'verified',
  duty: 'ke-hoach-thuc-don',
  inputs: ['source'],
  messages: {
    late: { vi: '"{title}" đăng ngày {published}, sau {deadline}.', en: '"{title}" was published on {published}, after the {deadlineEn}.' },
    missing: {
      vi: 'Chưa có {kind} cho {period}; {deadline}.',
      en: 'No {kindEn} for {periodEn}; {deadlineEn}.',
    },
  },
  description: {
    vi: 'Cơ sở giáo dục mầm non công khai kế hoạch giáo dục tháng trước ngày 25 của tháng trước (hạn chót ngày 24), kế hoạch giáo dục tuần, kế hoạch giáo dục ngày và thực đơn dự kiến trước thứ Bảy của tuần trước (hạn chót thứ Sáu), cho mỗi tuần, mỗi tháng học từ tháng 9 đến tháng 5. Đăng vào schedules/ với `kind` ke-hoach-thang, ke-hoach-tuan, ke-hoach-ngay (một tệp cho các ngày học của một tuần) hoặc thuc-don, `from`/`to` là kỳ áp dụng và `published` là ngày đăng. Có thể soạn trước và đặt `published` là ngày sẽ đăng.',
    en: 'Preschools publish the monthly education plan before the 25th of the previous month (last day the 24th), and the weekly plan, the daily plans and the expected menu before the Saturday of the previous week (last day the Friday), for every school week and month from September to May. Post them in schedules/ with `kind` ke-hoach-thang, ke-hoach-tuan, ke-hoach-ngay (one file for the school days of a week) or thuc-don, `from`/`to` the period and `published` the posting date. They can be written ahead with `published` set to the day they go online.',
  },
  check(ctx) {
    checkPeriodic(ctx, ['ke-hoach-thang', 'ke-hoach-tuan', 'ke-hoach-ngay', 'thuc-don']);
  },
});
