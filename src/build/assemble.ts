/**
 * Turns the output of one Astro batch into standalone sites: each site's folder becomes the
 * root of its domain, with the shared `_astro/` assets it references, its published files
 * and images, and `404.html` where web servers look for it.
 */
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedFile } from '../content/load.ts';
import { writeImageVariants } from './images.ts';

/** Files under `dir`, recursively, as absolute paths. */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

export interface AssembleInput {
  /** Astro's output folder for the batch. */
  batchDir: string;
  /** Folder of this site inside `batchDir`, relative (e.g. `thcs-le-loi` or `host/portal`). */
  siteRoute: string;
  /** Top-level names of `batchDir` that belong to sites rather than to the shared public dir. */
  siteRoutes: readonly string[];
  /** Where to put the assembled site. */
  dest: string;
  files: Map<string, PublishedFile>;
  imageCache: string;
}

/** Assembles one site; returns the number of HTML pages. */
export async function assembleSite(input: AssembleInput): Promise<number> {
  const { batchDir, dest } = input;
  await rm(dest, { recursive: true, force: true });
  await mkdir(path.dirname(dest), { recursive: true });
  // The batch output is thrown away afterwards: move the site's pages rather than copy them
  // (both live in the staging area, on one file system).
  await rename(path.join(batchDir, input.siteRoute), dest).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EXDEV') throw err;
    await cp(path.join(batchDir, input.siteRoute), dest, { recursive: true });
  });

  // Astro writes `404/index.html` for a route named 404 below a parameter; servers want `404.html`.
  const notFound = path.join(dest, '404', 'index.html');
  if (await stat(notFound).catch(() => null)) {
    await rename(notFound, path.join(dest, '404.html'));
    await rm(path.join(dest, '404'), { recursive: true, force: true });
  }

  // Shared assets: copy only what this site references (CSS, scripts, fonts).
  const referenced = new Set<string>();
  const pending = (await walk(dest)).filter((f) => /\.(html|css|js)$/.test(f));
  const scanned = new Set<string>();
  while (pending.length > 0) {
    const f = pending.pop()!;
    if (scanned.has(f)) continue;
    scanned.add(f);
    for (const m of (await readFile(f, 'utf8')).matchAll(/\/_astro\/[^"'()\s,>]+/g)) {
      const rel = m[0].slice(1);
      if (referenced.has(rel)) continue;
      referenced.add(rel);
      const target = path.join(dest, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(batchDir, rel), target);
      if (/\.(css|js)$/.test(rel)) pending.push(target);
    }
  }

  // Files of the theme's public folder sit at the top of the batch output.
  const topRoutes = new Set(input.siteRoutes.map((r) => r.split('/')[0]!));
  for (const name of await readdir(batchDir)) {
    if (name === '_astro' || topRoutes.has(name)) continue;
    await cp(path.join(batchDir, name), path.join(dest, name), { recursive: true });
  }

  // Attachments and images referenced by content.
  for (const [, f] of input.files) {
    if (f.image) {
      await writeImageVariants(f.abs, f.image, dest, input.imageCache);
    } else {
      const target = path.join(dest, f.url);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(f.abs, target);
    }
  }
  return (await walk(dest)).filter((f) => f.endsWith('.html')).length;
}
