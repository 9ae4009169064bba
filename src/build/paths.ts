/** Folders the build uses. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: where `astro.config.mjs` and `templates/` live. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BuildPaths {
  /** Published sites: `<out>/sites/<domain>/`. */
  sites: string;
  /** Staging area on the same file system as `sites`, so that the final move is a rename. */
  staging: string;
  /** Caches kept between builds (processed images, Astro's cache). */
  cache: string;
}

export function buildPaths(outDir: string, cacheDir?: string): BuildPaths {
  const out = path.resolve(outDir);
  return {
    sites: path.join(out, 'sites'),
    staging: path.join(out, '.staging'),
    cache: path.resolve(cacheDir ?? path.join(out, '..', '.cache', 'congtruong')),
  };
}
