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

export type WarmReply =
  | { ready: true }
  | { ready: false; error: string }
  | { id: number; ok: true; steps: Record<string, number>; maxRssKb: number }
  | { id: number; ok: false; error: string };
