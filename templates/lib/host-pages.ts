/** Every page of the host portal (sitemap.xml and Sơ đồ cổng). */
import type { LoadedHost } from '../../src/content/load.ts';
import { t } from './i18n.ts';
import { publishedNews } from './site.ts';
import { entryUrl, sectionUrl } from '../../src/site/sections.ts';

export function hostPages(host: LoadedHost): { path: string; title: string }[] {
  return [
    { path: '/', title: t('nav.home') },
    { path: sectionUrl('news'), title: t('nav.news') },
    ...publishedNews(host).map((n) => ({ path: entryUrl('news', n.slug), title: n.data.title })),
    { path: sectionUrl('documents'), title: t('nav.documents') },
    ...host.collections.documents.map((d) => ({ path: entryUrl('documents', d.slug), title: `${d.data.number}: ${d.data.summary}` })),
    { path: sectionUrl('feeds'), title: t('rss.title') },
    { path: sectionUrl('sitemap'), title: t('nav.sitemap') },
  ];
}
