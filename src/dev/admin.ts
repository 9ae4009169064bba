/**
 * The browser editor at `/admin/`: Decap CMS served from node_modules (never a CDN), its
 * `config.yml` generated from our schemas for this school, and `/api/v1` forwarded to the
 * local backend. The backend writes files, so it answers only requests from this computer,
 * even when the preview listens on the network (`--host 0.0.0.0`).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { cmsConfigYaml } from './cms-config.ts';
import type { DecapBackend } from './decap-backend.ts';
import { disclosureYears } from './school-content.ts';
import { DECAP_LOCALE_SCRIPT } from './decap-locale.ts';

const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve('decap-cms'));

export interface AdminOptions {
  schoolDir: string;
  schoolName: () => string | undefined;
  backend: () => Promise<DecapBackend | undefined>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function adminHtml(schoolName: string | undefined): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Soạn nội dung${schoolName ? ` – ${esc(schoolName)}` : ''}</title>
<link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="/admin/decap-cms.js"></script>
${DECAP_LOCALE_SCRIPT}
</body>
</html>`;
}

function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

/**
 * Requests that write files must come from the editor page itself. A loopback address is not
 * enough: any web page open in the teacher's browser can send requests to 127.0.0.1 (cross-site
 * request forgery), and a rebound DNS name can make it look same-origin. So the Host must be a
 * loopback name and a browser's Origin, when sent, must be this server.
 */
function isFromEditor(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(hostname)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin';
}

/** Handles `/admin/…` and `/api/v1`; returns false for other paths. */
export async function handleAdmin(opts: AdminOptions, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (urlPath === '/api/v1/' || urlPath === '/api/v1') {
    const backend = await opts.backend();
    if (!isLoopback(req) || !isFromEditor(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Chỉ soạn nội dung được trên chính máy chạy congtruong dev (127.0.0.1).');
    } else if (!backend) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Trình soạn nội dung đang tắt (congtruong dev --no-cms).');
    } else backend.forward(req, res);
    return true;
  }
  if (urlPath === '/admin') {
    res.writeHead(301, { Location: '/admin/' });
    res.end();
    return true;
  }
  if (!urlPath.startsWith('/admin/')) return false;
  const name = urlPath.slice('/admin/'.length);
  if (name === '' || name === 'index.html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(adminHtml(opts.schoolName()));
    return true;
  }
  if (name === 'config.yml') {
    // The editor's address is what the browser used, so the backend URL always matches it.
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const yaml = cmsConfigYaml({ origin, disclosureYears: await disclosureYears(opts.schoolDir), schoolName: opts.schoolName() });
    res.writeHead(200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(yaml);
    return true;
  }
  // The bundle and the chunks and WebAssembly files it loads next to itself.
  if (/^[\w.-]+\.(js|wasm)$/.test(name)) {
    const abs = path.join(DECAP_DIST, name);
    const st = await stat(abs).catch(() => null);
    if (st?.isFile()) {
      res.writeHead(200, {
        'Content-Type': name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8',
        'Content-Length': st.size,
        'Cache-Control': 'max-age=3600',
      });
      createReadStream(abs).pipe(res);
      return true;
    }
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Không tìm thấy.');
  return true;
}
