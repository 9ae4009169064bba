/**
 * Real HTTP servers on 127.0.0.1 for the ranking tests: fixture school sites (with gzip,
 * brotli or windows-1258 on the wire) and hostile servers that misbehave on purpose.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import type { FixtureSite } from '../fixtures/ranking/sites.ts';

export interface TestServer {
  /** `127.0.0.1:PORT` */
  host: string;
  url: string;
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server, scheme = 'http'): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  return {
    host: `127.0.0.1:${port}`,
    url: `${scheme}://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * windows-1258 keeps the vowels with circumflex, breve and horn precomposed and writes tone
 * marks as combining characters: decompose, then recompose only the vowel modifiers.
 */
export function toWindows1258(text: string): Buffer {
  const partial = text
    .normalize('NFD')
    .replace(
      /([A-Za-z])(\u0323?)([\u0302\u0306\u031B])/g,
      (_, base: string, dot: string, mod: string) => `${(base + mod).normalize('NFC')}${dot}`,
    );
  return iconv.encode(partial, 'windows-1258');
}

const TYPES: [RegExp, string][] = [
  [/\.pdf$/, 'application/pdf'],
  [/\.(png|gif)$/, 'image/png'],
  [/\.xml$/, 'application/xml'],
  [/robots\.txt$/, 'text/plain'],
  [/\/feeds?\/$/, 'application/rss+xml'],
];

export function serveFixture(site: FixtureSite): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = site.files[p];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<html lang="vi"><body><h1>404</h1></body></html>');
    }
    const type = TYPES.find(([re]) => re.test(p))?.[1] ?? 'text/html';
    let bytes = typeof body === 'string' ? (site.charset && type === 'text/html' ? toWindows1258(body) : Buffer.from(body)) : body;
    const headers: Record<string, string> = { 'content-type': type === 'text/html' && !site.charset ? 'text/html; charset=utf-8' : type };
    if (site.encoding) {
      bytes = site.encoding === 'gzip' ? zlib.gzipSync(bytes) : zlib.brotliCompressSync(bytes);
      headers['content-encoding'] = site.encoding;
    }
    res.writeHead(200, headers);
    res.end(bytes);
  });
  return listen(server);
}

export type HostileKind = 'slow' | 'drip' | 'redirect-loop' | 'huge' | 'error-500';

export function serveHostile(kind: HostileKind): Promise<TestServer> {
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/robots.txt' && kind !== 'error-500' && kind !== 'redirect-loop') return void res.writeHead(404).end();
    switch (kind) {
      case 'slow': // headers after a long time
        return void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>late</h1>'), 20_000).unref();
      case 'drip': {
        // headers at once, then one byte every 100 ms, forever
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => res.write('a'), 100);
        res.on('close', () => clearInterval(t));
        return;
      }
      case 'redirect-loop': {
        const n = Number(/\d+/.exec(p)?.[0] ?? 0) + 1;
        return void res.writeHead(302, { location: `/r${n}` }).end();
      }
      case 'huge': {
        // 50 MB of HTML without Content-Length
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const write = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        return write();
      }
      case 'error-500':
        return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    }
  });
  return listen(server);
}

/** An HTTPS server with a self-signed certificate (made with openssl), for the `tls` status. */
export function serveSelfSigned(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rank-tls-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
    { stdio: 'ignore' },
  );
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end('<h1>ok</h1>'));
  rmSync(dir, { recursive: true, force: true });
  return listen(server, 'https');
}
