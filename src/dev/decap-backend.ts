/**
 * Decap CMS's local backend: `decap-server` (the package's own proxy server) in a child
 * process bound to 127.0.0.1, with the school's folder as its repository. The preview
 * forwards `/api/v1` to it so that the editor talks to one origin. It runs in its own
 * process because it configures itself from environment variables and loads Express.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface DecapBackend {
  port: number;
  /** Forwards one `/api/v1` request. */
  forward(req: IncomingMessage, res: ServerResponse): void;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startDecapBackend(schoolDir: string, log: (line: string) => void): Promise<DecapBackend> {
  const entry = createRequire(import.meta.url).resolve('decap-server');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry], {
    // The working directory matters: decap-server reads a `.env` file from it.
    cwd: path.dirname(entry),
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      MODE: 'fs',
      GIT_REPO_DIRECTORY: schoolDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log(`[decap-server] ${d.toString().trim()}`));
  child.stderr?.on('data', (d: Buffer) => log(`[decap-server] ${d.toString().trim()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntilUp(port, exited);
  return {
    port,
    forward(req, res) {
      const upstream = http.request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (err) => {
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `Máy chủ soạn nội dung (decap-server) không trả lời: ${err.message}` }));
      });
      req.pipe(upstream);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Polls the backend's `info` action until it answers (it takes ~0.5 s to load Express). */
async function waitUntilUp(port: number, exited: Promise<void>): Promise<void> {
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !dead) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(dead ? 'decap-server exited during start-up.' : 'decap-server did not start within 15 s.');
}
