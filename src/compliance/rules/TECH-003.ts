import { defineRule, ALL_LEVELS } from '../rule.ts';

export default defineRule({
  id: 'TECH-003',
  title: { vi: 'Sơ đồ cổng (HTML) và sitemap.xml', en: 'HTML site map and sitemap.xml' },
  citations: [{ ref: 'tt32-2017', article: 'Điều 16 khoản 4 điểm b' }],
  levels: ALL_LEVELS,
  verification: 'verified',
  inputs: ['html'],
  messages: {
    html: { vi: 'Không có trang Sơ đồ cổng dạng cây cho người đọc.', en: 'There is no HTML site map for readers.' },
    xml: { vi: 'Không có tệp sitemap.xml cho máy tìm kiếm.', en: 'There is no sitemap.xml for search engines.' },
  },
  description: {
    vi: 'Cổng thông tin có sơ đồ dạng cây cho người dùng và tệp XML cho máy tìm kiếm. Cổng Trường tạo /so-do-cong/ và /sitemap.xml.',
    en: 'The portal offers a tree site map for users and an XML file for search engines. Cổng Trường generates /so-do-cong/ and /sitemap.xml.',
  },
  check({ facts, report }) {
    if (!facts.technical) return;
    if (!facts.sections['so-do-cong']) report('html');
    if (!facts.technical.sitemapXml) report('xml');
  },
});
