/**
 * robots.txt as RFC 9309 reads it: a 4xx means "no rules" (crawl everything); a 5xx or an
 * unreachable file means "disallow everything" until it can be read. The verdict is made for
 * the crawler's product token.
 */
import robotsParserModule from 'robots-parser';
import { bodyOf, type FetchRecord } from './fetcher.ts';
import { decodeBody } from './decode.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// The package is CommonJS (`module.exports = function`); its typings do not say so.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

export const ROBOTS_TOKEN = 'CongTruongRanking';

export interface RobotsRules {
  /** `allow-all` (no file / 4xx), `parsed`, or `disallow-all` (unreachable / 5xx). */
  mode: 'allow-all' | 'parsed' | 'disallow-all';
  isAllowed(url: string): boolean;
  /** Seconds, as written in the file. */
  crawlDelay?: number | undefined;
  sitemaps: string[];
}

export function robotsFromRecord(robotsUrl: string, record: FetchRecord): RobotsRules {
  if (record.status === 'http-error' && record.httpStatus !== undefined && record.httpStatus >= 400 && record.httpStatus < 500) {
    return { mode: 'allow-all', isAllowed: () => true, sitemaps: [] };
  }
  if (record.status !== 'ok') return { mode: 'disallow-all', isAllowed: () => false, sitemaps: [] };
  const text = decodeBody(bodyOf(record), record.contentType).text;
  const robot = robotsParser(robotsUrl, text);
  return {
    mode: 'parsed',
    // robots-parser answers `undefined` for URLs of another origin: those are not ours to judge.
    isAllowed: (url) => robot.isAllowed(url, ROBOTS_TOKEN) !== false,
    crawlDelay: robot.getCrawlDelay(ROBOTS_TOKEN),
    sitemaps: robot.getSitemaps(),
  };
}
