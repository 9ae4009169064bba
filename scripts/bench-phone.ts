/**
 * What a parent waits for on a cheap phone (issue 18): the demo sites built once, served on
 * 127.0.0.1 as the generated nginx configuration serves them (precompressed files, the cache
 * headers of src/hosting/nginx.ts, and by default HTTPS with HTTP/2 and a self-signed
 * certificate made with openssl; `--protocol h1` for plain HTTP/1.1), and opened in Chromium at
 * 360 × 740 with the CPU slowed 4× and the network of Lighthouse's mobile profile ("slow 4G":
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), through the DevTools protocol. Measures the
 * home page (load event, bytes) and the search page opened with a query, up to the first result
 * in the list, on a school site and on the host portal; and the routes a parent takes from the
 * home page (`Typed`): the query typed at `TYPING_MS` a character, Enter, the first result (timed
 * from Enter; KB and requests are those after Enter). Other times
 * are the page's own (from the start of the navigation). Each figure is the median of `--runs`
 * cold loads: a new browser context each, so an empty cache, with caching on as on a phone.
 *
 * Usage: node scripts/bench-phone.ts [--runs 5] [--dist DIR] [--protocol h2|h1] [--only TEXT]
 *        [--school FOLDER] [--host FOLDER]   (the sites under DIR/sites/ to serve)
 *        [--school-query TEXT] [--host-query TEXT]   (default "hoc sinh", "khai giang")
 *        [--timeline]   (without --dist, builds the demo; --timeline prints each search's
 *        requests as the server saw them and the page's own marks)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { cacheControlFor } from '../src/hosting/nginx.ts';
import { buildSites } from '../src/pipeline/build-sites.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    dist: { type: 'string' },
    protocol: { type: 'string', default: 'h2' },
    timeline: { type: 'boolean', default: false },
    only: { type: 'string' },
    // The folders under dist/sites/ to serve (a synthetic host's, for instance).
    school: { type: 'string', default: 'thcsleloi.songxanh.edu.vn' },
    host: { type: 'string', default: 'songxanh.edu.vn' },
    'school-query': { type: 'string', default: 'hoc sinh' },
    'host-query': { type: 'string', default: 'khai giang' },
  },
});
const RUNS = Number(values.runs);
const PROTOCOL = values.protocol === 'h1' ? 'h1' : 'h2';
const ROOT = path.resolve(import.meta.dirname, '..');
/** Lighthouse's mobile throttling, applied by DevTools. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
/**
 * A parent typing on a phone: 300 ms a character, about 40 words a minute (the average on phones
 * in Palin et al., "How do people type on mobile devices?", MobileHCI 2019, is 36).
 */
const TYPING_MS = 300;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
  '.png': 'image/png',
};

/** A request as the server saw it, for the timeline. */
interface Seen {
  path: string;
  at: number;
  done: number;
  bytes: number;
}

/** Self-signed certificate for 127.0.0.1, made with openssl; `spki` is what Chromium is told to trust. */
async function certificate(dir: string): Promise<{ key: Buffer; cert: Buffer; spki: string }> {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const der = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']);
  const spkiDer = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: der });
  return { key: await readFile(key), cert: await readFile(cert), spki: createHash('sha256').update(spkiDer).digest('base64') };
}

/**
 * Serves a site folder as nginx would with the generated configuration: the `.gz` copy of a file
 * when there is one (`gzip_static`), `Last-Modified`, the cache headers above, and (`h2`) TLS
 * with HTTP/2, or plain HTTP/1.1 (`h1`).
 */
async function serve(
  root: string,
  tls: { key: Buffer; cert: Buffer } | undefined,
  log: Seen[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = async (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
    const at = performance.now();
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, urlPath);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) return void (res as http.ServerResponse).writeHead(404).end();
    const headers: Record<string, string> = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Last-Modified': info.mtime.toUTCString(),
    };
    const cache = cacheControlFor(urlPath);
    if (cache) headers['Cache-Control'] = cache;
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'])) && (await stat(`${file}.gz`).catch(() => null))) {
      headers['Content-Encoding'] = 'gzip';
      file = `${file}.gz`;
    }
    const bytes = (await stat(file)).size;
    headers['Content-Length'] = String(bytes);
    (res as http.ServerResponse).writeHead(200, headers);
    const seen = { path: req.url ?? '', at, done: 0, bytes };
    log.push(seen);
    res.on('finish', () => (seen.done = performance.now()));
    createReadStream(file).pipe(res as NodeJS.WritableStream);
  };
  const server = tls
    ? http2.createSecureServer({ ...tls, allowHTTP1: true }, (req, res) => void handler(req, res))
    : http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * A search typed by the parent, from the home page: through the menu to the search page (a phone
 * held upright, where the header has no search box), or in the header's box (the phone sideways).
 */
interface Typed {
  route: 'menu' | 'header';
  query: string;
}

interface Sample {
  ms: number;
  kb: number;
  requests: number;
  /** Milliseconds from navigation to the start of `load`. */
  started: number;
  /** What the browser did and when (ms from navigation), with `--timeline`. */
  events: string[];
}

/**
 * One cold load on a throttled phone; `ready` tells when the page gives the visitor what they came
 * for. Each load has a new browser context, hence an empty cache, as on a first visit (the cache
 * stays on, as on a real phone: what the page preloads is then there for Pagefind's worker).
 */
async function load(browser: Browser, url: string, ready: 'load' | 'results', typed?: Typed): Promise<Sample> {
  // The header's search box shows from 640 px on: the same phone held sideways.
  const viewport = typed?.route === 'header' ? { width: 740, height: 360 } : { width: 360, height: 740 };
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  const events: string[] = [];
  const started = performance.now();
  const note = (what: string) => events.push(`${(performance.now() - started).toFixed(0).padStart(5)}  ${what}`);
  if (values.timeline) {
    // The worker's requests show here too (not in the page's DevTools session). Playwright hears
    // of them late on the slowed CPU: the page's own marks below are the reliable times.
    context.on('requestfinished', (r) => note(`received ${new URL(r.url()).pathname}`));
  }
  // The page notes when the status line changes and when the first result is in the list, in its
  // own clock (ms from the start of the navigation). Waiting for the result from outside, as
  // Playwright does, adds half a second on the slowed CPU that the visitor never sees.
  await page.addInitScript(() => {
    const marks: string[] = [];
    const w = window as unknown as { benchMarks: string[]; benchFirstResult?: number };
    w.benchMarks = marks;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.matches?.('[data-search-status]')) marks.push(`${performance.now().toFixed(0)} status "${el.textContent}"`);
        if (el.matches?.('[data-search-results]') && el.children.length > 0) {
          w.benchFirstResult ??= performance.now();
          marks.push(`${performance.now().toFixed(0)} results: ${el.children.length}`);
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  /** Wall-clock time of Enter, for a search typed into the header's box. */
  let enter: number | undefined;
  let bytesBefore = 0;
  let requestsBefore = 0;
  if (typed !== undefined) {
    // The parent goes to the search box as soon as the page is there, types at a phone's pace and
    // presses Enter; the time is from Enter (the pages before it have their own figures).
    if (typed.route === 'header') {
      note('tap on the search box');
      await page.tap('#site-search-q');
    } else {
      note('tap on the menu');
      await page.tap('.menu-toggle summary');
      await page.tap('.menu-toggle a[href$="/tim-kiem/"]');
      await page.waitForURL(/\/tim-kiem\/$/);
      note('tap on the search box');
      await page.tap('[data-search] input[name=q]');
    }
    await page.keyboard.type(typed.query, { delay: TYPING_MS });
    bytesBefore = bytes;
    requestsBefore = requests;
    note('Enter');
    enter = Date.now();
    await page.keyboard.press('Enter');
  }
  if (ready === 'results') await page.waitForSelector('[data-search-results] li', { timeout: 60_000 });
  note('Playwright saw the page ready');
  const w = await page.evaluate(() => {
    const win = window as unknown as { benchMarks: string[]; benchFirstResult?: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // As wall-clock time too, to compare with the Enter of the page before.
    return { marks: win.benchMarks, firstResult: win.benchFirstResult, load: nav.loadEventStart, origin: performance.timeOrigin };
  });
  const ms = ready === 'load' ? w.load : enter === undefined ? w.firstResult! : w.origin + w.firstResult! - enter;
  bytes -= bytesBefore;
  requests -= requestsBefore;
  if (values.timeline) events.push(`  page: ${w.load.toFixed(0)} load event`, ...w.marks.map((m) => `  page: ${m}`));
  await context.close();
  return { ms, kb: bytes / 1024, requests, started, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let dist = values.dist;
const temp = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-phone-'));
if (!dist) {
  dist = path.join(temp, 'dist');
  await buildSites({ contentDir: path.join(ROOT, 'content'), outDir: dist, date: '2026-11-23' });
}
const tls = PROTOCOL === 'h2' ? await certificate(temp) : undefined;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  // The self-signed certificate is trusted by its key (not by ignoring certificate errors: Chromium
  // does not cache what it loads despite a certificate error, and caching is part of the measure).
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    ...(tls ? [`--ignore-certificate-errors-spki-list=${tls.spki}`] : []),
  ],
});
const seen: Seen[] = [];
const school = await serve(path.join(dist, 'sites', values.school), tls, seen);
const host = await serve(path.join(dist, 'sites', values.host), tls, seen);
try {
  const sq = values['school-query'];
  const hq = values['host-query'];
  const cases: [string, string, 'load' | 'results', Typed?][] = [
    ['school home page (load event)', `${school.url}/`, 'load'],
    ['school công khai 2025-2026 (load event)', `${school.url}/cong-khai/2025-2026/`, 'load'],
    [`school search "${sq}" (first results)`, `${school.url}/tim-kiem/?q=${encodeURIComponent(sq)}`, 'results'],
    [`school home, menu, search page, "${sq}" ⏎`, `${school.url}/`, 'results', { route: 'menu', query: sq }],
    [`school home (740 × 360), header box "${sq}" ⏎`, `${school.url}/`, 'results', { route: 'header', query: sq }],
    [`host search "${hq}" (first results)`, `${host.url}/tim-kiem/?q=${encodeURIComponent(hq)}`, 'results'],
    [`host home, menu, search page, "${hq}" ⏎`, `${host.url}/`, 'results', { route: 'menu', query: hq }],
    [`host home (740 × 360), header box "${hq}" ⏎`, `${host.url}/`, 'results', { route: 'header', query: hq }],
  ];
  console.log(
    `Chromium 360×740, CPU ${CPU_SLOWDOWN}× slower, ${NETWORK.latency} ms RTT, 1.6 Mbit/s down, ${tls ? 'HTTPS with HTTP/2' : 'HTTP/1.1'}; median of ${RUNS} cold loads`,
  );
  for (const [name, url, ready, typed] of cases) {
    if (values.only && !name.includes(values.only)) continue;
    const samples: Sample[] = [];
    const served: { files: number; kb: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      seen.length = 0;
      const sample = await load(browser, url, ready, typed);
      samples.push(sample);
      // What the server sent, the worker's requests included (the page's DevTools session does
      // not see those): the files a search costs whatever asked for them.
      served.push({ files: seen.length, kb: seen.reduce((sum, r) => sum + r.bytes, 0) / 1024 });
      if (values.timeline && ready === 'results') {
        // What the server was asked for, and when, from navigation (ms): where the time goes.
        console.log(`  run ${i + 1}: first results at ${sample.ms.toFixed(0)} ms`);
        console.log('    server (asked – sent):');
        for (const r of seen) {
          console.log(
            `    ${(r.at - sample.started).toFixed(0).padStart(5)}–${(r.done - sample.started).toFixed(0).padStart(5)}  ${(r.bytes / 1024).toFixed(1).padStart(5)} KB  ${r.path}`,
          );
        }
        console.log('    browser:');
        for (const e of sample.events) console.log(`    ${e}`);
      }
    }
    console.log(
      `${name.padEnd(52)} ${(median(samples.map((s) => s.ms)) / 1000).toFixed(2)} s  ${median(samples.map((s) => s.kb)).toFixed(0)} KB  ${median(samples.map((s) => s.requests))} requests; server sent ${median(served.map((s) => s.files))} files, ${median(served.map((s) => s.kb)).toFixed(0)} KB`,
    );
  }
} finally {
  await browser.close();
  await school.close();
  await host.close();
  await rm(temp, { recursive: true, force: true });
}
