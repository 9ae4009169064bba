/**
 * Child process that renders one batch of sites with Astro. Running Astro in its own
 * process keeps a crash, a runaway template or Astro's global state away from the
 * orchestrator, which then retries the batch's sites one by one to isolate the culprit.
 *
 * Usage: node src/pipeline/astro-worker.ts <job file>, or the job file's path on standard input
 */
import { build } from 'astro';
import type { LoadedHost, LoadedSchool } from '../content/load.ts';
import { readJob, type AstroJob } from './astro-job.ts';
import { setRenderInput } from '../site/render-input.ts';
import { syndicationOf } from '../site/syndication.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { nowInVietnam, todayInVietnam } from '../util/dates.ts';
import { addressOf, servedSchool } from '../site/address.ts';

async function contentOf(job: AstroJob): Promise<{ schools: LoadedSchool[]; host?: LoadedHost | undefined }> {
  if (job.content) return job.content;
  const { loadContent } = await import('../content/load.ts');
  const loaded = await loadContent(job.contentDir, job.schoolIds);
  const schools = loaded.schools.filter((s) => job.schoolIds.includes(s.id));
  const missing = job.schoolIds.filter((id) => !schools.some((s) => s.id === id));
  if (missing.length > 0) throw new Error(`Content of ${missing.join(', ')} is invalid.`);
  return { schools: schools.map((s) => servedSchool(s, addressOf(s.id, s.config.domain, loaded.host))), host: loaded.host };
}

/** Seconds from the job's arrival to the end of each step, for the build's timeline. */
const steps: Record<string, number> = {};
let jobArrived = performance.now();
const step = (name: string) => (steps[name] = (performance.now() - jobArrived) / 1000);

async function run(jobFile: string): Promise<void> {
  const job = await readJob(jobFile);
  const content = await contentOf(job);
  step('content loaded');
  setRenderInput({
    schools: content.schools,
    host: job.includeHost ? content.host : undefined,
    directory: job.directory,
    builtAt: new Date().toISOString(),
    date: job.date ?? todayInVietnam(),
    now: job.now ?? nowInVietnam(),
    syndication: content.host && syndicationOf(content.host),
  });
  if (process.env.CONGTRUONG_TEST_FAIL_SCHOOL && job.schoolIds.includes(process.env.CONGTRUONG_TEST_FAIL_SCHOOL)) {
    // Lets tests prove that a school whose build crashes is isolated from the others.
    throw new Error(`Simulated build failure of ${process.env.CONGTRUONG_TEST_FAIL_SCHOOL}.`);
  }
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await build({
    root: PACKAGE_ROOT,
    // Relative to `root`: Astro joins the two.
    configFile: 'astro.config.mjs',
    outDir: job.outDir,
    cacheDir: job.cacheDir,
    logLevel: 'error',
    mode: 'production',
  });
  step('Astro done');
}

/**
 * The job file comes as an argument, or as the first line of standard input: the orchestrator
 * starts workers ahead of time so that Node and Astro are loaded while it is still deciding what
 * to build, then tells them the job. End of input without a job: nothing to do.
 */
async function jobFileFromStdin(): Promise<string | undefined> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split('\n')[0]?.trim() || undefined;
}

// A worker started ahead of time goes away when its orchestrator exits (its input closes) or,
// as a safety net, when no job came for a long time.
const idle = setTimeout(() => process.exit(0), 600_000);
const ready = performance.now();
const jobFile = process.argv[2] ?? (await jobFileFromStdin());
clearTimeout(idle);
jobArrived = performance.now();
// Negative: ready that long before the job came. Near zero: the job waited for the worker's
// start-up, which was then on the critical path.
steps.ready = -(jobArrived - ready) / 1000;
if (jobFile === undefined) process.exit(0);

run(jobFile).then(
  () => {
    // Peak memory of this worker, for the orchestrator's report and the benchmark.
    process.stdout.write(`\nCONGTRUONG_STATS ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, steps })}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`${e.message}\n${e.stack ?? ''}\n`);
    process.exit(1);
  },
);
