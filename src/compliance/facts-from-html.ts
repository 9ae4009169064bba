/**
 * Facts from HTML pages: a site built by Cổng Trường or any other school website, read by the one
 * HTML reader (`src/html/site.ts`) that the ranking job uses too, so that `check --site` and
 * `rank` agree on every fact they share.
 */
import { readSite, type HtmlSiteInput } from '../html/site.ts';
import type { SiteFacts } from '../site/facts.ts';

export type { HtmlPage, HtmlSiteInput } from '../html/site.ts';
export { SECTION_LABELS } from '../html/site.ts';

export function factsFromHtml(input: HtmlSiteInput): SiteFacts {
  return readSite(input).facts;
}
