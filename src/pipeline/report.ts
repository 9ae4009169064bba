/**
 * Report stage: the build's answer (`BuildReport`), from the sites' reports, what is still
 * published, and the state of the last build.
 */
import { readdir } from 'node:fs/promises';
import type { ContentIssue } from '../errors/content-issue.ts';
import { siteFolder } from '../site/address.ts';
import type { BuildClock, BuildOptions, BuildReport, SiteReport } from './build-report.ts';
import { writeState, type BuildState } from './fingerprint.ts';
import type { Plan } from './plan.ts';

/** The earliest time a scheduled entry of one of these sites falls due, after their last build. */
function nextScheduled(state: BuildState, ids: readonly string[]): string | undefined {
  const times = ids.flatMap((id) => state.sites[id]?.nextScheduled ?? []);
  return times.length === 0 ? undefined : times.sort()[0];
}

/** Nothing changed: every site as the state remembers it. */
export function upToDateReport(plan: Plan, clock: BuildClock): BuildReport {
  const { ids, state } = plan;
  const sites: SiteReport[] = [...ids, ...(plan.hostIncluded ? ['host'] : [])].sort().map((id) => {
    const prev = state.sites[id]!;
    return {
      id,
      name: prev.name ?? id,
      domain: prev.domain,
      status: 'unchanged',
      pages: 0,
      keptPrevious: true,
      compliance: prev.compliance,
    };
  });
  return {
    sites,
    issues: [],
    ok: true,
    seconds: clock.timings.fingerprint,
    peakWorkerRssMb: 0,
    search: { pages: 0, seconds: 0, bytes: 0 },
    timings: clock.timings,
    timeline: clock.timeline,
    nextScheduled: nextScheduled(state, [...ids, 'host']),
  };
}

export interface ReportInput {
  plan: Plan;
  opts: BuildOptions;
  clock: BuildClock;
  reports: SiteReport[];
  issues: ContentIssue[];
  peakWorkerRssMb: number;
  search: BuildReport['search'];
}

export async function finalReport({ plan, opts, clock, reports, issues, peakWorkerRssMb, search }: ReportInput): Promise<BuildReport> {
  const { state, date } = plan;
  // A site that was not rebuilt keeps whatever good version was published before.
  const live = new Set(await readdir(plan.paths.sites).catch(() => [] as string[]));
  for (const r of reports) {
    if (r.status !== 'built' && r.status !== 'unchanged') r.keptPrevious = r.domain !== undefined && live.has(siteFolder(r.domain));
  }
  reports.sort((a, b) => a.id.localeCompare(b.id));
  // Unchanged schools were checked again on a new day: remember it, so that the next build of
  // the day can answer from the state alone.
  let rechecked = false;
  for (const r of reports) {
    const prev = state.sites[r.id];
    if (r.status === 'unchanged' && prev && r.compliance && prev.checkedOn !== date) {
      state.sites[r.id] = { ...prev, compliance: r.compliance, checkedOn: date };
      rechecked = true;
    }
  }
  if (rechecked) await writeState(plan.stateFile, state).catch(() => {});
  const shown = opts.hostOnly ? reports.filter((r) => r.id === 'host' || r.status === 'invalid') : reports;
  return {
    sites: shown,
    issues,
    ok: shown.every((r) => r.status === 'built' || r.status === 'unchanged') && !issues.some((i) => i.severity === 'error'),
    seconds: clock.elapsed(),
    peakWorkerRssMb,
    timings: clock.timings,
    timeline: clock.timeline,
    search,
    nextScheduled: nextScheduled(state, [...plan.ids, 'host']),
  };
}
