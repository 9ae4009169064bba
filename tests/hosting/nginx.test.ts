/**
 * The generated nginx configuration, served by a real nginx (Debian package) on 127.0.0.1:
 * each domain gets its own school, with security headers, precompressed files, long caching of
 * hashed assets and the site's own 404 page.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { cacheControlFor, nginxConfig } from '../../src/hosting/nginx.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const NGINX = '/usr/sbin/nginx';
let proc: ChildProcess;
let port: number;
let tlsPort: number;
let dist: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function get(
  host: string,
  p: string,
  headers: Record<string, string> = {},
  onPort = port,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: onPort, path: p, headers: { Host: host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
}

/**
 * A GET over TLS with HTTP/2 only (no fallback to HTTP/1.1): fails unless nginx speaks HTTP/2 there.
 * The certificate is the test's own, self-signed.
 */
function getH2(host: string, p: string): Promise<{ status: number; headers: http2.IncomingHttpHeaders; protocol: string | undefined }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${tlsPort}`, { servername: host, rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':path': p, ':authority': host });
    req.on('response', (headers) => {
      req.resume();
      req.on('end', () => {
        resolve({ status: Number(headers[':status']), headers, protocol: session.alpnProtocol });
        session.close();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A self-signed certificate per domain, laid out as certbot does (`<dir>/<domain>/fullchain.pem`, `privkey.pem`). */
async function certificates(dir: string, domains: string[]): Promise<void> {
  for (const domain of domains) {
    await mkdir(path.join(dir, domain), { recursive: true });
    const at = path.join(dir, domain);
    const key = path.join(at, 'privkey.pem');
    const cert = path.join(at, 'fullchain.pem');
    const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'];
    execFileSync('openssl', [...args, '-subj', `/CN=${domain}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
}

/** Starts a real nginx on 127.0.0.1 with the given server blocks; resolves when it accepts connections. */
async function startNginx(base: string, servers: string, onPort: number): Promise<ChildProcess> {
  const prefix = path.join(base, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  // The test runs as root with files in a private temp folder: workers run as root too.
  await writeFile(
    conf,
    `user root;\ndaemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${prefix}/tmp;\n  proxy_temp_path ${prefix}/tmp;\n  fastcgi_temp_path ${prefix}/tmp;\n  uwsgi_temp_path ${prefix}/tmp;\n  scgi_temp_path ${prefix}/tmp;\n${servers}\n}\n`,
  );
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  expect(test.status, test.stderr).toBe(0);
  const child = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(onPort, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
}

beforeAll(async () => {
  const base = await tempDir('congtruong-nginx-');
  const out = path.join(base, 'dist');
  dist = out;
  await buildSites({ contentDir: path.join(FIXTURES, 'content', 'basic'), outDir: out, date: '2026-11-23' });
  port = await freePort();
  tlsPort = await freePort();
  const sites = ['alpha.thunghiem.edu.vn', 'beta.thunghiem.edu.vn', 'pgd.thunghiem.edu.vn'];
  const certDir = path.join(base, 'certs');
  await certificates(certDir, sites);
  const servers = nginxConfig(sites, {
    sitesDir: path.join(out, 'sites'),
    listen: `127.0.0.1:${port}`,
    tls: { certDir, listen: `127.0.0.1:${tlsPort}` },
  });
  expect(servers).toContain(`listen 127.0.0.1:${tlsPort} ssl http2;`);
  proc = await startNginx(base, servers, port);
});

afterAll(() => {
  proc?.kill('SIGTERM');
});

describe('nginx serving the published sites', () => {
  it('routes each domain to its own school by the Host header', async () => {
    const a = await get('alpha.thunghiem.edu.vn', '/');
    const b = await get('beta.thunghiem.edu.vn', '/');
    const host = await get('pgd.thunghiem.edu.vn', '/');
    expect(a.status).toBe(200);
    expect(a.body).toContain('<title>Trường Trung học cơ sở Alpha</title>');
    expect(b.body).toContain('<title>Trường Tiểu học Beta</title>');
    expect(host.body).toContain('<title>Phòng Giáo dục và Đào tạo huyện Thử Nghiệm</title>');
    expect((await get('alpha.thunghiem.edu.vn', '/tin-tuc/le-khai-giang/')).status).toBe(200);
  });

  it('sends the security headers, HSTS included for HTTPS hosts', async () => {
    const r = await get('alpha.thunghiem.edu.vn', '/');
    expect(r.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it("answers unknown pages with the site's own 404 page", async () => {
    const r = await get('beta.thunghiem.edu.vn', '/khong-co/');
    expect(r.status).toBe(404);
    expect(r.body).toContain('Không tìm thấy trang');
    expect(r.body).toContain('Trường Tiểu học Beta');
    expect(r.headers['content-security-policy']).toBeTruthy();
  });

  it('serves precompressed files and caches hashed assets for a year', async () => {
    const page = await get('alpha.thunghiem.edu.vn', '/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec((await get('alpha.thunghiem.edu.vn', '/')).body)![1]!;
    const asset = await get('alpha.thunghiem.edu.vn', css);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('nginx terminating TLS, with HTTP/2 and cacheable search files (issue 18)', () => {
  it('answers over TLS with HTTP/2, with the security headers', async () => {
    const r = await getH2('alpha.thunghiem.edu.vn', '/tim-kiem/');
    expect(r.protocol).toBe('h2');
    expect(r.status).toBe(200);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(r.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it("lets browsers keep Pagefind's files: content-named ones for a year, the others for minutes", async () => {
    const dir = path.join(dist, 'sites', 'alpha.thunghiem.edu.vn', 'pagefind');
    const chunk = (await readdir(path.join(dir, 'index')))[0]!;
    const meta = (await readdir(dir)).find((f) => f.endsWith('.pf_meta'))!;
    for (const p of [`/pagefind/index/${chunk}`, `/pagefind/${meta}`]) {
      const r = await getH2('alpha.thunghiem.edu.vn', p);
      expect(r.status, p).toBe(200);
      expect(r.headers['cache-control'], p).toBe('public, max-age=31536000, immutable');
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      // The benchmark's and the browser tests' servers give what nginx gives.
      expect(cacheControlFor(p)).toBe(r.headers['cache-control']);
    }
    for (const p of [
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/pagefind-entry.json?ts=x',
    ]) {
      const r = await getH2('alpha.thunghiem.edu.vn', p);
      expect(r.status, p).toBe(200);
      expect(r.headers['cache-control'], p).toBe('public, max-age=300');
      expect(r.headers['content-security-policy'], p).toBeTruthy();
      expect(cacheControlFor(p.replace(/\?.*/, ''))).toBe(r.headers['cache-control']);
    }
    // The host portal's copies of the schools' indexes too.
    const school = await getH2('pgd.thunghiem.edu.vn', `/pagefind-truong/alpha/index/${chunk}`);
    expect(school.status).toBe(200);
    expect(school.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // And the index of the schools' news that the host's search loads.
    const news = path.join(dist, 'sites', 'pgd.thunghiem.edu.vn', 'pagefind-cac-truong', 'index');
    const newsChunk = `/pagefind-cac-truong/index/${(await readdir(news))[0]!}`;
    const schools = await getH2('pgd.thunghiem.edu.vn', newsChunk);
    expect(schools.status).toBe(200);
    expect(schools.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor(newsChunk)).toBe(schools.headers['cache-control']);
    expect(cacheControlFor('/')).toBeUndefined();
    // Pages themselves are not cached that way.
    expect((await getH2('alpha.thunghiem.edu.vn', '/')).headers['cache-control']).toBeUndefined();
  });

  it("has the search page preload Pagefind's files at the addresses its worker asks for", async () => {
    const dir = path.join(dist, 'sites', 'alpha.thunghiem.edu.vn', 'pagefind');
    const meta = /^pagefind\.(.+)\.pf_meta$/.exec((await readdir(dir)).find((f) => f.endsWith('.pf_meta'))!)![1]!;
    const page = (await get('alpha.thunghiem.edu.vn', '/tim-kiem/')).body;
    expect(page).toContain(`data-pagefind-meta="${meta}"`);
    const preloads = [...page.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(preloads.sort()).toEqual(
      [
        '/pagefind/pagefind.js',
        '/pagefind/pagefind-worker.js',
        `/pagefind/pagefind-entry.json?ts=${meta}`,
        `/pagefind/pagefind.${meta}.pf_meta`,
        '/pagefind/wasm.unknown.pagefind',
      ].sort(),
    );
    for (const p of preloads) expect((await getH2('alpha.thunghiem.edu.vn', p)).status, p).toBe(200);
    // Other pages load nothing of Pagefind.
    expect((await get('alpha.thunghiem.edu.vn', '/')).body).not.toContain('/pagefind/');
  });
});

describe('path mode: schools under the host domain at /<school id>/', () => {
  let pathProc: ChildProcess | undefined;
  let pathPort: number;
  let out: string;
  const HOST = 'pgd.thunghiem.edu.vn';
  const at = (p: string, headers: Record<string, string> = {}) => get(HOST, p, headers, pathPort);

  beforeAll(async () => {
    const base = await tempDir('congtruong-nginx-path-');
    const content = path.join(base, 'content');
    out = path.join(base, 'dist');
    await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
    await appendFile(path.join(content, 'host.yaml'), 'hosting:\n  schoolUrls: path\n');
    const report = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    expect(report.sites.filter((s) => s.status === 'built').map((s) => s.id)).toEqual(['alpha', 'beta', 'host']);
    const folders = await readdir(path.join(out, 'sites'));
    expect(folders.sort()).toEqual([HOST, `${HOST}+alpha`, `${HOST}+beta`]);
    pathPort = await freePort();
    pathProc = await startNginx(
      base,
      nginxConfig(folders, { sitesDir: path.join(out, 'sites'), listen: `127.0.0.1:${pathPort}` }),
      pathPort,
    );
  }, 120_000);

  afterAll(() => {
    pathProc?.kill('SIGTERM');
  });

  it('serves each school under its path with its links, assets and 404 page', async () => {
    const home = await at('/alpha/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Trường Trung học cơ sở Alpha</title>');
    // Every root-relative link of the page stays inside the school.
    const links = [...home.body.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !l.startsWith('/alpha/'))).toEqual([]);
    expect((await at('/alpha/tin-tuc/le-khai-giang/')).status).toBe(200);
    const css = /href="(\/alpha\/_astro\/[^"]+\.css)"/.exec(home.body)![1]!;
    const asset = await at(css);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await at('/alpha/khong-co/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Trường Trung học cơ sở Alpha');
    expect((await at('/beta/')).body).toContain('<title>Trường Tiểu học Beta</title>');
    expect((await at('/')).body).toContain('<title>Phòng Giáo dục và Đào tạo huyện Thử Nghiệm</title>');
  });

  it('gives feeds, sitemaps and the search index the prefixed addresses', async () => {
    const feed = (await at('/alpha/rss.xml')).body;
    expect(feed).toContain(`<link>https://${HOST}/alpha/</link>`);
    expect(feed).toContain(`https://${HOST}/alpha/tin-tuc/le-khai-giang/`);
    expect((await at('/alpha/sitemap.xml')).body).toContain(`<loc>https://${HOST}/alpha/</loc>`);
    const search = (await at('/alpha/tim-kiem/')).body;
    expect(search).toContain('data-pagefind-bundle="/alpha/pagefind/pagefind.js"');
    const fragments = await readdir(path.join(out, 'sites', `${HOST}+alpha`, 'pagefind', 'fragment'));
    const fragment = JSON.parse(
      gunzipSync(
        await readFile(
          path.join(
            out,
            'sites',
            `${HOST}+alpha`,
            'pagefind',
            'fragment',
            fragments.find((f) => f.endsWith('.pf_fragment'))!,
          ),
        ),
      )
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as { url: string };
    expect(fragment.url.startsWith('/alpha/')).toBe(true);
    // The school's index is cached like a school's on its own domain.
    const cached = await at(`/alpha/pagefind/fragment/${fragments.find((f) => f.endsWith('.pf_fragment'))!}`);
    expect(cached.status).toBe(200);
    expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const script = await at('/alpha/pagefind/pagefind.js');
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=300');
    expect(search).toMatch(/<link rel="preload" href="\/alpha\/pagefind\/pagefind\.[a-z0-9_-]+\.pf_meta"/);
  });
});
