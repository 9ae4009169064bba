/**
 * What one Astro build renders: a batch of schools (and possibly the host portal). The
 * worker puts it on `globalThis` before calling Astro's `build()`; the theme reads it in
 * `templates/lib/site-data.ts`. Astro prerenders static pages in the same process, so the
 * loaded content is shared without serialising it.
 */
import type { LoadedHost, LoadedSchool } from '../content/load.ts';

export interface RenderInput {
  schools: LoadedSchool[];
  /** Present when this batch renders the host portal. */
  host?: LoadedHost | undefined;
  /** All valid schools of the host (for the directory), even those not in this batch. */
  directory: DirectoryEntry[];
  /** Build time, ISO. Pages show dates from content, never this, so output is reproducible. */
  builtAt: string;
  /**
   * The build's date (`YYYY-MM-DD`, Vietnam): the current school year, which công khai items are
   * due. The theme reads it here, never the clock, so that a build with `--date` renders that day.
   */
  date: string;
  /** The build's clock (Vietnam local `YYYY-MM-DDTHH:mm`): what scheduled entries are public. */
  now: string;
  /** The host's own notices and văn bản, shown on every school site and linked back to the host. */
  syndication?: Syndication | undefined;
}

export interface Syndication {
  hostName: string;
  hostDomain: string;
  notices: { title: string; date: string; url: string }[];
  documents: { title: string; number: string; date: string; url: string }[];
}

/** One school in the host's directory. */
export interface DirectoryEntry {
  id: string;
  name: string;
  levels: string[];
  domain: string;
  address: string;
  phone: string;
  email: string;
  latestNews: { title: string; date: string; url: string }[];
  /** Latest news as feed items, for the host's aggregated feed. */
  feedItems: FeedItem[];
  /** Compliance errors and warnings at the build date. */
  compliance?: { errors: number; warnings: number } | undefined;
  /**
   * The school's content has errors in this build: the entry is the one of its last good build,
   * and its published site is that build's.
   */
  failed?: boolean | undefined;
}

/** Folder of the host portal with the compliance dashboard. */
export const DASHBOARD_DIR = 'tuan-thu';

const KEY = '__congtruongRenderInput';

export function setRenderInput(data: RenderInput): void {
  (globalThis as Record<string, unknown>)[KEY] = data;
}

export function getRenderInput(): RenderInput {
  const data = (globalThis as Record<string, unknown>)[KEY] as RenderInput | undefined;
  if (!data) {
    throw new Error('No content to render. Build the sites with `npm run build` (or `congtruong build`), not with `astro build` directly.');
  }
  return data;
}

/** One item of an RSS feed (`src/feeds/school-feeds.ts` builds them; the host's aggregated feed reads them here). */
export interface FeedItem {
  title: string;
  link: string;
  /** Stable, unique across the feed; equal to the link unless the item is an update. */
  guid: string;
  date: string;
  /** HTML (escaped plain text): readers render it as markup. */
  description: string;
  content: string;
  categories: string[];
  enclosure?: { url: string; length: number; type: string } | undefined;
}
