/**
 * /cong-truong.json: machine-readable summary of the site for the ranking job of the Sở/Phòng
 * (sections, công khai by school year, feeds, search). Schema: src/ranking/manifest.ts.
 */
import type { APIRoute } from 'astro';
import { schoolFeeds } from '../../../src/feeds/school-feeds.ts';
import { MANIFEST_VERSION, type Manifest } from '../../../src/ranking/manifest.ts';
import { schoolYearOf } from '../../../src/util/dates.ts';
import { t } from '../../lib/i18n.ts';
import { aboutSubpages, archiveYears, disclosureTitle } from '../../lib/site-pages.ts';
import { buildDate, newsUrl, publishedNews, published, schoolPaths, siteOf } from '../../lib/site.ts';

export const getStaticPaths = () => schoolPaths();

export const GET: APIRoute = ({ props }) => {
  const site = siteOf(props);
  const c = site.collections;
  const sections: Manifest['sections'] = [
    { key: 'gioi-thieu', title: t('nav.about'), url: '/gioi-thieu/' },
    ...aboutSubpages(site)
      .filter((p) => p.data.kind !== 'khac')
      .map((p) => ({ key: p.data.kind as Manifest['sections'][number]['key'], title: p.data.title, url: `/gioi-thieu/${p.slug}/` })),
    { key: 'tin-tuc', title: t('nav.news'), url: '/tin-tuc/' },
    { key: 'van-ban', title: t('nav.documents'), url: '/van-ban/' },
    { key: 'cong-khai', title: t('nav.disclosures'), url: '/cong-khai/' },
    { key: 'tuyen-sinh', title: t('nav.admissions'), url: '/tuyen-sinh/' },
    { key: 'bieu-mau', title: t('nav.forms'), url: '/bieu-mau/' },
    { key: 'lay-y-kien', title: t('nav.consultations'), url: '/lay-y-kien/' },
    { key: 'lich', title: t('nav.schedules'), url: '/lich/' },
    { key: 'lien-he', title: t('nav.contact'), url: '/lien-he/' },
    { key: 'so-do-cong', title: t('nav.sitemap'), url: '/so-do-cong/' },
    { key: 'tim-kiem', title: t('search.title'), url: '/tim-kiem/' },
  ];
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    generator: 'congtruong',
    school: {
      name: site.config.name,
      domain: site.config.domain,
      levels: [...site.config.levels],
      email: site.config.email,
      governingBody: site.config.governingBody.name,
    },
    sections,
    disclosures: {
      currentSchoolYear: schoolYearOf(buildDate()),
      years: archiveYears(site)
        .map((year) => ({
          schoolYear: year,
          url: `/cong-khai/${year}/`,
          items: c.disclosures
            .filter((d) => d.schoolYear === year)
            .map((d) => ({
              item: d.data.item,
              title: disclosureTitle(d),
              url: `/cong-khai/${year}/${d.slug}/`,
              published: d.data.published,
              attachments: d.data.attachments.map((a) => published(site, a.file).url),
            })),
        }))
        .filter((y) => y.items.length > 0),
    },
    feeds: schoolFeeds(site).map((f) => ({ title: f.title, url: f.path })),
    search: '/tim-kiem/',
    htmlSitemap: '/so-do-cong/',
    sitemapXml: '/sitemap.xml',
    news: publishedNews(site)
      .slice(0, 100)
      .map((n) => ({ title: n.data.title, url: newsUrl(n.slug), date: n.data.date })),
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
