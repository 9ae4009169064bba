/** /chuyen-muc/<category>/rss.xml: one feed per news category. */
import type { APIRoute } from 'astro';
import { schoolFeeds, type FeedSpec } from '../../../../../src/feeds/school-feeds.ts';
import { feedResponse } from '../../../../lib/feeds.ts';
import { schoolPaths } from '../../../../lib/site.ts';
import { sectionUrl } from '../../../../../src/site/sections.ts';

export const getStaticPaths = () =>
  schoolPaths().flatMap(({ params, props }) =>
    schoolFeeds(props.site)
      .filter((f) => f.path.startsWith(sectionUrl('categories')))
      .map((feed) => ({ params: { ...params, category: feed.path.split('/')[2]! }, props: { ...props, feed } })),
  );

export const GET: APIRoute = ({ props }) => {
  const { feed, site } = props as { feed: FeedSpec; site: { config: { domain: string } } };
  return feedResponse(feed, site.config.domain);
};
