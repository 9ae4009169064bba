/**
 * What the build keeps of each school between runs, keyed by its fingerprint: the compliance
 * facts and the host-directory entry. A rebuild after one school changed then loads and renders
 * that school only, instead of every school of the province (the host portal and the compliance
 * dashboard still need all of them).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFacts } from '../compliance/facts.ts';
import type { DirectoryEntry } from './build-data.ts';

export interface SchoolSummary {
  version: 1;
  fingerprint: string;
  /** The school's own domain (`school.yaml`), for the duplicate-domain check. */
  ownDomain: string;
  facts: SiteFacts;
  /** The host-directory entry, with the address the school is served at. */
  entry: Omit<DirectoryEntry, 'compliance'>;
}

const file = (cacheDir: string, id: string) => path.join(cacheDir, 'schools', `${id}.json`);

/** The summary of `id` if it was made from content with this fingerprint. */
export async function readSummary(cacheDir: string, id: string, fingerprint: string): Promise<SchoolSummary | undefined> {
  try {
    const s = JSON.parse(await readFile(file(cacheDir, id), 'utf8')) as SchoolSummary;
    return s.version === 1 && s.fingerprint === fingerprint ? s : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSummary(cacheDir: string, id: string, summary: SchoolSummary): Promise<void> {
  const target = file(cacheDir, id);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(summary));
  await rename(tmp, target);
}
