/**
 * Accounts and rights of the publishing server, against the real server on 127.0.0.1: logging
 * in, the lockout after ten wrong passwords, requests without the CSRF token or from another
 * origin, and an editor of school alpha who tries to read or write school beta (another id,
 * `..`, absolute paths, a symbolic link): 403 and nothing written. Uploads are checked by content.
 */
import { readFile, stat, symlink } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, git, login, PASSWORD, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let alpha: Session;

const NEWS = `---\ntitle: Tin thử\ndate: 2026-12-01\ncategory: thong-bao\n---\nNội dung.\n`;
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
/** Nothing changed in the content repository: no file written, nothing committed. */
const untouched = (headBefore: string) => {
  expect(git(host.content, 'status', '--porcelain')).toBe('');
  expect(git(host.content, 'rev-parse', 'HEAD')).toBe(headBefore);
};

beforeAll(async () => {
  host = await startTestHost();
  base = host.server.url;
  const res = await login(base, 'gv.alpha');
  expect(res.status).toBe(303);
  alpha = res.session!;
}, 120_000);

afterAll(async () => {
  await host?.close();
});

describe('logging in', () => {
  it('sends an editor to their school, with a session cookie that scripts cannot read and other sites do not send', async () => {
    const page = await fetch(`${base}/login`);
    const loginCookie = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const token = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
      body: new URLSearchParams({ csrf: token, login: 'gv.beta', password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/s/beta/');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ct_session='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const dashboard = await fetch(`${base}/s/beta/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('Trường Tiểu học Beta');
  });

  it('refuses a wrong password, then locks the account after ten in a row, even for the right one', async () => {
    const first = await login(base, 'gv.beta', 'sai-mat-khau');
    expect(first.status).toBe(401);
    expect(first.html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    for (let i = 2; i <= 9; i++) expect((await login(base, 'gv.beta', `sai-${i}`)).status).toBe(401);
    const tenth = await login(base, 'gv.beta', 'sai-10');
    expect(tenth.status).toBe(423);
    expect(tenth.html).toContain('Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần');
    const right = await login(base, 'gv.beta', PASSWORD);
    expect(right.status).toBe(423);
    expect(right.session).toBeUndefined();
  });

  it('sends visitors without a session to the login page, and the API answers 401', async () => {
    const res = await fetch(`${base}/s/alpha/admin/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    const call = await fetch(`${base}/s/alpha/api/v1`, { method: 'POST', body: '{"action":"info"}' });
    expect(call.status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a save without the CSRF token, or with another session’s token, and writes nothing', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const params = { dataFiles: [{ slug: 'x', path: 'news/csrf.md', raw: NEWS }], assets: [], options: { commitMessage: 'x' } };
    const none = await api(base, alpha, 'alpha', 'persistEntry', params, { 'X-CSRF-Token': '' });
    expect(none.status).toBe(403);
    expect(none.body.error).toContain('thiếu mã chống giả mạo (CSRF)');
    const admin = (await login(base, 'quantri')).session!;
    const other = await api(base, alpha, 'alpha', 'persistEntry', params, { 'X-CSRF-Token': admin.csrf });
    expect(other.status).toBe(403);
    expect(await exists(path.join(host.content, 'schools/alpha/news/csrf.md'))).toBe(false);
    untouched(head);
  });

  it('refuses a request from another origin even with the right token', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const params = { dataFiles: [{ slug: 'x', path: 'news/origin.md', raw: NEWS }], assets: [], options: { commitMessage: 'x' } };
    const res = await api(base, alpha, 'alpha', 'persistEntry', params, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error).toContain('Origin');
    const crossSite = await api(base, alpha, 'alpha', 'persistEntry', params, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    untouched(head);
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    // fetch() sets Host itself: a raw request says what a rebound name would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.request(`${base}/login`, { headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('an editor of alpha and the content of beta', () => {
  const betaNews = 'news/chao-mung.md';

  it('gets an editor configured for alpha’s own API and public site', async () => {
    const res = await fetch(`${base}/s/alpha/admin/config.yml`, { headers: { Cookie: alpha.cookie } });
    const yaml = await res.text();
    expect(yaml).toContain('proxy_url: /s/alpha/api/v1');
    expect(yaml).toContain('site_url: https://alpha.thunghiem.edu.vn/');
    expect(yaml).not.toContain('local_backend');
    const other = await fetch(`${base}/s/beta/admin/config.yml`, { headers: { Cookie: alpha.cookie } });
    expect(other.status).toBe(403);
  });

  it('reads alpha’s own entries', async () => {
    const res = await api(base, alpha, 'alpha', 'getEntry', { path: 'news/le-khai-giang.md' });
    expect(res.status).toBe(200);
    expect(String((res.body as { data: string }).data)).toContain('title:');
  });

  it('cannot use beta’s address, to read or to write', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const read = await api(base, alpha, 'beta', 'getEntry', { path: betaNews });
    expect(read.status).toBe(403);
    expect(read.body.error).toBe('Không được phép: tài khoản gv.alpha không có quyền với trường beta.');
    expect(JSON.stringify(read.body)).not.toContain('Nhà giáo');
    const write = await api(base, alpha, 'beta', 'persistEntry', {
      dataFiles: [{ slug: 'x', path: 'news/xam-nhap.md', raw: NEWS }],
      assets: [],
      options: { commitMessage: 'x' },
    });
    expect(write.status).toBe(403);
    expect(await exists(path.join(host.content, 'schools/beta/news/xam-nhap.md'))).toBe(false);
    untouched(head);
  });

  it.each([
    ['../beta/news/chao-mung.md'],
    ['news/../../beta/news/chao-mung.md'],
    [path.join('/', 'tmp', 'x.md')],
    ['/news/chao-mung.md'],
    ['news\\..\\..\\beta\\school.yaml'],
    ['.git/config'],
    ['../../host.yaml'],
  ])('refuses the path %s with 403, reading and writing nothing', async (given) => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const read = await api(base, alpha, 'alpha', 'getEntry', { path: given });
    expect(read.status).toBe(403);
    expect(read.body.error).toContain('nằm ngoài các thư mục nội dung của trường alpha');
    expect(read.body).not.toHaveProperty('data');
    const write = await api(base, alpha, 'alpha', 'persistEntry', {
      dataFiles: [{ slug: 'x', path: given, raw: NEWS }],
      assets: [],
      options: { commitMessage: 'x' },
    });
    expect(write.status).toBe(403);
    const del = await api(base, alpha, 'alpha', 'deleteFile', { path: given, options: { commitMessage: 'x' } });
    expect(del.status).toBe(403);
    expect(await readFile(path.join(host.content, 'schools/beta', betaNews), 'utf8')).toContain('Nhà giáo');
    untouched(head);
  });

  it('refuses a symbolic link inside alpha that points into beta', async () => {
    const link = path.join(host.content, 'schools/alpha/news/lien-ket');
    await symlink(path.join(host.content, 'schools/beta/news'), link);
    try {
      const read = await api(base, alpha, 'alpha', 'getEntry', { path: 'news/lien-ket/chao-mung.md' });
      expect(read.status).toBe(403);
      const write = await api(base, alpha, 'alpha', 'persistEntry', {
        dataFiles: [{ slug: 'x', path: 'news/lien-ket/xam-nhap.md', raw: NEWS }],
        assets: [],
        options: { commitMessage: 'x' },
      });
      expect(write.status).toBe(403);
      expect(await exists(path.join(host.content, 'schools/beta/news/xam-nhap.md'))).toBe(false);
      // Listing the folder does not follow the link either.
      const list = await api(base, alpha, 'alpha', 'entriesByFolder', { folder: 'news', extension: 'md', depth: 5 });
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain('chao-mung');
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(link));
    }
  });

  it('lets the host administrator read any school', async () => {
    const admin = (await login(base, 'quantri')).session!;
    const res = await api(base, admin, 'beta', 'getEntry', { path: betaNews });
    expect(res.status).toBe(200);
    expect(String((res.body as { data: string }).data)).toContain('Nhà giáo');
    const dashboard = await fetch(`${base}/host/`, { headers: { Cookie: admin.cookie } });
    expect(await dashboard.text()).toContain('Trường Tiểu học Beta');
    const refused = await fetch(`${base}/host/`, { headers: { Cookie: alpha.cookie } });
    expect(refused.status).toBe(403);
  });
});

describe('accounts in the host’s dashboard', () => {
  const post = (session: Session, fields: Record<string, string>) =>
    fetch(`${base}/host/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
      body: new URLSearchParams(fields).toString(),
    });

  it('lets an administrator create an editor, whose password is shown once and works, then disable it', async () => {
    const admin = (await login(base, 'quantri')).session!;
    const created = await post(admin, {
      csrf: admin.csrf,
      action: 'add',
      login: 'gv.moi',
      name: 'Đỗ Thị Mới',
      email: 'moi@thunghiem.edu.vn',
      school: 'beta',
    });
    expect(created.status).toBe(200);
    const page = await created.text();
    const password = /Đã tạo tài khoản gv\.moi\. Mật khẩu \(chỉ hiện một lần, hãy gửi riêng cho người dùng\): ([A-Za-z2-9]{16})/.exec(
      page,
    )?.[1];
    expect(password).toBeDefined();
    const first = await login(base, 'gv.moi', password);
    expect(first.status).toBe(303);
    expect(await (await fetch(`${base}/s/beta/`, { headers: { Cookie: first.session!.cookie } })).text()).toContain('Trường Tiểu học Beta');

    const bad = await post(admin, { csrf: admin.csrf, action: 'add', login: 'x', name: 'X Y', email: 'khong-phai-thu', school: 'beta' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Chưa tạo tài khoản: tên đăng nhập cần 3–64 ký tự');

    const disabled = await post(admin, { csrf: admin.csrf, action: 'disable', login: 'gv.moi' });
    expect(await disabled.text()).toContain('Đã khoá tài khoản gv.moi.');
    // Its session has ended, and it can no longer log in.
    const after = await fetch(`${base}/s/beta/`, { headers: { Cookie: first.session!.cookie }, redirect: 'manual' });
    expect(after.status).toBe(303);
    expect((await login(base, 'gv.moi', password)).status).toBe(401);
  });

  it('refuses account changes from an editor, or without the CSRF token', async () => {
    const fromEditor = await post(alpha, {
      csrf: alpha.csrf,
      action: 'add',
      login: 'gv.lau',
      name: 'Kẻ Lạ',
      email: 'la@x.vn',
      school: 'beta',
    });
    expect(fromEditor.status).toBe(403);
    const admin = (await login(base, 'quantri')).session!;
    const noToken = await post(admin, { action: 'reset', login: 'gv.alpha' });
    expect(noToken.status).toBe(403);
    expect((await login(base, 'gv.alpha')).status).toBe(303);
  });
});

describe('uploads', () => {
  it('refuses a web page uploaded as a .pdf, and writes nothing', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const page = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const res = await api(base, alpha, 'alpha', 'persistMedia', {
      asset: { path: 'media/tep/ke-hoach-2026.pdf', content: page.toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'Upload' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toContain('tên có đuôi .pdf nhưng nội dung là loại không nhận ra');
    expect(await exists(path.join(host.content, 'schools/alpha/media/tep/ke-hoach-2026.pdf'))).toBe(false);
    untouched(head);
  });

  it('never replaces another file of the same name', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const before = await readFile(path.join(host.content, 'schools/alpha/media/tep/ke-hoach.pdf'));
    const other = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const res = await api(base, alpha, 'alpha', 'persistMedia', {
      asset: { path: 'media/tep/ke-hoach.pdf', content: other.toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'Upload' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toContain('Đã có một tệp khác tên media/tep/ke-hoach.pdf');
    expect(await readFile(path.join(host.content, 'schools/alpha/media/tep/ke-hoach.pdf'))).toEqual(before);
    untouched(head);
  });

  it('records a real PDF in git with the editor as author', async () => {
    const pdf = await readFile(path.join(host.content, 'schools/alpha/media/tep/ke-hoach.pdf'));
    const res = await api(base, alpha, 'alpha', 'persistMedia', {
      asset: { path: 'media/tep/ke-hoach-moi.pdf', content: pdf.toString('base64'), encoding: 'base64' },
      options: { commitMessage: 'Upload “ke-hoach-moi.pdf”' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ path: 'media/tep/ke-hoach-moi.pdf', name: 'ke-hoach-moi.pdf' });
    expect(git(host.content, 'log', '-1', '--format=%an <%ae>|%s', '--', 'schools/alpha/media/tep/ke-hoach-moi.pdf').trim()).toBe(
      'Trần Thị Alpha <alpha@thunghiem.edu.vn>|Upload “ke-hoach-moi.pdf”',
    );
  });
});
