/**
 * The generated nginx configuration, served by a real nginx (Debian package) on 127.0.0.1:
 * each domain gets its own school, with security headers, precompressed files, long caching of
 * hashed assets and the site's own 404 page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/build/build-sites.ts';
import { nginxConfig } from '../../src/hosting/nginx.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const NGINX = '/usr/sbin/nginx';
let proc: ChildProcess;
let port: number;

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
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, headers: { Host: host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  const base = await tempDir('congtruong-nginx-');
  const out = path.join(base, 'dist');
  await buildSites({ contentDir: path.join(FIXTURES, 'content', 'basic'), outDir: out, date: '2026-11-23' });
  port = await freePort();
  const sites = ['alpha.thunghiem.edu.vn', 'beta.thunghiem.edu.vn', 'pgd.thunghiem.edu.vn'];
  const servers = nginxConfig(sites, { sitesDir: path.join(out, 'sites'), listen: `127.0.0.1:${port}`, https: true });
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
  proc = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
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
