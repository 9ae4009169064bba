import { vnDate } from '../calendar.ts';
import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'FRESH-002',
  title: { vi: 'Cập nhật tin thường xuyên', en: 'Regular news updates' },
  // NĐ 224/2026 Điều 9 k3 governs from 1/7/2026; before, NĐ 42/2022 (article not read).
  citations: [{ ref: 'nd42-2022', articles: { 'nd224-2026': 'Điều 9 khoản 3' } }],
  levels: ALL_LEVELS,
  verification: 'unverified',
  inputs: ['source', 'html'],
  messages: {
    stale: {
      vi: 'Tin mới nhất đăng ngày {latest}, đã {days} ngày (ngưỡng {max} ngày).',
      en: 'The latest post is from {latest}, {days} days ago (threshold {max}).',
    },
    none: { vi: 'Chưa có tin nào có ngày đăng.', en: 'No dated post at all.' },
  },
  description: {
    vi: 'Thông tin phải được cập nhật kịp thời. Ngưỡng số ngày không có văn bản quy định; mặc định 30 ngày, mỗi đơn vị có thể đổi.',
    en: 'Information must be kept up to date. No text sets the number of days; the default is 30 and each host may change it.',
  },
  check({ facts, date, options, report }) {
    const dates = facts.news.map((n) => n.published).filter((d): d is string => !!d && d <= date);
    if (dates.length === 0) return report('none');
    const latest = dates.sort().at(-1)!;
    const days = Math.round((Date.parse(date) - Date.parse(latest)) / 86_400_000);
    if (days > options.maxStaleDays) report('stale', { latest: vnDate(latest), days, max: options.maxStaleDays });
  },
});
