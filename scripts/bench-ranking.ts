/**
 * Ranking benchmark: crawls and scores copies of the hand-made fixture school sites served on
 * 127.0.0.1 and prints sites scored per minute (crawl + scoring), pages per second and memory.
 * Each copy has its own server, so per-host limits apply as on the Internet.
 *
 * Usage: node scripts/bench-ranking.ts [--copies N] [--concurrency C] [--max-pages P]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadCriteria } from '../src/ranking/criteria.ts';
import { crawlSites, scoreSnapshot } from '../src/ranking/rank.ts';
import type { RankSite } from '../src/ranking/sites-list.ts';
import { FIXTURE_SITES } from '../tests/fixtures/ranking/sites.ts';
import { serveFixture, type TestServer } from '../tests/ranking/servers.ts';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    'max-pages': { type: 'string', default: '60' },
  },
});
const copies = Number(values.copies);
const concurrency = Number(values.concurrency);
const maxPages = Number(values['max-pages']);

const servers: TestServer[] = [];
const sites: RankSite[] = [];
for (let i = 0; i < copies; i++) {
  for (const f of FIXTURE_SITES) {
    const s = await serveFixture(f);
    servers.push(s);
    const domain = `b${i}.${f.domain}`;
    sites.push({
      id: domain,
      name: `${f.name} ${i}`,
      url: `https://${domain}/`,
      fetchUrl: s.url,
      domain,
      levels: [f.level as RankSite['levels'][number]],
    });
  }
}
const criteria = await loadCriteria();
if (!criteria.ok) throw new Error(criteria.message('en'));

console.log(
  `Ranking benchmark: ${sites.length} fixture sites (${copies} × ${FIXTURE_SITES.length}), concurrency ${concurrency}, ≤ ${maxPages} pages/site (Node ${process.version}, ${os.cpus().length} CPUs)`,
);
const t0 = performance.now();
const snapshot = await crawlSites({ sites, concurrency, fetcher: { offline: true, retries: 0 }, crawl: { maxPages } });
const t1 = performance.now();
const report = scoreSnapshot(snapshot, criteria.criteria, '2026-11-23');
const t2 = performance.now();
await Promise.all(servers.map((s) => s.close()));

const pages = snapshot.sites.reduce((n, s) => n + s.crawl.entries.filter((e) => e.kind === 'page' || e.kind === 'home').length, 0);
const seconds = (t2 - t0) / 1000;
console.log(
  `crawl ${((t1 - t0) / 1000).toFixed(2)} s (${pages} pages, ${(pages / ((t1 - t0) / 1000)).toFixed(0)} pages/s), scoring ${((t2 - t1) / 1000).toFixed(2)} s`,
);
console.log(
  `sites scored per minute: ${((report.sites.length / seconds) * 60).toFixed(0)} (${report.sites.length} sites in ${seconds.toFixed(2)} s)`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
