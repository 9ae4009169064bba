import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-004',
  title: { vi: 'Kênh RSS cho tin tức', en: 'RSS feed for news' },
  citations: [
    { ref: 'tt15-2018', article: 'Điều 9' },
    { ref: 'tt37-2020', article: 'Điều 12 (chưa xác minh)' },
  ],
  levels: ALL_LEVELS,
  verification: 'partial',
  inputs: ['html'],
  messages: { missing: { vi: 'Trang chủ không liên kết tới kênh RSS nào.', en: 'The home page links to no RSS feed.' } },
  description: {
    vi: 'Chia sẻ nội dung qua RSS: khai báo <link rel="alternate" type="application/rss+xml"> tới /rss.xml.',
    en: 'Share content through RSS: declare <link rel="alternate" type="application/rss+xml"> pointing to /rss.xml.',
  },
  check({ facts, report }) {
    if (facts.technical && facts.technical.rssFeeds.length === 0) report('missing');
  },
});
