/**
 * Fingerprints that decide what to rebuild. A school is rebuilt when its folder, the theme and
 * engine (`templates/`, the parts of `src/` that shape the output, `astro.config.mjs`), the lockfile, the host's content (shown on
 * every school site) or the school year changes; the host portal when any of them changes.
 * The last published fingerprints are kept in `<out>/.state.json`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { projectImports } from '../util/imports.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { hashFiles, isUnreadable, unreadableHash } from './file-hashes.ts';

interface CachedHash {
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  hash: string;
}

/**
 * Content hashes of files, remembered with the file's size, times and inode: a file that was not
 * touched is not read again. A province has tens of thousands of content files; reading them all
 * to learn that nothing changed would take longer than the rebuild of one school. Any write
 * changes `ctime`, so an edit is never missed; a fresh checkout (new times) is simply hashed again.
 *
 * The walk and the stats are synchronous on purpose: for metadata that the kernel has cached a
 * `statSync` costs microseconds where a promise round trip through the thread pool costs tens
 * (100 × 220 files: 0.2 s instead of 0.6 s).
 */
export class FileHashes {
  #file: string | undefined;
  #entries = new Map<string, CachedHash>();
  /** The project modules each source file imports, remembered the same way (`importsOf`). */
  #imports = new Map<string, Omit<CachedHash, 'hash'> & { imports: string[] }>();
  #dirty = false;

  static async open(file: string): Promise<FileHashes> {
    const hashes = new FileHashes();
    hashes.#file = file;
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as {
        version: number;
        files: Record<string, CachedHash>;
        imports?: Record<string, Omit<CachedHash, 'hash'> & { imports: string[] }>;
      };
      if (data.version === 1) {
        hashes.#entries = new Map(Object.entries(data.files));
        hashes.#imports = new Map(Object.entries(data.imports ?? {}));
      }
    } catch {
      // No cache yet: every file is read once.
    }
    return hashes;
  }

  /** The remembered hash of `file` if it was not touched since, or its current key. */
  #known(file: string): { hash: string } | { key: Omit<CachedHash, 'hash'> } {
    let st;
    try {
      st = statSync(file, { bigint: true });
    } catch (err) {
      return { hash: unreadableHash(err) };
    }
    const key = { size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) };
    const known = this.#entries.get(file);
    const same =
      known && known.size === key.size && known.mtimeNs === key.mtimeNs && known.ctimeNs === key.ctimeNs && known.ino === key.ino;
    return same ? { hash: known.hash } : { key };
  }

  /**
   * A hash of every file under each group of paths (names and contents, in a stable order).
   * Files are listed and stat-ed synchronously; those that changed (all of them on a first build)
   * are read in parallel, where waiting for the disk one file at a time would dominate.
   */
  async hashGroups(groups: string[][]): Promise<string[]> {
    const listed = groups.map((paths) => paths.flatMap((p) => filesUnder(p).sort()));
    const hashOf = new Map<string, string>();
    const toRead: { file: string; key: Omit<CachedHash, 'hash'> }[] = [];
    for (const file of new Set(listed.flat())) {
      const known = this.#known(file);
      if ('hash' in known) hashOf.set(file, known.hash);
      else toRead.push({ file, key: known.key });
    }
    const read = await readAndHash(toRead.map((f) => f.file));
    toRead.forEach(({ file, key }, i) => {
      if (!isUnreadable(read[i]!)) this.#entries.set(file, { ...key, hash: read[i]! });
      hashOf.set(file, read[i]!);
    });
    if (toRead.length > 0) this.#dirty = true;
    return listed.map((files) => {
      const h = createHash('sha256');
      for (const f of files) h.update(path.relative(PACKAGE_ROOT, f)).update('\0').update(hashOf.get(f)!).update('\n');
      return h.digest('hex');
    });
  }

  /**
   * The project modules `file` imports (`projectImports`), read again only when the file was
   * touched: following the theme's imports read and parsed some 200 source files on every
   * build, most of a build where nothing changed (measured 0.2–0.6 s).
   */
  importsOf(file: string, root: string): string[] {
    let st;
    try {
      st = statSync(file, { bigint: true });
    } catch {
      return projectImports(file, root);
    }
    const key = { size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) };
    const known = this.#imports.get(file);
    if (known && known.size === key.size && known.mtimeNs === key.mtimeNs && known.ctimeNs === key.ctimeNs && known.ino === key.ino) {
      return known.imports;
    }
    const imports = projectImports(file, root);
    this.#imports.set(file, { ...key, imports });
    this.#dirty = true;
    return imports;
  }

  async save(): Promise<void> {
    if (!this.#file || !this.#dirty) return;
    await writeFileAtomic(
      this.#file,
      JSON.stringify({ version: 1, files: Object.fromEntries(this.#entries), imports: Object.fromEntries(this.#imports) }),
    );
    this.#dirty = false;
  }
}

/**
 * Content hashes of `files`. Many files (a first build, a fresh checkout) are read on a worker
 * thread, leaving this thread free to load content meanwhile; a few are read here.
 */
async function readAndHash(files: string[]): Promise<string[]> {
  if (files.length < 1000) return hashFiles(files);
  const worker = new Worker(new URL('./hash-thread.ts', import.meta.url), { workerData: files });
  return new Promise<string[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The hashing thread stopped (exit code ${code}).`)));
  });
}

/** Files under `p` (recursively), `[p]` for a file, nothing when it does not exist. */
function filesUnder(p: string): string[] {
  try {
    return readdirSync(p, { withFileTypes: true, recursive: true })
      .filter((e) => !e.isDirectory())
      .map((e) => path.join(e.parentPath, e.name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    // A file, or a folder that cannot be listed: hashed as one entry (unreadable for a folder).
    return [p];
  }
}

/**
 * Where the theme and the build pipeline start: every file of the theme, Astro's configuration,
 * and the pipeline's own folder (the Astro worker, the finishing and hashing threads are started
 * by path, not imported).
 */
const OUTPUT_ROOTS = ['templates', 'astro.config.mjs', 'src/pipeline', 'src/site'];

/**
 * Every file that shapes the published sites: the theme and the pipeline, and every project
 * module they import, followed import by import. Derived from the code, not listed by hand, so
 * that a module the theme starts to import can never be forgotten; the command line, the ranking
 * crawler, the scaffolding and the preview server are not reached, and editing them rebuilds
 * nothing.
 */
export function themeSources(root: string = PACKAGE_ROOT, importsOf: (file: string, root: string) => string[] = projectImports): string[] {
  const found = new Set<string>();
  const queue = OUTPUT_ROOTS.flatMap((p) => filesUnder(path.join(root, p)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    for (const target of importsOf(file, root)) if (!found.has(target)) queue.push(target);
  }
  return [...found].sort();
}

/**
 * The dependencies that shape the output: every package installed for this platform, with its
 * version, read from the lockfile. Not the lockfile's bytes: npm rewrites it (adding other
 * platforms' optional builds, reordering) without any installed package changing version, and
 * that must not rebuild every school.
 */
export async function dependencyVersions(lockfile = path.join(PACKAGE_ROOT, 'package-lock.json')): Promise<string> {
  const text = await readFile(lockfile, 'utf8').catch(() => '');
  let lock: { packages?: Record<string, { version?: string; os?: string[]; cpu?: string[] }> };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch {
    return text; // not JSON: its bytes are all there is to compare
  }
  const here = (list: string[] | undefined, value: string) =>
    !list || list.includes(value) || list.every((v) => v.startsWith('!') && v !== `!${value}`);
  return Object.entries(lock.packages ?? {})
    .filter(([name, p]) => name !== '' && here(p.os, process.platform) && here(p.cpu, process.arch))
    .map(([name, p]) => `${name}@${p.version ?? ''}`)
    .sort()
    .join('\n');
}

export function combine(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export interface BuildState {
  version: 1;
  sites: Record<
    string,
    {
      domain: string;
      fingerprint: string;
      /** Shown when nothing changed, without loading the content. */
      name?: string | undefined;
      /** Compliance errors and warnings when the site was last checked. */
      compliance?: { errors: number; warnings: number } | undefined;
      /** The date of that check: deadlines pass without any file changing. */
      checkedOn?: string | undefined;
      /**
       * The earliest publication time (Vietnam local) of an entry that was scheduled, and so
       * left out, when the site was built: from then on the site is due to be rebuilt.
       */
      nextScheduled?: string | undefined;
      /** The part of the fingerprint that records the scheduled entries already published. */
      dueMarker?: string | undefined;
    }
  >;
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
  await writeFileAtomic(file, JSON.stringify(state, null, 2));
}

/** Shard (1-based) of a school among `count` shards: stable when schools are added or removed. */
export function shardOf(id: string, count: number): number {
  return (parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % count) + 1;
}
