/**
 * A crawl snapshot: every response the crawl recorded (status, headers that matter, body),
 * per site, with the crawl's steps. Scoring reads only snapshots, so `--from-snapshot` makes
 * no network request and the same snapshot always gives the same scores. `.gz` files are
 * gzip-compressed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { CatalogueError, type ErrorArgs } from '../errors/catalogue.ts';
import { fieldPath } from '../errors/content-issue.ts';
import { SNAPSHOT_ERRORS, type SnapshotErrorName } from '../errors/snapshot-errors.ts';
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

/** A snapshot that cannot be used, as an entry of `SNAPSHOT_ERRORS` (`render(lang)` for people). */
export class SnapshotError extends CatalogueError<SnapshotErrorName> {
  constructor(code: SnapshotErrorName, args: ErrorArgs) {
    super(code, SNAPSHOT_ERRORS[code], args);
    this.name = 'SnapshotError';
  }
}

export async function loadSnapshot(file: string): Promise<Snapshot> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (err) {
    throw new SnapshotError('snapshotUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  let data: unknown;
  try {
    data = JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8'));
  } catch {
    throw new SnapshotError('snapshotNotJson', { file });
  }
  const res = snapshotSchema.safeParse(data);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const top = issue.path[0];
    const record = data as { kind?: unknown; version?: unknown } | null;
    // Another file that happens to be JSON, or a snapshot of another format version.
    if (top === 'kind' || typeof data !== 'object' || data === null) throw new SnapshotError('snapshotNotJson', { file });
    if (top === 'version' && record?.kind === 'congtruong-ranking-snapshot') {
      throw new SnapshotError('snapshotVersion', { file, found: String(record.version), expected: SNAPSHOT_VERSION });
    }
    const problem =
      issue.code === 'invalid_type' && issue.input === undefined
        ? { vi: 'bị thiếu', en: 'is missing' }
        : { vi: 'có giá trị không hợp lệ', en: 'has an invalid value' };
    throw new SnapshotError('snapshotInvalid', { file, field: fieldPath(issue.path), problem });
  }
  return res.data;
}
