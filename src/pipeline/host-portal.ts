/**
 * What the build adds to the host portal beside Astro's pages: the links to the schools' search
 * indexes, the index of the schools' news and the compliance dashboard.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComplianceReport } from '../compliance/report.ts';
import { formatHtml } from '../compliance/formatters/html.ts';
import { SCHOOL_INDEXES_DIR } from '../search/paths.ts';
import { writeSchoolsIndex, type SchoolsIndexResult } from '../search/schools-index.ts';
import { DASHBOARD_DIR, type DirectoryEntry } from '../site/render-input.ts';
import { siteFolder } from '../site/address.ts';

/**
 * The host's district-wide search merges each school's published index from the host's own
 * origin, through relative symbolic links `pagefind-truong/<id>` → `../../<school folder>/pagefind`
 * in `dist/sites/`. A link always reaches the school's current index (a school's publish swaps
 * its folder under the same name), so the host neither copies tens of megabytes nor waits for
 * the schools built in the same run. nginx follows symbolic links by default; upload tools need
 * theirs on (`aws s3 sync` follows them, `rsync` wants `-L`).
 */
export async function linkSchoolIndexes(hostDir: string, directory: DirectoryEntry[]): Promise<void> {
  const dir = path.join(hostDir, SCHOOL_INDEXES_DIR);
  await mkdir(dir, { recursive: true });
  for (const s of directory) await symlink(path.join('..', '..', siteFolder(s.domain), 'pagefind'), path.join(dir, s.id), 'dir');
}

/**
 * The index of the schools' latest news that the host's search page loads instead of every
 * school's full index (src/search/schools-index.ts). Its filters carry the names the search page
 * shows (`search.school` and the pages' `Chuyên mục` filter, templates/layouts/Base.astro).
 */
export function writeSchoolsSearch(hostDir: string, directory: DirectoryEntry[]): Promise<SchoolsIndexResult> {
  return writeSchoolsIndex(hostDir, directory, { school: 'Trường', category: 'Chuyên mục' });
}

/** The hosting unit's compliance dashboard: `/tuan-thu/` on the host portal. */
export async function writeDashboard(hostDir: string, report: ComplianceReport, directory: DirectoryEntry[] = []): Promise<void> {
  const dir = path.join(hostDir, DASHBOARD_DIR);
  await mkdir(dir, { recursive: true });
  // Addresses give the dashboard its commune or ward filter.
  const addresses = Object.fromEntries(directory.map((d) => [d.id, d.address]));
  for (const [name, content] of formatHtml(report, { externalCss: true, addresses })) await writeFile(path.join(dir, name), content);
}
