/** Messages between the server and its warm render process (`warm-worker.ts`). */

/** A job for the warm renderer: the job file `buildSites` wrote (see `astro-workers.ts`). */
export interface WarmRequest {
  id: number;
  jobFile: string;
  /**
   * Tests only: the job fails when it renders this school (the server's `CONGTRUONG_TEST_FAIL_WARM`
   * or `CONGTRUONG_TEST_FAIL_SCHOOL` at the time of the job, which a process started earlier cannot read).
   */
  failSchool?: string | undefined;
}

/**
 * What a job rendered: the paths Astro rendered (sorted), and how many pages were the last job's
 * output again because nothing they read had changed.
 */
export interface RenderedPages {
  rendered: string[];
  reused: number;
  /**
   * Why the renderer cannot tell which pages changed (a theme that writes to its input…), said
   * once per renderer: from then on it renders every page.
   */
  untrackable?: string | undefined;
}

export type WarmReply =
  | { ready: true }
  | { ready: false; error: string }
  | { id: number; ok: true; steps: Record<string, number>; pages: RenderedPages; maxRssKb: number }
  | { id: number; ok: false; error: string };
