/**
 * `congtruong serve` killed with SIGKILL in the middle of a save, as a real child process: before
 * the commit (the files are written, the school not yet recorded) and after it (while the school
 * is rebuilt). Either way the content repository is consistent after a restart (nothing half
 * committed, nothing left uncommitted), the published site is entirely old or entirely new, and
 * the restarted server carries on: the next save is published.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/decap-backend.ts';
import { api, git, login, startTestHost, type TestHost } from './server-host.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let host: TestHost;
let child: ChildProcess | undefined;
let output = '';
let base = '';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const journal = () => path.join(host.dir, 'data', 'congtruong-serve-state', 'save-in-progress.json');
const head = () => readFile(path.join(host.content, '.git', 'refs', 'heads', 'main'), 'utf8').then((s) => s.trim());
const site = () => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn');

async function startChild(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  output = '';
  child = spawn(
    path.join(ROOT, 'node_modules/.bin/node'),
    ['bin/congtruong.mjs', 'serve', '--content', host.content, '--out', host.out, '--db', host.database, '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Máy chủ soạn bài đang chạy')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kill(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child!.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** Sends a save and kills the server as soon as `when` holds; the save's answer is lost. */
async function saveAndKillWhen(rel: string, title: string, when: () => Promise<boolean>): Promise<void> {
  const session = (await login(base, 'gv.alpha')).session!;
  const raw = `---\ntitle: ${title}\ndate: 2026-12-01\ncategory: thong-bao\n---\nNội dung.\n`;
  const sent = api(base, session, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: 'x', path: rel, raw }],
    assets: [],
    options: { commitMessage: title },
  });
  sent.catch(() => {});
  const deadline = Date.now() + 60_000;
  while (!(await when())) {
    if (Date.now() > deadline) throw new Error(`The moment to kill never came:\n${output}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await kill();
}

/** The published home page is one whole site: the old one or the new one, never a mix or nothing. */
async function siteIsWhole(): Promise<string> {
  const home = await readFile(path.join(site(), 'index.html'), 'utf8');
  expect(home).toContain('</html>');
  expect(await exists(path.join(site(), 'sitemap.xml'))).toBe(true);
  return home;
}

beforeAll(async () => {
  // Accounts, repository and a first published site from the in-process host, then stopped:
  // from here on the server runs as a command that can be killed.
  host = await startTestHost();
  await host.server.stop();
  await startChild();
}, 180_000);

afterAll(async () => {
  await kill();
  const { rm } = await import('node:fs/promises');
  if (host) await rm(host.dir, { recursive: true, force: true });
});

describe('a server killed during a save', () => {
  it('before the commit: the restart puts the files back, and the site is the old one', async () => {
    const before = git(host.content, 'rev-parse', 'HEAD').trim();
    const homeBefore = await readFile(path.join(site(), 'index.html'), 'utf8');
    // Killed once the file is written and before it is committed (while the school is validated).
    const file = path.join(host.content, 'schools/alpha/news/2026-12-01-bi-ngat.md');
    await saveAndKillWhen('news/2026-12-01-bi-ngat.md', 'Tin bị ngắt trước khi ghi', () => exists(file));
    expect(await exists(journal())).toBe(true);
    await startChild();
    expect(output).toContain('Đã hoàn tác một lần lưu bị gián đoạn: schools/alpha/news/2026-12-01-bi-ngat.md');
    expect(git(host.content, 'status', '--porcelain')).toBe('');
    expect(git(host.content, 'rev-parse', 'HEAD').trim()).toBe(before);
    expect(await exists(path.join(host.content, 'schools/alpha/news/2026-12-01-bi-ngat.md'))).toBe(false);
    expect(await siteIsWhole()).toBe(homeBefore);
  }, 180_000);

  it('after the commit: the change is kept, and the restart publishes it', async () => {
    const before = await head();
    await saveAndKillWhen(
      'news/2026-12-01-da-ghi.md',
      'Tin đã ghi trước khi ngắt',
      async () => (await head().catch(() => before)) !== before,
    );
    await siteIsWhole();
    await startChild();
    expect(git(host.content, 'status', '--porcelain')).toBe('');
    expect(git(host.content, 'log', '-1', '--format=%an|%s').trim()).toBe('Trần Thị Alpha|Tin đã ghi trước khi ngắt');
    // The start-up build publishes what was committed but not yet online.
    const page = path.join(site(), 'tin-tuc', '2026-12-01-da-ghi', 'index.html');
    const deadline = Date.now() + 90_000;
    while (!(await exists(page)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await readFile(page, 'utf8')).toContain('Tin đã ghi trước khi ngắt');
    await siteIsWhole();
  }, 180_000);

  it('carries on after the restarts: the next save is published', async () => {
    const session = (await login(base, 'gv.alpha')).session!;
    const raw = `---\ntitle: Tin sau khi khởi động lại\ndate: 2026-12-01\ncategory: thong-bao\n---\nNội dung.\n`;
    const res = await api(base, session, 'alpha', 'persistEntry', {
      dataFiles: [{ slug: 'x', path: 'news/2026-12-01-sau-khoi-dong.md', raw }],
      assets: [],
      options: { commitMessage: 'Create' },
    });
    expect(res.status).toBe(200);
    expect(String(res.body.message)).toMatch(/^Đã đăng lúc \d\d:\d\d: https:\/\/alpha\.thunghiem\.edu\.vn\/$/);
    expect(await readFile(path.join(site(), 'tin-tuc', '2026-12-01-sau-khoi-dong', 'index.html'), 'utf8')).toContain(
      'Tin sau khi khởi động lại',
    );
  }, 180_000);
});
