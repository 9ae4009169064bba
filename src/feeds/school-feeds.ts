/**
 * The RSS feeds of a school site, as data: which feeds exist and their items. The Astro
 * endpoints in `templates/pages/[school]/**\/rss.xml.ts` only render them with @astrojs/rss.
 */
import type { Entry, LoadedHost, LoadedSchool } from '../content/load.ts';
import { DISCLOSURE_ITEMS } from '../schemas/disclosure-items.ts';
import {
  DOCUMENT_TYPE_NAMES,
  NEWS_CATEGORIES,
  NEWS_CATEGORY_NAMES,
  type Disclosure,
  type Document,
  type News,
} from '../schemas/collections.ts';
import { excerpt } from '../render/markdown.ts';
import { toInstant } from '../util/dates.ts';
import type { FeedItem } from '../site/render-input.ts';
import { memo, type Memoized } from '../site/render-tracking.ts';
import { SECTIONS, entryUrl, feedUrl } from '../site/sections.ts';
import { absolutizeHtml, mimeType, rfc822, xmlEscape } from './feed-format.ts';

/**
 * A plain-text field as the HTML that RSS readers expect in `<description>`: a summary such as
 * `<img src=x onerror=…>` is text the school typed, and must show as text, not run. (The XML
 * writer escapes once more for the XML itself.)
 */
export const textAsHtml = (text: string) => xmlEscape(text);

export type { FeedItem };

export interface FeedSpec {
  /** Site path of the feed, e.g. `/rss.xml`. */
  path: string;
  title: string;
  description: string;
  items: FeedItem[];
}

type Site = LoadedSchool | LoadedHost;

const byDateDesc = (a: FeedItem, b: FeedItem) => toInstant(b.date).getTime() - toInstant(a.date).getTime() || a.guid.localeCompare(b.guid);

function enclosureOf(site: Site, ref: string | undefined): FeedItem['enclosure'] {
  if (!ref) return undefined;
  const f = site.files.get(ref);
  if (!f || f.image) return undefined;
  return { url: `https://${site.config.domain}${f.url}`, length: f.bytes, type: mimeType(f.url) };
}

export function newsItem(site: Site, n: Entry<News>): FeedItem {
  const origin = `https://${site.config.domain}`;
  const link = `${origin}${entryUrl('news', n.slug)}`;
  const firstFile = /href="(\/[^"]+\.(?:pdf|docx?|xlsx?))"/.exec(n.html)?.[1];
  return {
    title: n.data.title,
    link,
    guid: link,
    date: n.data.date,
    description: textAsHtml(n.data.summary ?? excerpt(n.text, 280)),
    content: absolutizeHtml(n.html, origin),
    categories: [NEWS_CATEGORY_NAMES[n.data.category]],
    enclosure: firstFile ? enclosureOf(site, [...site.files.entries()].find(([, f]) => f.url === firstFile)?.[0]) : undefined,
  };
}

export function documentItem(site: Site, d: Entry<Document>): FeedItem {
  const origin = `https://${site.config.domain}`;
  const link = `${origin}${entryUrl('documents', d.slug)}`;
  return {
    title: `${DOCUMENT_TYPE_NAMES[d.data.type]} ${d.data.number}: ${d.data.summary}`,
    link,
    guid: link,
    date: d.data.issued,
    description: textAsHtml(`${d.data.summary} (${d.data.issuer}, ${d.data.signer})`),
    content: absolutizeHtml(d.html || `<p>${xmlEscape(d.data.summary)}</p>`, origin),
    categories: [DOCUMENT_TYPE_NAMES[d.data.type]],
    enclosure: enclosureOf(site, d.data.file),
  };
}

/** One item per publication and one per update, so that followers see changes (TT 09/2024 Điều 15). */
export function disclosureItems(site: LoadedSchool, d: Entry<Disclosure>): FeedItem[] {
  const origin = `https://${site.config.domain}`;
  const link = `${origin}${entryUrl('disclosures', d.schoolYear!, d.slug)}`;
  const title = `${d.data.title ?? DISCLOSURE_ITEMS[d.data.item].title} – năm học ${d.schoolYear}`;
  const base = {
    link,
    content: absolutizeHtml(d.html, origin),
    description: textAsHtml(excerpt(d.text, 280) || title),
    categories: [SECTIONS.disclosures.title.vi, d.schoolYear!],
    enclosure: enclosureOf(site, d.data.attachments[0]?.file),
  };
  const items: FeedItem[] = [{ ...base, title, guid: link, date: d.data.published }];
  if (d.data.updated && d.data.updated !== d.data.published) {
    items.push({ ...base, title: `Cập nhật: ${title}`, guid: `${link}#cap-nhat-${d.data.updated}`, date: d.data.updated });
  }
  return items;
}

/** Every feed of a school site. */
export function schoolFeeds(site: LoadedSchool): FeedSpec[] {
  // Five endpoints of a school (its feeds, the feed list, the site manifest) and the category
  // feeds' paths ask for every feed: built once per site and build. Through `memo`, so that the
  // warm renderer credits what the feeds read to each page that takes them.
  return memo(feedsOf, site, () => buildFeeds(site));
}

const feedsOf = new WeakMap<LoadedSchool, Memoized<FeedSpec[]>>();

function buildFeeds(site: LoadedSchool): FeedSpec[] {
  const name = site.config.name;
  const news = site.collections.news.filter((n) => !n.data.draft).map((n) => newsItem(site, n));
  const feeds: FeedSpec[] = [
    {
      path: '/rss.xml',
      title: `${name} – ${SECTIONS.news.title.vi}`,
      description: `Tin tức, thông báo, sự kiện của ${name}.`,
      items: news.sort(byDateDesc),
    },
  ];
  for (const cat of NEWS_CATEGORIES) {
    const items = site.collections.news.filter((n) => !n.data.draft && n.data.category === cat).map((n) => newsItem(site, n));
    if (items.length > 0) {
      feeds.push({
        path: feedUrl('categories', cat),
        title: `${name} – ${NEWS_CATEGORY_NAMES[cat]}`,
        description: `${NEWS_CATEGORY_NAMES[cat]} của ${name}.`,
        items: items.sort(byDateDesc),
      });
    }
  }
  feeds.push({
    path: feedUrl('documents'),
    title: `${name} – ${SECTIONS.documents.title.vi}`,
    description: `Văn bản của ${name}.`,
    items: site.collections.documents.map((d) => documentItem(site, d)).sort(byDateDesc),
  });
  feeds.push({
    path: feedUrl('disclosures'),
    title: `${name} – ${SECTIONS.disclosures.title.vi}`,
    description: `Nội dung công khai mới và cập nhật của ${name} (Thông tư 09/2024/TT-BGDĐT).`,
    items: site.collections.disclosures.flatMap((d) => disclosureItems(site, d)).sort(byDateDesc),
  });
  return feeds;
}

/** Raw XML for @astrojs/rss's `customData`: the date in +0700 and a guid that may differ from the link. */
export function itemCustomData(item: FeedItem): string {
  const permalink = item.guid === item.link;
  return `<pubDate>${rfc822(item.date)}</pubDate><guid isPermaLink="${permalink}">${xmlEscape(item.guid)}</guid>`;
}

export { byDateDesc };
