/**
 * `congtruong nginx --editor …` (issue 19): one configuration for the published sites and the
 * editor of `congtruong serve`. The editor's block is the very block `serve --print nginx`
 * prints; the TLS version passes `nginx -t` with a certificate; a real nginx on 127.0.0.1 with
 * the generated configuration serves a school's static site itself and proxies the editor's host
 * name to a real server, where a teacher logs in.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/decap-backend.ts';
import { PASSWORD, requestVia, startTestHost, type TestHost } from './server-host.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NGINX = '/usr/sbin/nginx';
const EDITOR = 'soanbai.thunghiem.edu.vn';
let host: TestHost;
let nginx: ChildProcess | undefined;
let port: number;
let prefix: string;

const congtruong = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['bin/congtruong.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });

/** A whole nginx.conf around the generated configuration (which belongs in the `http` context). */
async function nginxConf(name: string, generated: string): Promise<string> {
  const conf = path.join(prefix, name);
  await writeFile(
    conf,
    `user root;\ndaemon off;\nworker_processes 1;\npid ${prefix}/${name}.pid;\nerror_log ${prefix}/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${prefix}/tmp;\n  proxy_temp_path ${prefix}/tmp;\n  fastcgi_temp_path ${prefix}/tmp;\n  uwsgi_temp_path ${prefix}/tmp;\n  scgi_temp_path ${prefix}/tmp;\n${generated}\n}\n`,
  );
  return conf;
}

const request = (hostName: string, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string) =>
  requestVia(port, hostName, method, urlPath, headers, body);

beforeAll(async () => {
  port = await freePort();
  host = await startTestHost('2026-12-02T08:30', `http://${EDITOR}:${port}`);
  prefix = path.join(host.dir, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await mkdir(path.join(prefix, 'tmp'), { recursive: true });
}, 300_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  await host?.close();
});

describe('congtruong nginx --editor', () => {
  it('appends exactly the block that serve --print nginx prints', () => {
    const served = congtruong('serve', '--print', 'nginx', '--public-url', `https://${EDITOR}`, '--port', '8088');
    expect(served.status, served.stderr).toBe(0);
    const all = congtruong('nginx', '--sites', path.join(host.out, 'sites'), '--editor', EDITOR, '--editor-port', '8088');
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toContain('server_name alpha.thunghiem.edu.vn;');
    expect(all.stdout.endsWith(`\n${served.stdout}`)).toBe(true);
    expect(served.stdout).toContain('proxy_pass http://127.0.0.1:8088;');
    expect(served.stdout).toContain(`ssl_certificate /etc/letsencrypt/live/${EDITOR}/fullchain.pem;`);
  });

  it('writes a TLS configuration that nginx accepts', async () => {
    const tls = path.join(prefix, 'tls');
    await mkdir(tls, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${EDITOR}`,
        '-keyout',
        `${tls}/key.pem`,
        '-out',
        `${tls}/cert.pem`,
      ],
      { stdio: 'ignore' },
    );
    const out = congtruong(
      'nginx',
      '--sites',
      path.join(host.out, 'sites'),
      '--listen',
      `127.0.0.1:${port}`,
      '--editor',
      EDITOR,
      '--editor-port',
      String(host.server.port),
      '--editor-cert',
      `${tls}/cert.pem`,
      '--editor-key',
      `${tls}/key.pem`,
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('listen 443 ssl http2;');
    expect(out.stdout).toContain(`ssl_certificate ${tls}/cert.pem;`);
    const conf = await nginxConf('tls.conf', out.stdout);
    const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    expect(test.stderr).toContain('syntax is ok');
  });

  it('refuses a host name that would write directives of its own, and a bad port', () => {
    const bad = congtruong('nginx', '--sites', path.join(host.out, 'sites'), '--editor', 'a.vn; include /etc/passwd');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--editor cần tên máy của trang soạn bài');
    const badPort = congtruong('nginx', '--sites', path.join(host.out, 'sites'), '--editor', EDITOR, '--editor-port', '70000');
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--editor-port phải là số từ 1 đến 65535');
  });

  it('serves the sites and proxies the editor to a real server, with one nginx', async () => {
    const out = congtruong(
      'nginx',
      '--sites',
      path.join(host.out, 'sites'),
      '--listen',
      `127.0.0.1:${port}`,
      '--editor',
      EDITOR,
      '--editor-port',
      String(host.server.port),
      '--editor-http',
    );
    expect(out.status, out.stderr).toBe(0);
    const conf = await nginxConf('http.conf', out.stdout);
    const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
        s.on('error', () => resolve(false));
      });
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // The school's site: a static file that nginx serves itself.
    const site = await request('alpha.thunghiem.edu.vn', 'GET', '/');
    expect(site.status).toBe(200);
    expect(site.body).toContain('Trường Trung học cơ sở Alpha');
    expect(site.headers['content-security-policy']).toContain("default-src 'self'");
    // The editor's host name reaches the server: its login form, then a login.
    const form = await request(EDITOR, 'GET', '/login');
    expect(form.status).toBe(200);
    expect(form.body).toContain('Đăng nhập soạn bài');
    const loginCookie = String(form.headers['set-cookie']?.[0]).split(';')[0]!;
    const token = /name="csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const logged = await request(
      EDITOR,
      'POST',
      '/login',
      { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie, Origin: `http://${EDITOR}:${port}` },
      new URLSearchParams({ csrf: token, login: 'gv.alpha', password: PASSWORD }).toString(),
    );
    expect(logged.status).toBe(303);
    expect(logged.headers.location).toBe('/s/alpha/');
    // The editor's paths are not on the schools' sites.
    expect((await request('alpha.thunghiem.edu.vn', 'GET', '/login')).status).toBe(404);
  });
});
