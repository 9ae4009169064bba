/**
 * What the build keeps of each school between runs, keyed by its fingerprint: the host-directory
 * entry, the compliance facts and the last compliance result. A rebuild after one school changed
 * then loads, checks and renders that school only, instead of every school of the province (the
 * host portal and the compliance dashboard still need all of them).
 *
 * The facts (every news item's date, every text the rules search: a few hundred KB per school)
 * live in a file of their own, read only when a check must run again: on a new day, with another
 * host configuration, or after the rules changed (both change the fingerprint).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFacts } from '../site/facts.ts';
import type { SiteResult } from '../compliance/report.ts';
import type { DirectoryEntry } from '../site/render-input.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

export interface SchoolSummary {
  /** 3: feed items carry HTML-escaped descriptions (a school's last entry is reused as it is). */
  version: 3;
  fingerprint: string;
  /** The school's own domain (`school.yaml`), for the duplicate-domain check. */
  ownDomain: string;
  /** The host-directory entry, with the address the school is served at. */
  entry: Omit<DirectoryEntry, 'compliance'>;
  /**
   * The compliance result on `date`. The preset comes from `host.yaml`, which is part of every
   * fingerprint: a summary with this fingerprint was checked with today's preset.
   */
  check?: { date: string; result: SiteResult } | undefined;
}

const summaryFile = (cacheDir: string, id: string) => path.join(cacheDir, 'schools', `${id}.json`);
const factsFile = (cacheDir: string, id: string) => path.join(cacheDir, 'schools', `${id}.facts.json`);

async function readJson<T>(file: string, valid: (v: T) => boolean): Promise<T | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as T;
    return valid(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

const writeJson = (file: string, value: unknown) => writeFileAtomic(file, JSON.stringify(value));

/** The summary of `id` if it was made from content with this fingerprint. */
export function readSummary(cacheDir: string, id: string, fingerprint: string): Promise<SchoolSummary | undefined> {
  return readJson<SchoolSummary>(summaryFile(cacheDir, id), (s) => s.version === 3 && s.fingerprint === fingerprint);
}

/**
 * The last summary of `id`, whatever content it was made from: the host portal keeps showing a
 * school whose content has errors with the entry of its last good build.
 */
export function readLastSummary(cacheDir: string, id: string): Promise<SchoolSummary | undefined> {
  return readJson<SchoolSummary>(summaryFile(cacheDir, id), (s) => s.version === 3);
}

/** The compliance facts of `id` if they were made from content with this fingerprint. */
export async function readFacts(cacheDir: string, id: string, fingerprint: string): Promise<SiteFacts | undefined> {
  const cached = await readJson<{ fingerprint: string; facts: SiteFacts }>(factsFile(cacheDir, id), (f) => f.fingerprint === fingerprint);
  return cached?.facts;
}

/** Writes the summary, and the facts when given (the facts file first: a summary never points to missing facts). */
export async function writeSummary(cacheDir: string, id: string, summary: SchoolSummary, facts?: SiteFacts): Promise<void> {
  if (facts) await writeJson(factsFile(cacheDir, id), { fingerprint: summary.fingerprint, facts });
  await writeJson(summaryFile(cacheDir, id), summary);
}
