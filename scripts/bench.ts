/**
 * Build benchmark: generates a synthetic host and builds it, printing wall time, pages per
 * second and peak memory (orchestrator and Astro worker). Record results in BENCHMARKS.md.
 *
 * Usage: npm run bench -- [--schools N] [--news M] [--runs R]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSites } from '../src/build/build-sites.ts';
import { generateSyntheticHost } from './synthetic-host.ts';

const { values } = parseArgs({
  options: { schools: { type: 'string', default: '10' }, news: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' } },
});
const schools = Number(values.schools);
const news = Number(values.news);
const runs = Number(values.runs);

const base = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-'));
const content = path.join(base, 'content');
await generateSyntheticHost(content, schools, news);
console.log(`Synthetic host: ${schools} schools × ${news} news items (Node ${process.version}, ${os.cpus().length} CPUs)`);

const results: { seconds: number; pages: number; workerRssMb: number }[] = [];
for (let i = 0; i < runs; i++) {
  const out = path.join(base, `dist-${i}`);
  const report = await buildSites({ contentDir: content, outDir: out, cacheDir: path.join(base, 'cache') });
  const pages = report.sites.reduce((n, s) => n + s.pages, 0);
  results.push({ seconds: report.seconds, pages, workerRssMb: report.peakWorkerRssMb });
  console.log(
    `run ${i + 1}: ${report.seconds.toFixed(2)} s wall, ${pages} pages, ${(pages / report.seconds).toFixed(0)} pages/s, ` +
      `peak RSS worker ${report.peakWorkerRssMb.toFixed(0)} MB, orchestrator ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  const perK = (x: number) => (x * 1000) / Math.max(1, report.search.pages);
  console.log(
    `        search index: ${report.search.pages} pages in ${report.search.seconds.toFixed(2)} s, ${(report.search.bytes / 1024 / 1024).toFixed(1)} MB; ` +
      `per 1,000 pages: ${perK(report.search.seconds).toFixed(2)} s, ${(perK(report.search.bytes) / 1024 / 1024).toFixed(1)} MB`,
  );
  await rm(out, { recursive: true, force: true });
}
// Incremental rebuilds on the output of a full build: nothing changed, then one news item edited.
{
  const out = path.join(base, 'dist-incremental');
  await buildSites({ contentDir: content, outDir: out, cacheDir: path.join(base, 'cache') });
  const same = await buildSites({ contentDir: content, outDir: out, cacheDir: path.join(base, 'cache') });
  const { appendFile } = await import('node:fs/promises');
  await appendFile(path.join(content, 'schools', 'truong-0001', 'news', 'tin-0001.md'), '\nĐã cập nhật thêm thông tin.\n');
  const one = await buildSites({ contentDir: content, outDir: out, cacheDir: path.join(base, 'cache') });
  const rebuilt = one.sites.filter((s) => s.status === 'built').map((s) => s.id);
  console.log(
    `rebuild, no change: ${same.seconds.toFixed(2)} s; one news item edited: ${one.seconds.toFixed(2)} s (rebuilt: ${rebuilt.join(', ')})`,
  );
  await rm(out, { recursive: true, force: true });
}

const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(
  `\nfull build: min ${sorted[0]!.seconds.toFixed(2)} s, median ${median.seconds.toFixed(2)} s, ` +
    `${(median.pages / median.seconds).toFixed(0)} pages/s (median), peak worker RSS ${Math.max(...results.map((r) => r.workerRssMb)).toFixed(0)} MB`,
);
await rm(base, { recursive: true, force: true });

// Compliance check of 100 schools (issue 5 target: under 2 s on 2 cores).
{
  const { loadContent } = await import('../src/content/load.ts');
  const { factsFromContent } = await import('../src/compliance/facts-from-content.ts');
  const { runChecks } = await import('../src/compliance/engine.ts');
  const checkBase = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-check-'));
  await generateSyntheticHost(path.join(checkBase, 'content'), 100, news);
  const t0 = performance.now();
  const loaded = await loadContent(path.join(checkBase, 'content'), undefined, { render: false });
  const t1 = performance.now();
  const report = runChecks({ sites: loaded.schools.map(factsFromContent), date: '2026-11-23' });
  const t2 = performance.now();
  console.log(
    `\ncompliance check of ${report.sites.length} schools × ${news} news: load + validate ${((t1 - t0) / 1000).toFixed(2)} s, ` +
      `rules ${((t2 - t1) / 1000).toFixed(3)} s, total ${((t2 - t0) / 1000).toFixed(2)} s`,
  );
  await rm(checkBase, { recursive: true, force: true });
}
