/**
 * Build benchmark (issue 6): generates a synthetic host and measures, each in its own process
 * with the peak RSS of its whole process tree,
 *   1. a bare `astro build` of the same pages (the reference: no assembly, search, compression),
 *   2. the full build (pages, feeds, search indexes, precompression, atomic publish),
 *   3. a rebuild with no change, and 4. a rebuild after editing one news item of one school;
 * then the compliance check of 100 schools, the ranking job on local fixture sites, and the
 * publishing server's save-to-online latency (`bench-serve.ts`, 20 edits on the same host size).
 * Record results in BENCHMARKS.md.
 *
 * Usage: npm run bench -- [--schools 100] [--news 200] [--runs 1]
 */
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASTRO_WORKER } from '../src/pipeline/astro-workers.ts';
import { writeJob } from '../src/pipeline/astro-job.ts';
import { bareAstroJob } from '../src/pipeline/build-sites.ts';
import { walk } from '../src/util/walk.ts';
import { sampleTreeRss } from './bench/process-tree-rss.ts';
import { generateSyntheticHost } from './synthetic-host.ts';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '100' },
    news: { type: 'string', default: '200' },
    runs: { type: 'string', default: '1' },
  },
});
const schools = Number(values.schools);
const news = Number(values.news);
const runs = Number(values.runs);
const RUN_BUILD = path.join(import.meta.dirname, 'bench', 'run-build.ts');

interface Measured {
  seconds: number;
  peakRssMb: number;
  output: string;
}

/** Runs a Node script in a child process, timing it and sampling its process tree's memory. */
function measure(args: string[]): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', UV_THREADPOOL_SIZE: '16' }, // as bin/congtruong.mjs sets it
  });
  const sampler = sampleTreeRss(child.pid!);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const peakRssMb = sampler.stop();
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakRssMb, output });
    });
  });
}

interface BuildRun extends Measured {
  pages: number;
  timings: Record<string, number>;
  timeline: { at: number; event: string }[];
  built: string[];
  search: { pages: number; seconds: number; bytes: number };
}

async function build(content: string, out: string, cache: string, force = false): Promise<BuildRun> {
  const m = await measure([RUN_BUILD, content, out, cache, ...(force ? ['--force'] : [])]);
  const line = m.output.split('\n').find((l) => l.startsWith('BENCH_REPORT '));
  if (!line) throw new Error(`No report from the build:\n${m.output.slice(-2000)}`);
  return { ...m, ...(JSON.parse(line.slice('BENCH_REPORT '.length)) as Omit<BuildRun, keyof Measured>) };
}

const fmt = (x: number, d = 1) => x.toFixed(d);
/** Seconds per stage; post-processing stages are summed over sites running in parallel. */
const stages = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
const base = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-'));
const content = path.join(base, 'content');
await generateSyntheticHost(content, schools, news);
console.log(
  `Synthetic host: ${schools} schools × ${news} news items (Node ${process.version}, ${os.cpus().length} CPUs, ${fmt(os.totalmem() / 2 ** 30, 0)} GB)`,
);

for (let i = 1; i <= runs; i++) {
  // 1. The reference: one bare Astro run over the same pages, cold cache.
  const bareOut = path.join(base, `bare-${i}`);
  const jobFile = path.join(base, `bare-${i}.job`);
  await writeJob(jobFile, await bareAstroJob(content, bareOut, path.join(base, `cache-bare-${i}`)));
  const bare = await measure([ASTRO_WORKER, jobFile]);
  const barePages = (await walk(bareOut)).filter((f) => f.endsWith('.html')).length;
  console.log(
    `\nrun ${i}: bare astro build: ${fmt(bare.seconds)} s, ${barePages} pages, ${fmt(barePages / bare.seconds, 0)} pages/s, peak RSS ${fmt(bare.peakRssMb, 0)} MB`,
  );
  // The reference's output is removed at the end of the run, not now: on ext4, creating files
  // within a minute or more of deleting tens of thousands makes every create scan the recently
  // deleted inodes (`recently_deleted` in `perf`), which would slow the build measured next.

  // 2. The full build, cold cache.
  const out = path.join(base, `dist-${i}`);
  const cache = path.join(base, `cache-${i}`);
  const full = await build(content, out, cache, true);
  const perK = (x: number) => (x * 1000) / Math.max(1, full.search.pages);
  console.log(
    `run ${i}: full build: ${fmt(full.seconds)} s, ${full.pages} pages, ${fmt(full.pages / full.seconds, 0)} pages/s, ` +
      `peak RSS ${fmt(full.peakRssMb, 0)} MB (process tree) — ${fmt(full.seconds / bare.seconds, 2)}× the bare astro build`,
  );
  console.log(`        stages (s): ${stages(full.timings)}`);
  console.log(
    `        search index: ${full.search.pages} pages, ${fmt(full.search.seconds)} s summed over sites, ${fmt(full.search.bytes / 2 ** 20)} MB; ` +
      `per 1,000 pages ${fmt(perK(full.search.seconds), 2)} s, ${fmt(perK(full.search.bytes) / 2 ** 20)} MB`,
  );

  // 3. and 4. Incremental rebuilds on that output.
  const same = await build(content, out, cache);
  console.log(
    `run ${i}: rebuild, no change: ${fmt(same.seconds, 2)} s (${same.built.length} sites rebuilt), peak RSS ${fmt(same.peakRssMb, 0)} MB`,
  );
  await appendFile(path.join(content, 'schools', 'truong-0001', 'news', 'tin-0001.md'), `\nĐã cập nhật thêm thông tin (lần ${i}).\n`);
  const one = await build(content, out, cache);
  console.log(
    `run ${i}: rebuild, one news item edited: ${fmt(one.seconds, 2)} s (rebuilt: ${one.built.join(', ')}), peak RSS ${fmt(one.peakRssMb, 0)} MB`,
  );
  console.log(`        stages (s): ${stages(one.timings)}`);
  console.log(`        timeline (s since the build started): ${one.timeline.map((e) => `${fmt(e.at, 2)} ${e.event}`).join('; ')}`);
  await rm(out, { recursive: true, force: true });
  await rm(bareOut, { recursive: true, force: true });
}
await rm(base, { recursive: true, force: true });

// Compliance check of 100 schools (issue 5 target: under 2 s on 2 cores).
{
  const { loadContent } = await import('../src/content/load.ts');
  const { factsFromContent } = await import('../src/compliance/facts-from-content.ts');
  const { runChecks } = await import('../src/compliance/engine.ts');
  const checkBase = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-check-'));
  const checkNews = Math.min(news, 50);
  await generateSyntheticHost(path.join(checkBase, 'content'), 100, checkNews);
  const t0 = performance.now();
  const loaded = await loadContent(path.join(checkBase, 'content'), undefined, { render: false });
  const t1 = performance.now();
  const report = runChecks({ sites: loaded.schools.map(factsFromContent), date: '2026-11-23' });
  const t2 = performance.now();
  console.log(
    `\ncompliance check of ${report.sites.length} schools × ${checkNews} news: load + validate ${fmt((t1 - t0) / 1000, 2)} s, ` +
      `rules ${fmt((t2 - t1) / 1000, 3)} s, total ${fmt((t2 - t0) / 1000, 2)} s`,
  );
  await rm(checkBase, { recursive: true, force: true });
}

// Ranking job (issue 7): sites crawled and scored per minute on local fixture servers.
{
  console.log('');
  const ranking = await measure([path.join(import.meta.dirname, 'bench-ranking.ts')]);
  process.stdout.write(ranking.output);
}

// Publishing server (issue 19): save-to-online latency of 20 edits through the server's API, on
// a synthetic host of the same size, with the warm renderer.
{
  console.log('');
  const serve = await measure([path.join(import.meta.dirname, 'bench-serve.ts'), '--schools', String(schools), '--news', String(news)]);
  process.stdout.write(serve.output.replace(/^Warning: Indexing all PDF objects\n/gm, ''));
}
