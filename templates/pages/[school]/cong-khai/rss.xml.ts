/** /cong-khai/rss.xml: new and updated công khai items, for the hosting unit to follow. */
import type { APIRoute } from 'astro';
import { schoolFeeds } from '../../../../src/feeds/school-feeds.ts';
import { feedResponse } from '../../../lib/feeds.ts';
import { schoolPaths, siteOf } from '../../../lib/site.ts';
import { feedUrl } from '../../../../src/site/sections.ts';

export const getStaticPaths = () => schoolPaths();

export const GET: APIRoute = ({ props }) => {
  const site = siteOf(props);
  return feedResponse(
    schoolFeeds(site).find((f) => f.path === feedUrl('disclosures'))!,
    site.config.domain,
  );
};
