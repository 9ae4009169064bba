/**
 * Review before publishing (issue 19), through the real server on 127.0.0.1 with real git and
 * the real build: the host turns review on for school alpha; an editor's save is validated and
 * waits, unpublished and not in git; only alpha's approver (or the host) approves it, which
 * publishes it with the editor as author, or returns it with a reason the editor reads. An
 * editor approving, another school's approver approving, and a request without the CSRF token
 * are refused and publish nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/passwords.ts';
import { api, git, login, PASSWORD, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let editor: Session;
let approver: Session;
let otherApprover: Session;
let admin: Session;
const page = (slug: string) => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn', 'tin-tuc', slug, 'index.html');
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const news = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-02\ncategory: thong-bao\n---\nKính gửi quý phụ huynh.\n`;
const save = (rel: string, raw: string) =>
  api(base, editor, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: path.basename(rel, '.md'), path: rel, raw }],
    assets: [],
    options: { commitMessage: `Create News “${path.basename(rel, '.md')}”` },
  });
const form = (session: Session, to: string, fields: Record<string, string>) =>
  fetch(`${base}${to}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie },
    body: new URLSearchParams(fields).toString(),
  });
const get = async (session: Session, to: string) => (await fetch(`${base}${to}`, { headers: { Cookie: session.cookie } })).text();

beforeAll(async () => {
  host = await startTestHost('2026-12-02T09:00');
  base = host.server.url;
  const hash = await hashPassword(PASSWORD);
  host.server.db.addUser(
    { login: 'duyet.alpha', name: 'Phạm Văn Hiệu Trưởng', email: 'hieutruong@alpha.thunghiem.edu.vn', role: 'approver', school: 'alpha' },
    hash,
  );
  host.server.db.addUser(
    { login: 'duyet.beta', name: 'Võ Thị Duyệt', email: 'duyet@beta.thunghiem.edu.vn', role: 'approver', school: 'beta' },
    hash,
  );
  editor = (await login(base, 'gv.alpha')).session!;
  approver = (await login(base, 'duyet.alpha')).session!;
  otherApprover = (await login(base, 'duyet.beta')).session!;
  admin = (await login(base, 'quantri')).session!;
}, 300_000);

afterAll(async () => {
  await host?.close();
});

describe('the host turns review on for a school', () => {
  it('is refused to a school editor and to an approver', async () => {
    for (const s of [editor, approver]) {
      const res = await form(s, '/host/review', { csrf: s.csrf, school: 'alpha', review: 'on' });
      expect(res.status).toBe(403);
    }
    // Still off: a save is published at once.
    expect(await get(admin, '/host/')).toMatch(/alpha<\/small>[\s\S]*?Không <button name="review" value="on">Bật duyệt bài/);
  });

  it('is done by an administrator in the host’s dashboard', async () => {
    const res = await form(admin, '/host/review', { csrf: admin.csrf, school: 'alpha', review: 'on' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã bật duyệt bài cho trường alpha');
    expect(await get(editor, '/s/alpha/')).toContain('Trường này duyệt bài trước khi đăng');
  });
});

describe('a school editor’s save under review', () => {
  let pending: number;

  it('is validated and kept as a pending change: not online, not in git, not in the content folder', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const res = await save('news/2026-12-02-hop-cha-me.md', news('Họp cha mẹ học sinh cuối kỳ'));
    expect(res.status).toBe(200);
    expect(res.body.message).toBe(
      'Đã gửi duyệt lúc 09:00; chưa đăng. Người duyệt của trường sẽ xem rồi đăng, hoặc trả lại kèm lý do (xem ở trang của trường).',
    );
    pending = (res.body.publication as { pending: number }).pending;
    expect(pending).toBeGreaterThan(0);
    expect(await exists(page('2026-12-02-hop-cha-me'))).toBe(false);
    expect(await exists(path.join(host.content, 'schools/alpha/news/2026-12-02-hop-cha-me.md'))).toBe(false);
    expect(git(host.content, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(host.content, 'status', '--porcelain')).toBe('');
    const dashboard = await get(approver, '/s/alpha/');
    expect(dashboard).toContain(`#${pending}: news/2026-12-02-hop-cha-me.md`);
    const detail = await get(approver, `/s/alpha/review/${pending}`);
    expect(detail).toContain('title: Họp cha mẹ học sinh cuối kỳ');
    expect(detail).toContain('Duyệt và đăng');
    // The editor sees the change but no button to approve it.
    expect(await get(editor, `/s/alpha/review/${pending}`)).not.toContain('Duyệt và đăng');
  });

  it('refuses invalid content at once, with the errors, and keeps nothing', async () => {
    const res = await save('news/2026-12-02-sai.md', news('Sai').replace('category: thong-bao', 'category: khong-co'));
    expect(res.status).toBe(422);
    expect(String(res.body.error)).toContain('Mục: category');
    expect(await get(approver, '/s/alpha/')).not.toContain('news/2026-12-02-sai.md');
  });

  it('cannot be approved by the editor who sent it', async () => {
    const res = await form(editor, `/s/alpha/review/${pending}/approve`, { csrf: editor.csrf });
    expect(res.status).toBe(403);
    expect(await exists(page('2026-12-02-hop-cha-me'))).toBe(false);
    expect(await get(approver, `/s/alpha/review/${pending}`)).toContain('Đang chờ duyệt.');
  });

  it('cannot be approved by the approver of another school, by either address', async () => {
    const asOwnSchool = await form(otherApprover, `/s/beta/review/${pending}/approve`, { csrf: otherApprover.csrf });
    expect(asOwnSchool.status).toBe(404);
    const asAlpha = await form(otherApprover, `/s/alpha/review/${pending}/approve`, { csrf: otherApprover.csrf });
    expect(asAlpha.status).toBe(403);
    const reject = await form(otherApprover, `/s/alpha/review/${pending}/reject`, { csrf: otherApprover.csrf, reason: 'x' });
    expect(reject.status).toBe(403);
    expect(await exists(page('2026-12-02-hop-cha-me'))).toBe(false);
  });

  it('cannot be approved without the CSRF token or from another site', async () => {
    const noToken = await form(approver, `/s/alpha/review/${pending}/approve`, {});
    expect(noToken.status).toBe(403);
    const foreign = await fetch(`${base}/s/alpha/review/${pending}/approve`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: approver.cookie, Origin: 'https://evil.example' },
      body: new URLSearchParams({ csrf: approver.csrf }).toString(),
    });
    expect(foreign.status).toBe(403);
    expect(await exists(page('2026-12-02-hop-cha-me'))).toBe(false);
  });

  it('is published when the school’s approver approves it, with the editor as author', async () => {
    const res = await form(approver, `/s/alpha/review/${pending}/approve`, { csrf: approver.csrf });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(await readFile(page('2026-12-02-hop-cha-me'), 'utf8')).toContain('Họp cha mẹ học sinh cuối kỳ');
    expect(git(host.content, 'log', '-1', '--format=%an <%ae>|%s').trim()).toBe(
      'Trần Thị Alpha <alpha@thunghiem.edu.vn>|Create News “2026-12-02-hop-cha-me”',
    );
    expect(git(host.content, 'log', '-1', '--format=%b').trim()).toBe(
      'Người duyệt: Phạm Văn Hiệu Trưởng <hieutruong@alpha.thunghiem.edu.vn>',
    );
    // Approved once: a second approval changes nothing.
    const again = await form(approver, `/s/alpha/review/${pending}/approve`, { csrf: approver.csrf });
    expect(again.status).toBe(409);
  });

  it('is returned with a reason that the editor reads, and nothing is published', async () => {
    const res = await save('news/2026-12-02-van-nghe.md', news('Văn nghệ chào mừng 20/11'));
    const id = (res.body.publication as { pending: number }).pending;
    const empty = await form(approver, `/s/alpha/review/${id}/reject`, { csrf: approver.csrf, reason: '  ' });
    expect(empty.status).toBe(422);
    const rejected = await form(approver, `/s/alpha/review/${id}/reject`, {
      csrf: approver.csrf,
      reason: 'Thiếu ảnh minh hoạ và tên lớp biểu diễn.',
    });
    expect(rejected.status).toBe(200);
    expect(await rejected.text()).toContain(`Đã trả lại thay đổi #${id} cho Trần Thị Alpha.`);
    const dashboard = await get(editor, '/s/alpha/');
    expect(dashboard).toMatch(/<h2>Bị trả lại<\/h2>[\s\S]*news\/2026-12-02-van-nghe\.md[\s\S]*Thiếu ảnh minh hoạ và tên lớp biểu diễn\./);
    expect(await exists(page('2026-12-02-van-nghe'))).toBe(false);
    expect(await exists(path.join(host.content, 'schools/alpha/news/2026-12-02-van-nghe.md'))).toBe(false);
    const late = await form(approver, `/s/alpha/review/${id}/approve`, { csrf: approver.csrf });
    expect(late.status).toBe(409);
  });

  it('is refused when the file changed after it was sent (approving would undo that edit)', async () => {
    const first = await save('news/2026-12-02-hop-cha-me.md', news('Họp cha mẹ, đổi giờ'));
    const id = (first.body.publication as { pending: number }).pending;
    // The approver edits the same item directly (their own saves publish at once).
    const direct = await api(base, approver, 'alpha', 'persistEntry', {
      dataFiles: [{ slug: 'x', path: 'news/2026-12-02-hop-cha-me.md', raw: news('Họp cha mẹ, đổi phòng') }],
      assets: [],
      options: { commitMessage: 'Update' },
    });
    expect(direct.body.message, JSON.stringify(direct.body)).toContain('Đã đăng lúc');
    const res = await form(approver, `/s/alpha/review/${id}/approve`, { csrf: approver.csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('news/2026-12-02-hop-cha-me.md đã được sửa sau khi thay đổi này được gửi duyệt');
    expect(await readFile(page('2026-12-02-hop-cha-me'), 'utf8')).toContain('Họp cha mẹ, đổi phòng');
  });

  it('also holds a revert from the history page for review', async () => {
    const versions = JSON.parse(await get(editor, '/s/alpha/api/history?path=news/2026-12-02-hop-cha-me.md')) as {
      versions: { commit: string }[];
    };
    const oldest = versions.versions.at(-1)!.commit;
    const head = git(host.content, 'rev-parse', 'HEAD');
    const res = await fetch(`${base}/s/alpha/api/history/revert`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf },
      body: JSON.stringify({ path: 'news/2026-12-02-hop-cha-me.md', commit: oldest }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toMatch(/^Đã gửi duyệt lúc/);
    expect(git(host.content, 'rev-parse', 'HEAD')).toBe(head);
  });
});
