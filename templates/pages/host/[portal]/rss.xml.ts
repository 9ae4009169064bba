/** The host's aggregated feed: its own notices and the news of all its schools, newest first, no duplicates. */
import type { APIRoute } from 'astro';
import { getRenderInput } from '../../../../src/site/render-input.ts';
import { byDateDesc, newsItem, type FeedItem } from '../../../../src/feeds/school-feeds.ts';
import { feedResponse } from '../../../lib/feeds.ts';
import { hostOf, hostPaths } from '../../../lib/site.ts';

export const getStaticPaths = () => hostPaths();

export const GET: APIRoute = ({ props }) => {
  const host = hostOf(props);
  const seen = new Set<string>();
  const items: FeedItem[] = [
    ...host.collections.news.filter((n) => !n.data.draft).map((n) => newsItem(host, n)),
    ...getRenderInput().directory.flatMap((s) => s.feedItems.map((i) => ({ ...i, categories: [...i.categories, s.name] }))),
  ]
    .sort(byDateDesc)
    .filter((i) => !seen.has(i.guid) && seen.add(i.guid));
  return feedResponse(
    {
      path: '/rss.xml',
      title: `${host.config.name} – Tin tức các trường`,
      description: `Thông báo của ${host.config.name} và tin tức của các trường trực thuộc.`,
      items,
    },
    host.config.domain,
  );
};
