/**
 * Fingerprints that decide what to rebuild. A school is rebuilt when its folder, the theme and
 * engine (`templates/`, the parts of `src/` that shape the output, `astro.config.mjs`), the lockfile, the host's content (shown on
 * every school site) or the school year changes; the host portal when any of them changes.
 * The last published fingerprints are kept in `<out>/.state.json`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { walk } from './assemble.ts';
import { PACKAGE_ROOT } from './paths.ts';

/** Hash of every file under the given paths (names and contents), in a stable order. */
export async function hashPaths(paths: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const p of paths) {
    const files = await walk(p).catch(async () => ((await readFile(p).catch(() => null)) ? [p] : []));
    for (const f of files.sort()) {
      h.update(path.relative(PACKAGE_ROOT, f));
      h.update('\0');
      h.update(await readFile(f));
    }
  }
  return h.digest('hex');
}

/**
 * Parts of the engine that shape the published sites. The command line, the ranking job, the
 * scaffolding and the preview server do not: editing them must not rebuild a province.
 */
const OUTPUT_SOURCES = [
  'templates',
  'astro.config.mjs',
  'package-lock.json',
  ...['build', 'compliance', 'content', 'errors', 'feeds', 'hosting', 'i18n', 'media', 'render', 'schemas', 'search', 'util'].map(
    (d) => `src/${d}`,
  ),
];

/** Fingerprint of the theme, the engine and the dependencies. */
export function themeFingerprint(): Promise<string> {
  return hashPaths(OUTPUT_SOURCES.map((p) => path.join(PACKAGE_ROOT, p)));
}

export function combine(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export interface BuildState {
  version: 1;
  sites: Record<string, { domain: string; fingerprint: string }>;
}

export async function readState(file: string): Promise<BuildState> {
  try {
    const s = JSON.parse(await readFile(file, 'utf8')) as BuildState;
    if (s.version === 1 && s.sites) return s;
  } catch {
    // No state yet, or unreadable: rebuild everything.
  }
  return { version: 1, sites: {} };
}

/** Written after every publish, atomically, so that an interrupted build keeps what it finished. */
export async function writeState(file: string, state: BuildState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2));
  await rename(tmp, file);
}

/** Shard (1-based) of a school among `count` shards: stable when schools are added or removed. */
export function shardOf(id: string, count: number): number {
  return (parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % count) + 1;
}
