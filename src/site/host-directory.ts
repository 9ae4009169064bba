/** The host portal's directory of schools: one entry per school, with its latest news. */
import type { LoadedSchool } from '../content/load.ts';
import { byDateDesc, newsItem } from '../feeds/school-feeds.ts';
import { toInstant } from '../util/dates.ts';
import type { DirectoryEntry } from './render-input.ts';

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
      .map((n) => ({ title: n.data.title, date: n.data.date, url: `https://${s.config.domain}/tin-tuc/${n.slug}/` })),
    feedItems: s.collections.news
      .filter((n) => !n.data.draft)
      .map((n) => newsItem(s, n))
      .sort(byDateDesc)
      .slice(0, FEED_ITEMS_PER_SCHOOL),
  };
}
