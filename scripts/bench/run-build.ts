/**
 * Runs one build in its own process for the benchmark, so that its whole process tree can be
 * measured, and prints the report as a last `BENCH_REPORT {json}` line.
 *
 * Usage: node scripts/bench/run-build.ts <content> <out> <cache> [--force]
 */
import { prestartWorker } from '../../src/pipeline/astro-workers.ts';

// As the command line does: the first Astro worker starts before the build engine is loaded.
prestartWorker();
const { buildSites } = await import('../../src/pipeline/build-sites.ts');

const [contentDir, outDir, cacheDir] = process.argv.slice(2);
const report = await buildSites({ contentDir: contentDir!, outDir: outDir!, cacheDir, force: process.argv.includes('--force') });
const pages = report.sites.reduce((n, s) => n + s.pages, 0);
const built = report.sites.filter((s) => s.status === 'built').map((s) => s.id);
process.stdout.write(
  `BENCH_REPORT ${JSON.stringify({ seconds: report.seconds, pages, built, ok: report.ok, search: report.search, peakWorkerRssMb: report.peakWorkerRssMb, timings: report.timings, timeline: report.timeline })}\n`,
);
