/**
 * Save-to-online latency of the publishing server (issue 19): the synthetic host of `npm run
 * bench` (100 schools × 200 news by default) or a copy of a content folder, as a git repository,
 * `congtruong serve` started in this process on 127.0.0.1, an editor account, then N edits of
 * one news item's title through the editor's API, one every 1.5 s (a teacher does not save twice
 * a second). The time of each save is measured from the request to the answer, which comes after
 * the school is validated, committed, rebuilt and published. Prints the median and the 95th
 * percentile, and the server's own log line of each save (validation, git, build).
 *
 * `--mode warm` (default) renders saves in the warm renderer; `worker` renders them in a fresh
 * Astro process loaded ahead (the server before the warm renderer); `cold` in a process started
 * for the save.
 *
 * Usage: node scripts/bench-serve.ts [--schools 100] [--news 200] [--content content --school thcs-le-loi]
 *        [--edits 20] [--mode warm|worker|cold]
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ServerDatabase } from '../src/server/accounts.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { startServer } from '../src/server/server.ts';
import { generateSyntheticHost } from './synthetic-host.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    schools: { type: 'string', default: '100' },
    news: { type: 'string', default: '200' },
    school: { type: 'string' },
    edits: { type: 'string', default: '20' },
    mode: { type: 'string', default: 'warm' },
  },
});
if (!['warm', 'worker', 'cold'].includes(values.mode)) throw new Error(`--mode is warm, worker or cold, not ${values.mode}.`);
const school = values.school ?? (values.content ? 'thcs-le-loi' : 'truong-0001');
const PASSWORD = 'mat-khau-do-hieu-nang';
const dir = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-serve-'));
try {
  const content = path.join(dir, 'content');
  if (values.content) await cp(path.resolve(values.content), content, { recursive: true });
  else await generateSyntheticHost(content, Number(values.schools), Number(values.news));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '-A');
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.edu.vn', 'commit', '--quiet', '-m', 'Nội dung ban đầu');
  const database = path.join(dir, 'data', 'congtruong.db');
  const db = new ServerDatabase(database);
  db.addUser({ login: 'gv.bench', name: 'Giáo viên', email: 'gv@example.edu.vn', role: 'editor', school }, await hashPassword(PASSWORD));
  db.close();
  const lines: string[] = [];
  const server = await startServer({
    contentDir: content,
    outDir: path.join(dir, 'dist'),
    database,
    port: 0,
    warmWorker: values.mode !== 'cold',
    warmRender: values.mode === 'warm',
    log: (l) => {
      // Saves, the warm renderer's count of pages rendered and reused, and the host portal's
      // refreshes that run between saves.
      if (/^(save |Cổng đơn vị chủ quản)|: dựng \d+ trang, dùng lại/.test(l)) lines.push(l);
    },
  });
  let t = performance.now();
  await server.publisher.idle();
  console.log(`Start-up build: ${Math.round(performance.now() - t)} ms`);
  // The first save must not wait for the theme to compile: it compiles during the start-up build.
  await server.publisher.warmReady();

  // Log in as a browser does: the login form's token, then the session's CSRF token.
  const form = await fetch(`${server.url}/login`);
  const loginCookie = form.headers.getSetCookie()[0]!.split(';')[0]!;
  const token = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const logged = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
    body: new URLSearchParams({ csrf: token, login: 'gv.bench', password: PASSWORD }).toString(),
  });
  const cookie = logged.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('ct_session='))!;
  const dashboard = await (await fetch(`${server.url}/s/${school}/`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(dashboard)![1]!;

  const newsDir = path.join(content, 'schools', school, 'news');
  const rel = `news/${(await readdir(newsDir)).filter((f) => f.endsWith('.md')).sort()[0]}`;
  const raw = await readFile(path.join(content, 'schools', school, rel), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < Number(values.edits); i++) {
    await new Promise((r) => setTimeout(r, 1500));
    t = performance.now();
    const res = await fetch(`${server.url}/s/${school}/api/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path: rel, raw: raw.replace(/^title: .*$/m, `title: Tin đo hiệu năng lần ${i + 1}`) }],
          assets: [],
          options: { commitMessage: `Bench edit ${i + 1}` },
        },
      }),
    });
    const body = (await res.json()) as { publication?: { ok: boolean; message: string } };
    times.push(performance.now() - t);
    if (!body.publication?.ok) console.log(`Edit ${i + 1} not published: ${JSON.stringify(body)}`);
  }
  await server.stop();
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
  console.log(
    `Save-to-online (${{ warm: 'warm renderer', worker: 'Astro worker loaded ahead', cold: 'no worker loaded ahead' }[values.mode]}), ${times.length} edits of ${school} (${values.content ?? `synthetic ${values.schools} × ${values.news}`}): median ${q(0.5)} ms, 95th percentile ${q(0.95)} ms`,
  );
  console.log(
    `Each: ${times.map((x) => Math.round(x)).join(' ')} ms; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(lines.join('\n'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
