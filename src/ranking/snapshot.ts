/**
 * A crawl snapshot: every response the crawl recorded (status, headers that matter, body),
 * per site, with the crawl's steps. Scoring reads only snapshots, so `--from-snapshot` makes
 * no network request and the same snapshot always gives the same scores. `.gz` files are
 * gzip-compressed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { levelSchema } from '../schemas/level.ts';
import { crawlResultSchema } from './crawler.ts';

export const SNAPSHOT_VERSION = 1;

export const rankSiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  fetchUrl: z.string(),
  domain: z.string(),
  levels: z.array(levelSchema),
  unit: z.string().optional(),
});

export const snapshotSchema = z.object({
  kind: z.literal('congtruong-ranking-snapshot'),
  version: z.literal(SNAPSHOT_VERSION),
  /** Vietnam date of the crawl, the default scoring date. */
  crawledOn: z.string(),
  sites: z.array(z.object({ site: rankSiteSchema, crawl: crawlResultSchema })),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export async function saveSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const json = JSON.stringify(snapshot);
  await writeFile(file, file.endsWith('.gz') ? gzipSync(json) : json);
}

export class SnapshotError extends Error {}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch {
    throw new SnapshotError(`cannot read ${file}`);
  }
  let data: unknown;
  try {
    data = JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8'));
  } catch {
    throw new SnapshotError(`${file} is not a JSON snapshot`);
  }
  const res = snapshotSchema.safeParse(data);
  if (!res.success) throw new SnapshotError(`${file}: ${res.error.issues[0]?.path.join('.')}: ${res.error.issues[0]?.message}`);
  return res.data;
}
