/**
 * A small hosting unit for the publishing server's tests: the `basic` fixture (schools alpha
 * and beta, the host) as a git repository in a temporary folder, an accounts database with an
 * editor per school and an administrator, and the server running for real on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { ServerDatabase } from '../../src/server/accounts.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/server.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

export const PASSWORD = 'mat-khau-thu-nghiem';

export interface TestHost {
  dir: string;
  content: string;
  out: string;
  database: string;
  server: RunningServer;
  /** Moves the server's clock (Vietnam local `YYYY-MM-DDTHH:mm`). */
  setClock(vietnamLocal: string): void;
  close(): Promise<void>;
}

export const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

export async function startTestHost(
  clockAt = '2026-12-02T09:00',
  publicUrl?: string,
  extra: Partial<Pick<ServeOptions, 'oidc' | 'hostRefreshMs' | 'hostRefreshMaxMs' | 'log'>> = {},
): Promise<TestHost> {
  const dir = await tempDir('congtruong-serve-');
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'dist');
  const database = path.join(dir, 'data', 'congtruong.db');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
  // The fixture's invalid school would only add noise to the host's reports.
  await rm(path.join(content, 'schools', 'broken'), { recursive: true });
  git(content, 'init', '--quiet', '--initial-branch=main');
  git(content, 'add', '-A');
  git(content, '-c', 'user.name=Host', '-c', 'user.email=host@example.edu.vn', 'commit', '--quiet', '-m', 'Nội dung ban đầu');
  const db = new ServerDatabase(database);
  const hash = await hashPassword(PASSWORD);
  db.addUser({ login: 'gv.alpha', name: 'Trần Thị Alpha', email: 'alpha@thunghiem.edu.vn', role: 'editor', school: 'alpha' }, hash);
  db.addUser({ login: 'gv.beta', name: 'Lê Văn Beta', email: 'beta@thunghiem.edu.vn', role: 'editor', school: 'beta' }, hash);
  db.addUser({ login: 'quantri', name: 'Nguyễn Văn Phòng', email: 'pgd@thunghiem.edu.vn', role: 'admin' }, hash);
  db.close();
  let clock = new Date(`${clockAt}:00+07:00`);
  const server = await startServer({
    contentDir: content,
    outDir: out,
    database,
    port: 0,
    publicUrl,
    clock: () => clock,
    pollMs: 100,
    ...extra,
    // CONGTRUONG_TEST_SERVER_LOG=<file> keeps the server's log lines, to see why a test failed.
    log:
      extra.log ??
      (process.env.CONGTRUONG_TEST_SERVER_LOG ? (l) => appendFileSync(process.env.CONGTRUONG_TEST_SERVER_LOG!, `${l}\n`) : () => {}),
  });
  await server.publisher.idle();
  return {
    dir,
    content,
    out,
    database,
    server,
    setClock(at) {
      clock = new Date(`${at}:00+07:00`);
    },
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A logged-in browser session: its cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, user: string, password = PASSWORD): Promise<{ status: number; session?: Session; html: string }> {
  const page = await fetch(`${base}/login`);
  const loginCookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
  const token = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
    body: new URLSearchParams({ csrf: token, login: user, password }).toString(),
  });
  if (res.status !== 303) return { status: res.status, html: await res.text() };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('ct_session='))!;
  const dashboard = await fetch(new URL(res.headers.get('location')!, base), { headers: { Cookie: cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await dashboard.text())![1]!;
  return { status: res.status, session: { cookie, csrf }, html: '' };
}

/** One request to a school's editor API, as the editor page sends it. */
export async function api(
  base: string,
  session: Session,
  school: string,
  action: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> & { error?: string } }> {
  const res = await fetch(`${base}/s/${school}/api/v1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Cookie: session.cookie, 'X-CSRF-Token': session.csrf, ...headers },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: string } };
}

/** An answer of `requestVia`. */
export interface ViaAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request to 127.0.0.1:`port` (nginx in front of the server) as a browser at `hostName`
 * would send it: the Host header names the site or the editor, not the address connected to.
 */
export function requestVia(
  port: number,
  hostName: string,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<ViaAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: { Host: `${hostName}:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
