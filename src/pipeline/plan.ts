/**
 * Plan stage: which schools this build covers (discovery, shards), their fingerprints, and
 * what the last build left that is still good (published sites, cached summaries and facts).
 * Answers the whole build when nothing changed; otherwise starts loading the schools to build.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { startLoading, type ContentLoad } from '../content/load.ts';
import type { SiteFacts } from '../site/facts.ts';
import { siteFolder } from '../site/address.ts';
import { mapLimit } from '../util/concurrency.ts';
import { nowInVietnam, schoolYearOf, todayInVietnam } from '../util/dates.ts';
import type { BuildClock, BuildOptions } from './build-report.ts';
import { combine, dependencyVersions, FileHashes, readState, shardOf, themeSources, type BuildState } from './fingerprint.ts';
import { buildPaths, type BuildPaths } from './paths.ts';
import { readFacts, readSummary, type SchoolSummary } from './school-cache.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';

export interface Plan {
  paths: BuildPaths;
  /** Date of the compliance check and of the pages (`YYYY-MM-DD`). */
  date: string;
  /** The clock of scheduled publication (Vietnam local `YYYY-MM-DDTHH:mm`). */
  now: string;
  /** The schools of this build, sorted. */
  ids: string[];
  state: BuildState;
  stateFile: string;
  /** Which school owns each published domain (see `startLoading`). */
  domainOwners: Map<string, string>;
  /** Fingerprint of each school (and of the host, once the gate knows the valid schools). */
  fingerprints: Map<string, string>;
  /** Whether the host has a `host.yaml`, and whether this build renders its portal. */
  hostConfigured: boolean;
  hostIncluded: boolean;
  /** Schools unchanged since their cached summary (checked on `date` or to check again from `recheck`). */
  cached: Map<string, SchoolSummary>;
  /** Cached facts of unchanged schools last checked on another day. */
  recheck: Map<string, SiteFacts>;
  /** Schools to load (every school not answered from the cache). */
  toLoad: string[];
  /** The marker of the scheduled entries of a site that have fallen due (part of its fingerprint). */
  dueMarker(id: string): string;
  /** Whether a site is published with this fingerprint already. */
  unchanged(id: string, fingerprint: string | undefined): boolean;
  /** The host portal's fingerprint, from the valid schools' fingerprints. */
  hostFingerprintOf(ids: readonly string[]): string;
}

export type Planned =
  /** Nothing changed at all: the build is answered from the state. */
  { kind: 'upToDate'; plan: Plan } | { kind: 'build'; plan: Plan; loading: Promise<ContentLoad> };

export async function planBuild(opts: BuildOptions, clock: BuildClock): Promise<Planned> {
  const paths = buildPaths(opts.outDir, opts.cacheDir);
  const contentRoot = path.resolve(opts.contentDir);
  const date = opts.date ?? todayInVietnam();
  const now = opts.now ?? (opts.date ? `${opts.date}T23:59` : nowInVietnam());
  const inShard = (id: string) => !opts.shard || shardOf(id, opts.shard.count) === opts.shard.index;
  const schoolsDir = path.join(contentRoot, 'schools');
  const folders = (await readdir(schoolsDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
  const ids = folders
    .map((e) => e.name)
    .filter((name) => !name.startsWith('.') && (!opts.schools || opts.schools.includes(name)) && inShard(name))
    .sort();

  // Fingerprints first, from remembered file hashes: what did not change is neither read nor
  // rendered again, its compliance facts and directory entry come from the cache.
  const stateFile = path.join(path.resolve(opts.outDir), '.state.json');
  const state = await readState(stateFile);
  // Which school owns each published domain: a school that claims another's domain is held back
  // (its own school.yaml is reported), never published over the owner's site. A school whose
  // folder is gone no longer owns anything.
  const onDisk = new Set(folders.map((e) => e.name));
  const domainOwners = new Map(
    Object.entries(state.sites).flatMap(([id, s]) => (id !== 'host' && onDisk.has(id) ? [[s.domain, id] as const] : [])),
  );
  // A forced or first build loads every school whatever the fingerprints say: loading starts now,
  // beside the fingerprints (which read every file on a first build too).
  const loadingAll =
    (opts.force || Object.keys(state.sites).length === 0) && !opts.hostOnly
      ? startLoading(opts.contentDir, ids, { now, domainOwners, memo: opts.loadMemo })
      : undefined;
  loadingAll?.catch(() => {}); // awaited by the gate; a failure surfaces there
  // A long-running caller (the server) keeps the hashes, the theme's sources and the dependency
  // versions between builds: reading and writing a province's hash cache for every save would
  // cost more than the save's render.
  const memory = opts.memory;
  const hashes = memory?.hashes ?? (await FileHashes.open(path.join(paths.cache, 'file-hashes.json')));
  const sources = memory?.themeSources ?? themeSources(PACKAGE_ROOT, (file, root) => hashes.importsOf(file, root));
  const [[engine, hostPart, ...schoolHashes], dependencies] = await Promise.all([
    hashes.hashGroups([
      sources,
      [path.join(contentRoot, 'host.yaml'), path.join(contentRoot, 'host')],
      ...ids.map((id) => [path.join(schoolsDir, id)]),
    ]),
    memory?.dependencies ?? dependencyVersions(),
  ]);
  if (memory) Object.assign(memory, { hashes, themeSources: sources, dependencies });
  const theme = combine(engine!, dependencies);
  const yearPart = schoolYearOf(date);
  // A site whose scheduled entry has fallen due since its build changes without any file
  // changing: the marker of the latest one due is part of its fingerprint (and of every school's
  // for the host's own notices, which every school site shows).
  const dueMarker = (id: string) => {
    const prev = state.sites[id];
    return prev?.nextScheduled !== undefined && prev.nextScheduled <= now ? `due:${prev.nextScheduled}` : (prev?.dueMarker ?? '');
  };
  const hostDue = dueMarker('host');
  const fingerprints = new Map<string, string>();
  ids.forEach((id, i) => {
    const parts = [theme, hostPart!, yearPart, schoolHashes[i]!, dueMarker(id), hostDue].filter((p) => p !== '');
    fingerprints.set(id, combine(...parts));
  });
  // A caller that keeps the hashes writes them when it suits it (the server: after its answer).
  if (!memory) await hashes.save();
  const published = new Set(await readdir(paths.sites).catch(() => [] as string[]));
  const unchanged = (id: string, fingerprint: string | undefined) => {
    const prev = state.sites[id];
    return prev !== undefined && prev.fingerprint === fingerprint && published.has(siteFolder(prev.domain));
  };
  const hostConfigured = (await stat(path.join(contentRoot, 'host.yaml')).catch(() => null)) !== null;
  const hostIncluded = !opts.schools && !opts.shard && hostConfigured;
  // The host aggregates every valid school: it is refreshed whenever any of them changed.
  // The date too: the portal's compliance dashboard shows deadlines, which pass day by day.
  const hostFingerprintOf = (schools: readonly string[]) =>
    combine(theme, hostPart!, yearPart, date, ...schools.map((id) => `${id}:${fingerprints.get(id)}`));
  const plan: Plan = {
    paths,
    date,
    now,
    ids,
    state,
    stateFile,
    domainOwners,
    fingerprints,
    hostConfigured,
    hostIncluded,
    cached: new Map(),
    recheck: new Map(),
    toLoad: ids,
    dueMarker,
    unchanged,
    hostFingerprintOf,
  };
  // Nothing changed at all (the common case of a scheduled build): answer from the state,
  // without loading, checking or rendering anything.
  if (
    !opts.force &&
    !opts.hostOnly &&
    ids.every((id) => unchanged(id, fingerprints.get(id)) && state.sites[id]!.checkedOn === date) &&
    (!hostIncluded || unchanged('host', hostFingerprintOf(ids)))
  ) {
    clock.timings.fingerprint = clock.elapsed();
    return { kind: 'upToDate', plan };
  }

  if (!opts.force) {
    const candidates = ids.filter((id) => unchanged(id, fingerprints.get(id)));
    const summaries = await mapLimit(candidates, 16, (id) => readSummary(paths.cache, id, fingerprints.get(id)!));
    candidates.forEach((id, i) => summaries[i] && plan.cached.set(id, summaries[i]));
  }
  // A school checked on another day is checked again (deadlines pass), from its cached facts.
  const staleIds = [...plan.cached].filter(([, c]) => c.check?.date !== date).map(([id]) => id);
  const staleFacts = await mapLimit(staleIds, 16, (id) => readFacts(paths.cache, id, fingerprints.get(id)!));
  staleIds.forEach((id, i) => {
    const facts = staleFacts[i];
    if (facts) plan.recheck.set(id, facts);
    else plan.cached.delete(id); // no facts kept: the school is loaded again
  });
  plan.toLoad = ids.filter((id) => !plan.cached.has(id));
  clock.timings.fingerprint = clock.elapsed();
  clock.mark('fingerprints and cached summaries read');
  const loading =
    (plan.toLoad.length === ids.length ? loadingAll : undefined) ??
    startLoading(opts.contentDir, plan.toLoad, {
      now,
      otherDomains: new Map([...plan.cached].map(([id, c]) => [c.ownDomain, id])),
      domainOwners,
      memo: opts.loadMemo,
    });
  return { kind: 'build', plan, loading };
}
