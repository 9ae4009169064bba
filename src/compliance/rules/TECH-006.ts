import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-006',
  title: { vi: 'Hỗ trợ thiết bị di động', en: 'Mobile support' },
  citations: [
    { ref: 'tt32-2017', article: 'Điều 17' },
    { ref: 'nd42-2022', articles: { 'nd224-2026': 'Điều 10 khoản 3 điểm a' } },
  ],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['html'],
  messages: { viewport: { vi: 'Trang {url} không khai báo viewport cho điện thoại.', en: 'Page {url} declares no mobile viewport.' } },
  description: {
    vi: 'Các nội dung chính phải truy cập được trên thiết bị di động: khai báo <meta name="viewport" content="width=device-width, initial-scale=1"> và bố cục co giãn.',
    en: 'Main content must be reachable on mobile devices: declare <meta name="viewport" content="width=device-width, initial-scale=1"> and use a responsive layout.',
  },
  check({ facts, report }) {
    for (const p of facts.technical?.pages ?? []) if (!p.viewport) report('viewport', { url: p.url }, { url: p.url });
  },
});
