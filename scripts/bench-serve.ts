/**
 * Save-to-online latency of the publishing server (issue 19): a copy of a content folder as a git
 * repository, `congtruong serve` started in this process on 127.0.0.1, an editor account, then
 * N edits of one news item's title through the editor's API, one every 1.5 s (a teacher does not
 * save twice a second). The time of each save is measured from the request to the answer, which
 * comes after the school is validated, committed, rebuilt and published. Prints the median and
 * the 95th percentile, and the server's own log line of each save (validation, git, build).
 *
 * Usage: node scripts/bench-serve.ts [--content content] [--school thcs-le-loi] [--edits 8] [--cold]
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ServerDatabase } from '../src/server/accounts.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { startServer } from '../src/server/server.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    school: { type: 'string', default: 'thcs-le-loi' },
    edits: { type: 'string', default: '8' },
    cold: { type: 'boolean', default: false },
  },
});
const PASSWORD = 'mat-khau-do-hieu-nang';
const dir = await mkdtemp(path.join(os.tmpdir(), 'congtruong-bench-serve-'));
try {
  const content = path.join(dir, 'content');
  await cp(path.resolve(values.content), content, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: content, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '-A');
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.edu.vn', 'commit', '--quiet', '-m', 'Nội dung ban đầu');
  const database = path.join(dir, 'data', 'congtruong.db');
  const db = new ServerDatabase(database);
  db.addUser(
    { login: 'gv.bench', name: 'Giáo viên', email: 'gv@example.edu.vn', role: 'editor', school: values.school },
    await hashPassword(PASSWORD),
  );
  db.close();
  const lines: string[] = [];
  const server = await startServer({
    contentDir: content,
    outDir: path.join(dir, 'dist'),
    database,
    port: 0,
    warmWorker: !values.cold,
    log: (l) => {
      if (/^save /.test(l)) lines.push(l);
    },
  });
  let t = performance.now();
  await server.publisher.idle();
  console.log(`Start-up build: ${Math.round(performance.now() - t)} ms`);

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
  const dashboard = await (await fetch(`${server.url}/s/${values.school}/`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(dashboard)![1]!;

  const newsDir = path.join(content, 'schools', values.school, 'news');
  const rel = `news/${(await readdir(newsDir)).filter((f) => f.endsWith('.md')).sort()[0]}`;
  const raw = await readFile(path.join(content, 'schools', values.school, rel), 'utf8');
  const times: number[] = [];
  for (let i = 0; i < Number(values.edits); i++) {
    await new Promise((r) => setTimeout(r, 1500));
    t = performance.now();
    const res = await fetch(`${server.url}/s/${values.school}/api/v1`, {
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
    `Save-to-online (${values.cold ? 'no worker loaded ahead' : 'Astro worker loaded ahead'}), ${times.length} edits of ${values.school}: median ${q(0.5)} ms, 95th percentile ${q(0.95)} ms`,
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
