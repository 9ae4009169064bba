/**
 * The host portal's directory of schools: one entry per school, with its latest news and the
 * items of the host's aggregated feed. It lives with the feeds, which build those items, so that
 * the site model (`src/site/`) stays below the feeds: they read its table of sections.
 */
import type { LoadedSchool } from '../content/load.ts';
import type { DirectoryEntry } from '../site/render-input.ts';
import { entryUrl } from '../site/sections.ts';
import { toInstant } from '../util/dates.ts';
import { byDateDesc, newsItem } from './school-feeds.ts';

/** News items per school in the host's aggregated feed. */
const FEED_ITEMS_PER_SCHOOL = 30;

/** A school's entry in the host directory, with its latest news. */
export function directoryEntry(s: LoadedSchool): DirectoryEntry {
  return {
    id: s.id,
    name: s.config.name,
    levels: s.config.levels,
    domain: s.config.domain,
    address: s.config.address,
    phone: s.config.phone,
    email: s.config.email,
    latestNews: s.collections.news
      .filter((n) => !n.data.draft)
      .sort((a, b) => toInstant(b.data.date).getTime() - toInstant(a.data.date).getTime())
      .slice(0, 3)
      .map((n) => ({ title: n.data.title, date: n.data.date, url: `https://${s.config.domain}${entryUrl('news', n.slug)}` })),
    feedItems: s.collections.news
      .filter((n) => !n.data.draft)
      .map((n) => newsItem(s, n))
      .sort(byDateDesc)
      .slice(0, FEED_ITEMS_PER_SCHOOL),
  };
}
