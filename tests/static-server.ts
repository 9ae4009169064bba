/** A real HTTP server on 127.0.0.1 serving a built site folder, for browser tests. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `options.cacheControl` gives a file its `Cache-Control` by URL path (as nginx would, e.g.
 * `cacheControlFor` of src/hosting/nginx.ts); `options.log` receives the path of every request
 * the server answers (what the browser did not find in its cache).
 */
export async function serveFolder(
  root: string,
  options: { cacheControl?: (urlPath: string) => string | undefined; log?: (urlPath: string) => void } = {},
): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    const st = await stat(file).catch(() => null);
    if (st?.isDirectory()) file = path.join(file, 'index.html');
    const ok = await stat(file).catch(() => null);
    if (!ok) {
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      return void createReadStream(path.join(root, '404.html'))
        .on('error', () => res.end())
        .pipe(res);
    }
    options.log?.(pathname);
    const cache = options.cacheControl?.(pathname);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...(cache ? { 'Cache-Control': cache } : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
