/**
 * The content of the one school being previewed: loaded and validated exactly as the build
 * does, then handed to the theme through `setRenderInput`. Invalid content keeps its issues so
 * that the preview can show them instead of the pages.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { setRenderInput } from '../site/render-input.ts';
import { syndicationOf } from '../site/syndication.ts';
import { loadContent, type LoadedSchool } from '../content/load.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import { nowInVietnam, schoolYearOf, todayInVietnam } from '../util/dates.ts';

export interface SchoolContent {
  /** The school, when its content has no errors. */
  school?: LoadedSchool | undefined;
  /** Every problem found (school and host), errors and warnings. */
  issues: ContentIssue[];
  /** Milliseconds the load took. */
  ms: number;
}

/** Loads the school (and the host, for the notices it syndicates) and publishes it to the theme. */
export async function loadSchoolContent(contentDir: string, schoolId: string): Promise<SchoolContent> {
  const started = performance.now();
  const loaded = await loadContent(contentDir, [schoolId]);
  const school = loaded.schools.find((s) => s.id === schoolId);
  setRenderInput({
    schools: school ? [school] : [],
    directory: [],
    builtAt: new Date().toISOString(),
    date: todayInVietnam(),
    now: nowInVietnam(),
    syndication: loaded.host && syndicationOf(loaded.host),
  });
  return { school, issues: loaded.issues, ms: performance.now() - started };
}

/** School years with a `disclosures/<year>/` folder, plus the current one (for the editor). */
export async function disclosureYears(schoolDir: string): Promise<string[]> {
  const names = await readdir(path.join(schoolDir, 'disclosures')).catch(() => [] as string[]);
  return [...new Set([...names.filter((n) => /^\d{4}-\d{4}$/.test(n)), schoolYearOf(todayInVietnam())])];
}

/** School folders of a content folder (for the "unknown school" message). */
export async function schoolIds(contentDir: string): Promise<string[]> {
  const entries = await readdir(path.join(contentDir, 'schools'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
