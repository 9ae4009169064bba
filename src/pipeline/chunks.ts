/**
 * How the sites of a build are grouped into Astro runs ("chunks"): Astro's start-up costs a few
 * seconds per run, so sites are rendered in a few large chunks rather than one by one.
 */
import type { LoadedHost, LoadedSchool } from '../content/load.ts';

/**
 * Pages per Astro run. Large enough that Astro's fixed cost per run (start-up and Vite build,
 * ~2 s) stays small next to the rendering, small enough that the post-processing of one chunk
 * overlaps the next one's rendering and that a worker's memory stays bounded: ~750 MB at 7,000
 * pages, against ~670 MB at 4,000, which took 7 runs instead of 4 for 100 × 200 (BENCHMARKS.md).
 */
export const DEFAULT_CHUNK_PAGES = 7000;

/** Rough page count of a site: one page per entry plus its listings and fixed pages. */
export function estimatePages(site: LoadedSchool | LoadedHost): number {
  return 20 + Object.values(site.collections).reduce((n, entries: readonly unknown[]) => n + entries.length, 0);
}

/**
 * Groups sites, in the order they come, into chunks of about `pages` pages: `add` hands back the
 * current chunk when the next site would overflow it, `rest` the last one.
 */
export class Chunker<T extends { site: LoadedSchool | LoadedHost }> {
  private chunk: T[] = [];
  private size = 0;
  private readonly pages: number;

  constructor(pages: number) {
    this.pages = pages;
  }

  add(site: T): T[] | undefined {
    const pages = estimatePages(site.site);
    let full: T[] | undefined;
    if (this.chunk.length > 0 && this.size + pages > this.pages) full = this.rest();
    this.chunk.push(site);
    this.size += pages;
    return full;
  }

  rest(): T[] {
    const chunk = this.chunk;
    this.chunk = [];
    this.size = 0;
    return chunk;
  }
}
