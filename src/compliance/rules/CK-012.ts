import { defineRule } from '../rule.ts';
import { checkPeriodic } from '../schedule-deadlines.ts';

export default defineRule({
  id: 'CK-012',
  title: { vi: 'Phổ thông có bán trú: thực đơn trước thứ Bảy tuần trước', en: 'Schools serving meals: menu before the previous Saturday' },
  citations: [{ ref: 'tt09-2024', article: 'Điều 15 khoản 1 điểm a' }],
  levels: ['th', 'thcs', 'thpt'],
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
    vi: 'Trường phổ thông có tổ chức ăn bán trú công khai thực đơn dự kiến trước thứ Bảy của tuần trước (hạn chót thứ Sáu). Đăng vào schedules/ với `kind: thuc-don`. Quy tắc chỉ áp dụng khi school.yaml có `hasMeals: true`.',
    en: 'Schools that serve meals publish the expected menu before the Saturday of the previous week (last day the Friday). Post it in schedules/ with `kind: thuc-don`. Applies when school.yaml has `hasMeals: true`.',
  },
  check(ctx) {
    if (!ctx.facts.hasMeals) return;
    checkPeriodic(ctx, ['thuc-don']);
  },
});
