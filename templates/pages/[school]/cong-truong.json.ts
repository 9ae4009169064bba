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
import { entryUrl, manifestSections, sectionUrl } from '../../../src/site/sections.ts';

export const getStaticPaths = () => schoolPaths();

export const GET: APIRoute = ({ props }) => {
  const site = siteOf(props);
  const c = site.collections;
  // Every section of the table that has a manifest key; the pages under Giới thiệu that have a
  // well-known kind follow Giới thiệu, each under its kind.
  const sections: Manifest['sections'] = manifestSections().flatMap(([name, key]) => [
    { key, title: t(`nav.${name}`), url: sectionUrl(name) },
    ...(name === 'about'
      ? aboutSubpages(site).flatMap((p) =>
          p.data.kind === 'khac' ? [] : [{ key: p.data.kind, title: p.data.title, url: entryUrl('about', p.slug) }],
        )
      : []),
  ]);
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
          url: entryUrl('disclosures', year),
          items: c.disclosures
            .filter((d) => d.schoolYear === year)
            .map((d) => ({
              item: d.data.item,
              title: disclosureTitle(d),
              url: entryUrl('disclosures', year, d.slug),
              published: d.data.published,
              attachments: d.data.attachments.map((a) => published(site, a.file).url),
            })),
        }))
        .filter((y) => y.items.length > 0),
    },
    feeds: schoolFeeds(site).map((f) => ({ title: f.title, url: f.path })),
    search: sectionUrl('search'),
    htmlSitemap: sectionUrl('sitemap'),
    sitemapXml: '/sitemap.xml',
    news: publishedNews(site)
      .slice(0, 100)
      .map((n) => ({ title: n.data.title, url: newsUrl(n.slug), date: n.data.date })),
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
