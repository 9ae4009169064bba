/**
 * Every page of a school site, grouped by section: one list feeds sitemap.xml, the HTML
 * Sơ đồ cổng (TT 32/2017/TT-BTTTT Điều 16 k4 b) and the route `getStaticPaths` helpers, so
 * that they can never disagree.
 */
import type { LoadedSchool } from '../../src/content/load.ts';
import { DISCLOSURE_ITEMS } from '../../src/schemas/disclosure-items.ts';
import { NEWS_CATEGORIES, NEWS_CATEGORY_NAMES } from '../../src/schemas/collections.ts';
import { t } from './i18n.ts';
import { schoolYearOf } from '../../src/util/dates.ts';
import { buildDate, NEWS_PAGE_SIZE, newsUrl, pageUrl, paginate, publishedNews } from './site.ts';
import { entryUrl, sectionUrl } from '../../src/site/sections.ts';

export interface SitePage {
  path: string;
  title: string;
  date?: string | undefined;
}

export interface SiteSection {
  path: string;
  title: string;
  pages: SitePage[];
}

/** Pages under Giới thiệu (everything but the intro and contact pages themselves). */
export function aboutSubpages(site: LoadedSchool) {
  return site.collections.pages
    .filter((p) => p.data.kind !== 'gioi-thieu' && p.data.kind !== 'lien-he')
    .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'vi'));
}

/**
 * School years of the công khai archive, newest first: the current one, the five before it
 * (TT 09/2024 Điều 15 k2 asks to keep five years online) and any older year with content.
 */
export function archiveYears(site: LoadedSchool): string[] {
  const current = Number(schoolYearOf(buildDate()).slice(0, 4));
  const years = new Set(disclosureYears(site));
  for (let y = current; y >= current - 5; y--) years.add(`${y}-${y + 1}`);
  return [...years].sort().reverse();
}

/** School years with disclosures, newest first. */
export function disclosureYears(site: LoadedSchool): string[] {
  return [...new Set(site.collections.disclosures.map((d) => d.schoolYear!))].sort().reverse();
}

export function disclosureTitle(d: { data: { item: keyof typeof DISCLOSURE_ITEMS; title?: string | undefined } }): string {
  return d.data.title ?? DISCLOSURE_ITEMS[d.data.item].title;
}

export function categoriesInUse(site: LoadedSchool) {
  const news = publishedNews(site);
  return NEWS_CATEGORIES.filter((c) => news.some((n) => n.data.category === c));
}

/** The site tree. */
export function siteSections(site: LoadedSchool): SiteSection[] {
  const c = site.collections;
  const news = publishedNews(site);
  const newsPages = paginate(news, NEWS_PAGE_SIZE);
  return [
    { path: '/', title: t('nav.home'), pages: [] },
    {
      path: sectionUrl('about'),
      title: t('nav.about'),
      pages: aboutSubpages(site).map((p) => ({ path: entryUrl('about', p.slug), title: p.data.title, date: p.data.updated })),
    },
    {
      path: sectionUrl('news'),
      title: t('nav.news'),
      pages: [
        ...newsPages
          .slice(1)
          .map((p) => ({ path: pageUrl(sectionUrl('news'), p.number), title: t('pagination.page', { n: p.number, total: p.total }) })),
        ...categoriesInUse(site).flatMap((cat) => {
          const pages = paginate(
            news.filter((n) => n.data.category === cat),
            NEWS_PAGE_SIZE,
          );
          const base = entryUrl('categories', cat);
          return pages.map((p) => ({
            path: pageUrl(base, p.number),
            title:
              p.number === 1
                ? NEWS_CATEGORY_NAMES[cat]
                : `${NEWS_CATEGORY_NAMES[cat]} – ${t('pagination.page', { n: p.number, total: p.total })}`,
          }));
        }),
        ...news.map((n) => ({ path: newsUrl(n.slug), title: n.data.title, date: n.data.updated ?? n.data.date })),
      ],
    },
    {
      path: sectionUrl('documents'),
      title: t('nav.documents'),
      pages: c.documents.map((d) => ({
        path: entryUrl('documents', d.slug),
        title: `${d.data.number}: ${d.data.summary}`,
        date: d.data.issued,
      })),
    },
    {
      path: sectionUrl('disclosures'),
      title: t('nav.disclosures'),
      pages: archiveYears(site).flatMap((y) => [
        { path: entryUrl('disclosures', y), title: t('disclosures.year', { year: y }) },
        ...c.disclosures
          .filter((d) => d.schoolYear === y)
          .map((d) => ({
            path: entryUrl('disclosures', y, d.slug),
            title: `${disclosureTitle(d)} (${y})`,
            date: d.data.updated ?? d.data.published,
          })),
      ]),
    },
    {
      path: sectionUrl('admissions'),
      title: t('nav.admissions'),
      pages: c.admissions.map((a) => ({ path: entryUrl('admissions', a.slug), title: a.data.title, date: a.data.published })),
    },
    {
      path: sectionUrl('forms'),
      title: t('nav.forms'),
      pages: c.forms.map((f) => ({ path: entryUrl('forms', f.slug), title: f.data.title, date: f.data.updated })),
    },
    {
      path: sectionUrl('consultations'),
      title: t('nav.consultations'),
      pages: c.consultations.map((x) => ({ path: entryUrl('consultations', x.slug), title: x.data.title, date: x.data.published })),
    },
    {
      path: sectionUrl('schedules'),
      title: t('nav.schedules'),
      pages: c.schedules.map((x) => ({ path: entryUrl('schedules', x.slug), title: x.data.title, date: x.data.published })),
    },
    {
      path: sectionUrl('albums'),
      title: t('nav.albums'),
      pages: c.albums.map((x) => ({ path: entryUrl('albums', x.slug), title: x.data.title, date: x.data.date })),
    },
    { path: sectionUrl('contact'), title: t('nav.contact'), pages: [] },
    { path: sectionUrl('feeds'), title: t('rss.title'), pages: [] },
    { path: sectionUrl('sitemap'), title: t('nav.sitemap'), pages: [] },
  ];
}

/** Flat list of every HTML page. */
export function sitePages(site: LoadedSchool): SitePage[] {
  return siteSections(site).flatMap((s) => [{ path: s.path, title: s.title }, ...s.pages]);
}
