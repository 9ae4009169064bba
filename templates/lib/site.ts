/**
 * Helpers the pages share: the current school, links, dates, labels.
 */
import { getRenderInput } from '../../src/site/render-input.ts';
import type { Entry, LoadedHost, LoadedSchool } from '../../src/content/load.ts';
import type { News } from '../../src/schemas/collections.ts';
import { formatDateVi, formatLongDateVi, toInstant } from '../../src/util/dates.ts';
import { normalizeFileRef } from '../../src/content/files.ts';
import { entryUrl } from '../../src/site/sections.ts';
import { memo, type Memoized } from '../../src/site/render-tracking.ts';

export { formatDateVi, formatLongDateVi };

/** Schools of this build, one `getStaticPaths` entry each. */
export function schoolPaths() {
  return getRenderInput().schools.map((site) => ({ params: { school: site.id }, props: { site } }));
}

export function hostPaths() {
  const { host } = getRenderInput();
  return host ? [{ params: { portal: 'portal' }, props: { host } }] : [];
}

/** The build's date (`YYYY-MM-DD`): pages read it, never the clock, so `--date` renders that day. */
export function buildDate(): string {
  return getRenderInput().date;
}

/** The school for a page; throws when the route was not built from `schoolPaths`. */
export function siteOf(props: Record<string, unknown>): LoadedSchool {
  const site = props.site as LoadedSchool | undefined;
  if (!site) throw new Error('Page rendered without a school.');
  return site;
}

export function hostOf(props: Record<string, unknown>): LoadedHost {
  const host = props.host as LoadedHost | undefined;
  if (!host) throw new Error('Page rendered without a host.');
  return host;
}

/** `https://<domain><path>`: canonical URLs, feeds, sitemaps. */
export function absoluteUrl(domain: string, path: string): string {
  return `https://${domain}${path}`;
}

const newestFirst = new WeakMap<readonly Entry<News>[], Memoized<readonly Entry<News>[]>>();

/**
 * Published news, newest first. Sorted once per site and remembered: every page asks for it
 * (menus, the home page, related items), and sorting 200 items with a date parse per comparison
 * on each of a school's 270 pages took a noticeable part of the render. Remembered through
 * `memo`, so that the warm renderer credits the dates read by the sort to every page using it.
 */
export function publishedNews(site: { collections: { news: Entry<News>[] } }): readonly Entry<News>[] {
  const all = site.collections.news;
  return memo(newestFirst, all, () => {
    const time = new Map(all.map((n) => [n, toInstant(n.data.date).getTime()]));
    return Object.freeze(all.filter((n) => !n.data.draft).sort((a, b) => time.get(b)! - time.get(a)! || a.slug.localeCompare(b.slug)));
  });
}

export function newsUrl(slug: string): string {
  return entryUrl('news', slug);
}

export const NEWS_PAGE_SIZE = 10;

/** Splits a list into pages of `size`; page 1 is `base`, page n is `base + trang/n/`. */
export function paginate<T>(items: readonly T[], size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    number: i + 1,
    total: pages,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}trang/${n}/`;
}

/** Human file size: "48 KB", "1,2 MB" (Vietnamese decimal comma). */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Upper-case file type for download links: "PDF", "DOCX". */
export function fileType(url: string): string {
  return (url.split('.').pop() ?? '').toUpperCase();
}

/** The published file for a reference written in content. */
export function published(site: LoadedSchool | LoadedHost, ref: string) {
  const f = site.files.get(normalizeFileRef(ref));
  if (!f) throw new Error(`File ${ref} was not resolved by the loader.`);
  return f;
}
