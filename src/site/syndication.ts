/** What school sites show of their host: its latest notices and văn bản. */
import type { LoadedHost } from '../content/load.ts';
import type { Syndication } from './render-input.ts';
import { entryUrl } from './sections.ts';

export function syndicationOf(host: LoadedHost): Syndication {
  const origin = `https://${host.config.domain}`;
  return {
    hostName: host.config.name,
    hostDomain: host.config.domain,
    notices: host.collections.news
      .filter((n) => !n.data.draft) // a new array: sorting it leaves the host's collection alone
      .sort((a, b) => b.data.date.localeCompare(a.data.date))
      .slice(0, 5)
      .map((n) => ({ title: n.data.title, date: n.data.date, url: `${origin}${entryUrl('news', n.slug)}` })),
    // A copy: the host's collection is shared with the host portal, whose order must not move.
    documents: [...host.collections.documents]
      .sort((a, b) => b.data.issued.localeCompare(a.data.issued))
      .slice(0, 10)
      .map((d) => ({
        title: d.data.summary,
        number: d.data.number,
        date: d.data.issued,
        url: `${origin}${entryUrl('documents', d.slug)}`,
      })),
  };
}
