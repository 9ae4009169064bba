/** Every page of the host portal (sitemap.xml and Sơ đồ cổng). */
import type { LoadedHost } from '../../src/content/load.ts';
import { t } from './i18n.ts';
import { publishedNews } from './site.ts';

export function hostPages(host: LoadedHost): { path: string; title: string }[] {
  return [
    { path: '/', title: t('nav.home') },
    { path: '/tin-tuc/', title: t('nav.news') },
    ...publishedNews(host).map((n) => ({ path: `/tin-tuc/${n.slug}/`, title: n.data.title })),
    { path: '/van-ban/', title: t('nav.documents') },
    ...host.collections.documents.map((d) => ({ path: `/van-ban/${d.slug}/`, title: `${d.data.number}: ${d.data.summary}` })),
    { path: '/rss/', title: t('rss.title') },
    { path: '/so-do-cong/', title: t('nav.sitemap') },
  ];
}
