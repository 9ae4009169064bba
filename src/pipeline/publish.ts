/**
 * Swapping a staged site into `dist/sites/<domain>/`. The new site is complete in the staging
 * folder (same file system) before it moves; the old one is moved aside first and removed
 * last, so a reader or a crash at any moment sees either the old or the new site, and a
 * leftover `.old` folder from an interrupted swap is put back on the next run.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

export async function publishSite(staged: string, sitesDir: string, domain: string): Promise<void> {
  await mkdir(sitesDir, { recursive: true });
  const live = path.join(sitesDir, domain);
  const old = path.join(sitesDir, `.${domain}.old`);
  await rm(old, { recursive: true, force: true });
  if (await exists(live)) await rename(live, old);
  await rename(staged, live);
  await rm(old, { recursive: true, force: true });
}

/** Restores sites whose swap was interrupted between the two renames. */
export async function recoverInterruptedSwaps(sitesDir: string): Promise<void> {
  for (const name of await readdir(sitesDir).catch(() => [] as string[])) {
    const m = /^\.(.+)\.old$/.exec(name);
    if (!m) continue;
    const live = path.join(sitesDir, m[1]!);
    if (await exists(live)) await rm(path.join(sitesDir, name), { recursive: true, force: true });
    else await rename(path.join(sitesDir, name), live);
  }
}
