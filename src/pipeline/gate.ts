/**
 * Gate stage: every school loaded is checked (compliance, at the build's date), cached and
 * reported; it goes on to be rendered only when it is valid, not blocked by the host's
 * publishing rule, and changed. Once every school has passed, the gate gives the host portal
 * what it aggregates: the directory, the compliance dashboard, and whether it is rebuilt.
 */
import type { LoadedHost, SchoolLoad } from '../content/load.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import { runChecks } from '../compliance/engine.ts';
import { factsFromContent } from '../compliance/facts-from-content.ts';
import type { ComplianceReport, SiteResult } from '../compliance/report.ts';
import { HOST_ROUTE } from '../schemas/school-id.ts';
import { addressOf, servedSchool } from '../site/address.ts';
import type { SiteFacts } from '../site/facts.ts';
import { directoryEntry } from '../feeds/host-directory.ts';
import type { DirectoryEntry } from '../site/render-input.ts';
import { mapLimit } from '../util/concurrency.ts';
import type { BatchSite, BuildLog, BuildOptions, SiteReport, SiteStatus } from './build-report.ts';
import type { Plan } from './plan.ts';
import { readLastSummary, writeSummary } from './school-cache.ts';

/** What the host portal is rendered from, known once every school has passed the gate. */
export interface HostInput {
  /** The portal to render, unless it is unchanged or not part of this build. */
  site?: BatchSite | undefined;
  directory: DirectoryEntry[];
  dashboard: ComplianceReport;
}

export class Gate {
  readonly issues: ContentIssue[];
  readonly reports: SiteReport[] = [];
  /** A host whose own content has errors: no school is built until it is fixed. */
  readonly hostBroken: boolean;
  /** Schools valid in this build (the host portal aggregates them). */
  readonly #valid: Set<string>;
  readonly #results = new Map<string, SiteResult>();
  readonly #entries: Map<string, Omit<DirectoryEntry, 'compliance'>>;
  /** Published schools whose content has errors now: the host portal keeps their last entry. */
  readonly #failedPublished: string[] = [];
  /** Summaries are a cache: one that cannot be written only makes the next build load that school again. */
  readonly #summaryWrites: Promise<void>[] = [];
  readonly #settings: { blockPublishingOnErrors: boolean; preset: string };

  readonly host: LoadedHost | undefined;
  readonly #plan: Plan;
  readonly #opts: BuildOptions;
  readonly #log: BuildLog;

  constructor(plan: Plan, opts: BuildOptions, host: LoadedHost | undefined, hostIssues: ContentIssue[], log: BuildLog) {
    this.#plan = plan;
    this.#opts = opts;
    this.host = host;
    this.#log = log;
    this.issues = [...hostIssues];
    // The checker runs on every valid school; the host decides whether errors block publishing.
    // Only schools loaded now or checked on another day are checked: the others' results are cached.
    this.#settings = host?.config.compliance ?? { blockPublishingOnErrors: false, preset: 'recommended' };
    for (const [id, c] of plan.cached) if (c.check?.date === plan.date) this.#results.set(id, c.check.result);
    for (const r of this.#check([...plan.recheck.values()]).sites) this.#results.set(r.id, r);
    for (const id of plan.recheck.keys())
      this.#cache(writeSummary(plan.paths.cache, id, { ...plan.cached.get(id)!, check: this.#checkOf(id) }));
    this.#entries = new Map([...plan.cached].map(([id, c]) => [id, c.entry]));
    this.#valid = new Set(plan.cached.keys());
    for (const [id, c] of plan.cached) {
      this.reports.push({
        id,
        name: c.entry.name,
        domain: c.entry.domain,
        status: 'unchanged',
        pages: 0,
        keptPrevious: true,
        compliance: this.#complianceOf(id),
      });
    }
    // A host whose own content has errors cannot say where schools are served (path mode) nor
    // whether compliance errors hold them back.
    this.hostBroken = plan.hostConfigured && !host;
    if (this.hostBroken && plan.hostIncluded) {
      this.reports.push({
        id: 'host',
        name: 'host',
        domain: plan.state.sites.host?.domain,
        status: 'invalid',
        pages: 0,
        keptPrevious: false,
      });
    }
  }

  #check(sites: SiteFacts[]) {
    return runChecks({ sites, date: this.#plan.date, preset: this.#settings.preset as Parameters<typeof runChecks>[0]['preset'] });
  }

  #complianceOf(id: string) {
    const r = this.#results.get(id);
    return r && { errors: r.summary.errors, warnings: r.summary.warnings };
  }

  #checkOf(id: string) {
    return { date: this.#plan.date, result: this.#results.get(id)! };
  }

  #cache(write: Promise<void>): void {
    this.#summaryWrites.push(write.catch((err: unknown) => this.#log('cacheWriteFailed', { error: String(err) })));
  }

  /** Checks a school just loaded, caches its summary and reports it; returns it when it is to be rendered. */
  admit(s: SchoolLoad): BatchSite | undefined {
    const plan = this.#plan;
    const host = this.host;
    this.issues.push(...s.issues);
    const school = s.school;
    if (!school || this.hostBroken) {
      // Where it was published last (it stays there), for the table and `keptPrevious`
      // (its last publish when there was one: a school claiming another's domain kept its own site).
      const domain =
        plan.state.sites[s.id]?.domain ??
        (s.domain !== undefined && !this.hostBroken ? addressOf(s.id, s.domain, host).servedAt : undefined);
      const status = school ? 'hostInvalid' : 'invalid';
      this.reports.push({ id: s.id, name: school?.config.name ?? s.id, domain, status, pages: 0, keptPrevious: false });
      if (!school && plan.state.sites[s.id]) this.#failedPublished.push(s.id);
      return undefined;
    }
    // The check judges the school's own domain and e-mail; its pages show where it is served.
    const facts = factsFromContent(school);
    this.#results.set(school.id, this.#check([facts]).sites[0]!);
    const compliance = this.#complianceOf(school.id);
    const address = addressOf(school.id, school.config.domain, host);
    const served = servedSchool(school, address);
    const entry = directoryEntry(served);
    this.#entries.set(school.id, entry);
    const fingerprint = plan.fingerprints.get(school.id)!;
    const summary = { version: 3 as const, fingerprint, ownDomain: address.ownDomain, entry, check: this.#checkOf(school.id) };
    this.#cache(writeSummary(plan.paths.cache, school.id, summary, facts));
    const report = (status: SiteStatus) =>
      this.reports.push({
        id: school.id,
        name: school.config.name,
        domain: address.servedAt,
        status,
        pages: 0,
        keptPrevious: status === 'unchanged',
        compliance,
      });
    if (this.#settings.blockPublishingOnErrors && (compliance?.errors ?? 0) > 0) {
      report('blocked');
      return undefined;
    }
    this.#valid.add(school.id);
    if (this.#opts.hostOnly) return undefined;
    // A school loaded again (no cached summary) may still be unchanged since its last publish.
    if (!this.#opts.force && plan.unchanged(school.id, fingerprint) && plan.state.sites[school.id]!.domain === address.servedAt) {
      report('unchanged');
      return undefined;
    }
    return { kind: 'school', compliance, id: school.id, route: school.id, domain: address.servedAt, site: served };
  }

  /**
   * After every school: the host portal's input. The host aggregates every valid school: it is
   * refreshed whenever any of them changed.
   */
  async hostInput(): Promise<HostInput> {
    const plan = this.#plan;
    const opts = this.#opts;
    const host = this.host;
    const hostFingerprint = plan.hostFingerprintOf(plan.ids.filter((id) => this.#valid.has(id)));
    if (host) plan.fingerprints.set('host', hostFingerprint);
    const hostUnchanged = !opts.force && !opts.hostOnly && host !== undefined && plan.unchanged('host', hostFingerprint);
    if (hostUnchanged && host && plan.hostIncluded) {
      this.reports.push({
        id: 'host',
        name: host.config.name,
        domain: host.config.domain,
        status: 'unchanged',
        pages: 0,
        keptPrevious: true,
      });
    }
    const site: BatchSite | undefined =
      host && plan.hostIncluded && !hostUnchanged
        ? { kind: 'host', id: 'host', route: `${HOST_ROUTE}/portal`, domain: host.config.domain, site: host }
        : undefined;
    // A school with content errors stays in the directory, news and search of the host with its
    // last published entry (its site is kept too), marked as failed, rather than vanishing.
    const lastEntries = await mapLimit(this.#failedPublished, 16, (id) => readLastSummary(plan.paths.cache, id));
    for (const last of lastEntries) {
      if (last && !this.#entries.has(last.entry.id)) this.#entries.set(last.entry.id, { ...last.entry, failed: true });
    }
    const directory = [...this.#entries.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((d) => ({ ...d, compliance: this.#complianceOf(d.id) }));
    const dashboard = { ...this.#check([]), sites: plan.ids.flatMap((id) => this.#results.get(id) ?? []) };
    return { site, directory, dashboard };
  }

  /** Waits for the cached summaries to be written. */
  async summariesWritten(): Promise<void> {
    await Promise.all(this.#summaryWrites);
  }
}
