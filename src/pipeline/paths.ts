/** Folders the build uses. */
import path from 'node:path';

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
