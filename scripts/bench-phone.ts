/**
 * What a parent waits for on a cheap phone (issue 18): the demo sites built once, served over
 * HTTP on 127.0.0.1 with their precompressed files (as nginx's `gzip_static` serves them), and
 * opened in Chromium at 360 × 740 with the CPU slowed 4× and the network of Lighthouse's mobile
 * profile ("slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), through the DevTools
 * protocol. Measures the home page (load event, bytes) and the search page opened with a query,
 * up to the first results on screen, on a school site and on the host portal (which merges every
 * school's index). Each figure is the median of `--runs` cold loads (empty cache).
 *
 * Usage: node scripts/bench-phone.ts [--runs 5] [--dist DIR]   (without --dist, builds the demo)
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { buildSites } from '../src/pipeline/build-sites.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, dist: { type: 'string' } } });
const RUNS = Number(values.runs);
const ROOT = path.resolve(import.meta.dirname, '..');
/** Lighthouse's mobile throttling, applied by DevTools. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
  '.png': 'image/png',
};

/** Serves a site folder, with the `.gz` copy of a file when there is one (as nginx does). */
async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
    if (!(await stat(file).catch(() => null))) return void res.writeHead(404).end();
    const headers: Record<string, string> = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'])) && (await stat(`${file}.gz`).catch(() => null))) {
      headers['Content-Encoding'] = 'gzip';
      file = `${file}.gz`;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

interface Sample {
  ms: number;
  kb: number;
  requests: number;
}

/** One cold load on a throttled phone; `ready` tells when the page gives the visitor what they came for. */
async function load(browser: Browser, url: string, ready: 'load' | 'results'): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  if (ready === 'results') await page.waitForSelector('[data-search-results] li', { timeout: 60_000 });
  const ms = performance.now() - started;
  await context.close();
  return { ms, kb: bytes / 1024, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let dist = values.dist;
let temp: string | undefined;
if (!dist) {
  temp = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-phone-'));
  dist = temp;
  await buildSites({ contentDir: path.join(ROOT, 'content'), outDir: dist, date: '2026-11-23' });
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const school = await serve(path.join(dist, 'sites', 'thcsleloi.songxanh.edu.vn'));
const host = await serve(path.join(dist, 'sites', 'songxanh.edu.vn'));
try {
  const cases: [string, string, 'load' | 'results'][] = [
    ['school home page (load event)', `${school.url}/`, 'load'],
    ['school công khai 2025-2026 (load event)', `${school.url}/cong-khai/2025-2026/`, 'load'],
    ['school search "hoc sinh" (first results)', `${school.url}/tim-kiem/?q=hoc%20sinh`, 'results'],
    ['host search "khai giang" (first results)', `${host.url}/tim-kiem/?q=khai%20giang`, 'results'],
  ];
  console.log(`Chromium 360×740, CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms RTT, 1.6 Mbit/s down; median of ${RUNS} cold loads`);
  for (const [name, url, ready] of cases) {
    // The host's search needs the school sites beside it; a missing index shows as an error here.
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await load(browser, url, ready));
    console.log(
      `${name.padEnd(44)} ${(median(samples.map((s) => s.ms)) / 1000).toFixed(2)} s  ${median(samples.map((s) => s.kb)).toFixed(0)} KB  ${median(samples.map((s) => s.requests))} requests`,
    );
  }
} finally {
  await browser.close();
  await school.close();
  await host.close();
  if (temp) await rm(temp, { recursive: true, force: true });
}
