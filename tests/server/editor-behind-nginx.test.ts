/**
 * The publishing server as a hosting unit runs it: behind a real nginx (Debian package) on
 * 127.0.0.1 with the server block `editorNginxConfig` writes, at the editor's own host name. A
 * teacher logs in and saves through nginx (with HTTP requests, then in Chromium); the request for another host name never reaches the
 * server. The systemd unit runs the server as an unprivileged user with a read-only system.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/decap-backend.ts';
import { editorNginxConfig, systemdUnit } from '../../src/hosting/editor-service.ts';
import { PASSWORD, requestVia, startTestHost, type TestHost } from './server-host.ts';

const NGINX = '/usr/sbin/nginx';
const NAME = 'soanbai.thunghiem.edu.vn';
let host: TestHost;
let nginx: ChildProcess | undefined;
let port: number;
/** The editor's address as teachers type it (nginx on a free port here, 443 in production). */
let origin: string;

/** A request to nginx as a browser at https://soanbai… would send it. */
const request = (method: string, urlPath: string, headers: Record<string, string> = {}, body?: string) =>
  requestVia(port, NAME, method, urlPath, headers, body);

beforeAll(async () => {
  port = await freePort();
  origin = `http://${NAME}:${port}`;
  host = await startTestHost('2026-12-02T08:30', origin);
  const prefix = path.join(host.dir, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  const block = editorNginxConfig({ serverName: NAME, port: host.server.port, https: false, listen: `127.0.0.1:${port}` });
  await writeFile(
    conf,
    `user root;\ndaemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n  client_body_temp_path ${prefix}/tmp;\n  proxy_temp_path ${prefix}/tmp;\n  fastcgi_temp_path ${prefix}/tmp;\n  uwsgi_temp_path ${prefix}/tmp;\n  scgi_temp_path ${prefix}/tmp;\n${block}\n}\n`,
  );
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  expect(test.status, test.stderr).toBe(0);
  nginx = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nginx did not start');
}, 120_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  await host?.close();
});

describe('the editor behind nginx', () => {
  it('logs a teacher in and publishes a save made through nginx', async () => {
    const form = await request('GET', '/login');
    expect(form.status).toBe(200);
    const loginCookie = String(form.headers['set-cookie']?.[0]).split(';')[0]!;
    const token = /name="csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const logged = await request(
      'POST',
      '/login',
      { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie, Origin: origin },
      new URLSearchParams({ csrf: token, login: 'gv.beta', password: PASSWORD }).toString(),
    );
    expect(logged.status).toBe(303);
    expect(logged.headers.location).toBe('/s/beta/');
    const cookie = logged.headers['set-cookie']!.find((c) => c.startsWith('ct_session='))!.split(';')[0]!;
    const dashboard = await request('GET', '/s/beta/', { Cookie: cookie });
    const csrf = /name="csrf" value="([^"]+)"/.exec(dashboard.body)![1]!;
    const raw = `---\ntitle: Lịch thi học kỳ I\ndate: 2026-12-02\ncategory: thong-bao\n---\nLịch thi.\n`;
    const saved = await request(
      'POST',
      '/s/beta/api/v1',
      { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, Origin: origin },
      JSON.stringify({
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path: 'news/2026-12-02-lich-thi.md', raw }],
          assets: [],
          options: { commitMessage: 'Create' },
        },
      }),
    );
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.body).message).toBe('Đã đăng lúc 08:30: https://beta.thunghiem.edu.vn/');
    expect(await readFile(path.join(host.out, 'sites/beta.thunghiem.edu.vn/tin-tuc/2026-12-02-lich-thi/index.html'), 'utf8')).toContain(
      'Lịch thi học kỳ I',
    );
  });

  it('refuses a change whose Origin is another site, even through nginx', async () => {
    const res = await request(
      'POST',
      '/logout',
      { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      'csrf=x',
    );
    expect(res.status).toBe(403);
  });
});

describe('the editor behind nginx, in Chromium', () => {
  it('logs a teacher in at the editor’s address and publishes from the editor', async () => {
    // The editor's host name resolves to nginx on 127.0.0.1, as DNS would point it at the server.
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      // Over plain HTTP a host name is not a secure context, which Decap CMS needs (production
      // uses HTTPS): the test address is treated as secure, as https://soanbai… would be.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
        `--unsafely-treat-insecure-origin-as-secure=${origin}`,
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      await page.waitForURL(`${origin}/login`);
      await page.getByLabel('Tên đăng nhập').fill('gv.alpha');
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(`${origin}/s/alpha/`);
      await page.goto(`${origin}/s/alpha/admin/#/collections/news/entries/le-khai-giang`);
      const title = page.locator('input').first();
      await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toContain('Lễ khai giảng');
      await title.fill('Khai giảng qua nginx');
      await page.getByText('Công bố', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
      const status = page.locator('#ct-status');
      await status.filter({ hasText: /Đã đăng|Chưa đăng/ }).waitFor({ timeout: 60_000 });
      expect(await status.innerText()).toContain('Đã đăng lúc 08:30: https://alpha.thunghiem.edu.vn/');
      const online = await readFile(path.join(host.out, 'sites/alpha.thunghiem.edu.vn/tin-tuc/le-khai-giang/index.html'), 'utf8');
      expect(online).toContain('Khai giảng qua nginx');
    } finally {
      await browser.close();
    }
  });
});

describe('service files', () => {
  it('runs the server as an unprivileged user that can write only the content, the sites and its database', () => {
    const unit = systemdUnit({ serverName: NAME });
    expect(unit).toContain('User=congtruong');
    expect(unit).toContain('NoNewPrivileges=yes');
    expect(unit).toContain('ProtectSystem=strict');
    expect(unit).toMatch(
      /^ReadWritePaths=\/srv\/congtruong\/content \/srv\/congtruong\/dist \/var\/lib\/congtruong -\/srv\/congtruong\/\.cache /m,
    );
    expect(unit).toContain(`--host 127.0.0.1 --port 8080 --public-url https://${NAME}`);
  });

  it('writes a TLS server block that redirects plain HTTP', () => {
    const conf = editorNginxConfig({ serverName: NAME });
    expect(conf).toContain('return 301 https://$host$request_uri;');
    expect(conf).toContain(`ssl_certificate /etc/letsencrypt/live/${NAME}/fullchain.pem;`);
    expect(conf).toContain('proxy_pass http://127.0.0.1:8080;');
    expect(conf).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(() => editorNginxConfig({ serverName: 'a.vn; include /etc/passwd' })).toThrow();
  });
});
