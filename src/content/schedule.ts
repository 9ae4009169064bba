/**
 * Scheduled publication: an entry whose publication date (and time) is later than the build's
 * clock is not public yet. The build leaves it out of the site — pages, lists, feeds, search,
 * sitemap and its attachments — and remembers when it falls due, so that the next build after
 * that moment publishes it. Dates are Vietnam local times (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`);
 * a date without a time is due from 00:00 that day.
 */
import type { CollectionName } from './collections.ts';

/** The front-matter field that holds each collection's publication date (none: always public). */
export const PUBLICATION_DATE_FIELD = {
  news: 'date',
  documents: 'issued',
  forms: 'updated',
  disclosures: 'published',
  admissions: 'published',
  consultations: 'published',
  schedules: 'published',
  albums: 'date',
} as const satisfies Partial<Record<CollectionName, string>>;

/** The publication date of an entry, when its collection has one. */
export function publicationDate(collection: CollectionName, data: unknown): string | undefined {
  const field = (PUBLICATION_DATE_FIELD as Partial<Record<CollectionName, string>>)[collection];
  const value = field === undefined ? undefined : (data as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a publication date is still in the future at `now` (both Vietnam local ISO strings). */
export function isScheduled(published: string | undefined, now: string | undefined): boolean {
  // Plain string order is time order here: "2026-12-02" < "2026-12-02T00:00" < "2026-12-02T08:00".
  return published !== undefined && now !== undefined && published > now;
}
