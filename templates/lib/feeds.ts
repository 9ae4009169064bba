/**
 * Renders a feed of `src/feeds/school-feeds.ts` with @astrojs/rss.
 */
import { getRssString } from '@astrojs/rss';
import { itemCustomData, type FeedSpec } from '../../src/feeds/school-feeds.ts';
import { rfc822 } from '../../src/feeds/feed-format.ts';

export async function feedResponse(feed: FeedSpec, domain: string): Promise<Response> {
  const newest = feed.items[0]?.date;
  const xml = await getRssString({
    title: feed.title,
    description: feed.description,
    site: `https://${domain}/`,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>vi</language>${newest ? `<lastBuildDate>${rfc822(newest)}</lastBuildDate>` : ''}<atom:link href="https://${domain}${feed.path}" rel="self" type="application/rss+xml"/>`,
    items: feed.items.map((i) => ({
      title: i.title,
      link: i.link,
      description: i.description,
      content: i.content,
      categories: i.categories,
      enclosure: i.enclosure,
      customData: itemCustomData(i),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
