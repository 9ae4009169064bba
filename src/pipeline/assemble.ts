/**
 * Turns the output of one Astro batch into standalone sites: each site's folder becomes the
 * root of its domain, with the batch's shared `_astro/` assets, its published files
 * and images, and `404.html` where web servers look for it.
 */
import { copyFile, cp, mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PublishedFile } from '../content/load.ts';
import { isImage } from '../media/file-policy.ts';

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

/** Assembles one site (its pages are counted by the finishing pass, which lists its files anyway). */
export async function assembleSite(input: AssembleInput): Promise<void> {
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

  // Shared assets (hashed CSS and scripts): a handful of small files, copied whole. Scanning
  // every page for the ones it references cost more than the copy (a school has ~300 pages).
  if (await stat(path.join(batchDir, '_astro')).catch(() => null)) {
    await cp(path.join(batchDir, '_astro'), path.join(dest, '_astro'), { recursive: true });
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
      // Loaded on first use: sharp's start-up is not paid by builds without images.
      const { writeImageVariants } = await import('./images.ts');
      await writeImageVariants(f.abs, f.image, dest, input.imageCache);
    } else if (!isImage(f.url)) {
      // An image is only ever published as its WebP variants (metadata and GPS position
      // stripped): the loader refuses one it cannot decode, and none is copied as it is.
      // `abs` is the real path the loader checked inside the school's folder; a folder of it
      // replaced by a symlink since then (during the build) must not lead the copy elsewhere.
      if ((await realpath(f.abs)) !== f.abs) throw new Error(`${f.abs} changed into a link during the build; it was not published.`);
      const target = path.join(dest, f.url);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(f.abs, target);
    }
  }
}
