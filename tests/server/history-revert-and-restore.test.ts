/**
 * History through the real server on 127.0.0.1, real git and the real build: an item's versions
 * with their authors after two editors saved it; going back to an old version publishes it with
 * the reverting editor as author; an old version that no longer validates is refused and
 * changes nothing; a deleted item is restored and published again. An editor of another school,
 * a commit that never touched the item, a request without the CSRF token or from another origin:
 * 403 and nothing written.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/passwords.ts';
import { api, git, login, PASSWORD, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let alpha: Session;
/** A second editor of alpha. */
let hai: Session;
let beta: Session;

const ITEM = 'news/2026-12-02-lich-hoc.md';
const site = () => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn');
const itemPage = () => path.join(site(), 'tin-tuc', '2026-12-02-lich-hoc', 'index.html');
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );
const news = (title: string, category = 'thong-bao') =>
  `---\ntitle: ${title}\ndate: 2026-12-02\ncategory: ${category}\n---\nLịch học của các lớp.\n`;
const save = (session: Session, rel: string, raw: string) =>
  api(base, session, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: path.basename(rel, '.md'), path: rel, raw }],
    assets: [],
    options: { commitMessage: `Update News “${path.basename(rel, '.md')}”` },
  });
const getJson = async (session: Session, url: string) => {
  const res = await fetch(`${base}${url}`, { headers: { Cookie: session.cookie } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: string } };
};
const getHtml = async (session: Session, url: string) => {
  const res = await fetch(`${base}${url}`, { headers: { Cookie: session.cookie } });
  return { status: res.status, html: await res.text() };
};
/** A form of the history pages, as the browser sends it. */
const postForm = async (session: Session, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: session.cookie, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, text: await res.text() };
};
const untouched = (headBefore: string) => {
  expect(git(host.content, 'status', '--porcelain')).toBe('');
  expect(git(host.content, 'rev-parse', 'HEAD')).toBe(headBefore);
};
interface VersionJson {
  commit: string;
  author: string;
  when: string;
  message: string;
  path: string;
  deleted: boolean;
}

beforeAll(async () => {
  host = await startTestHost('2026-12-02T09:00');
  base = host.server.url;
  host.server.db.addUser(
    { login: 'gv.hai', name: 'Phạm Thu Hai', email: 'hai@thunghiem.edu.vn', role: 'editor', school: 'alpha' },
    await hashPassword(PASSWORD),
  );
  alpha = (await login(base, 'gv.alpha')).session!;
  hai = (await login(base, 'gv.hai')).session!;
  beta = (await login(base, 'gv.beta')).session!;
}, 120_000);

afterAll(async () => {
  await host?.close();
});

describe("an item's versions", () => {
  it('lists each save with its author and Vietnam time, newest first, on the page linked from the dashboard and as JSON', async () => {
    expect((await save(alpha, ITEM, news('Lịch học tuần 1'))).status).toBe(200);
    expect((await save(hai, ITEM, news('Lịch học tuần 1 (đã đổi phòng)'))).status).toBe(200);
    expect(await readFile(itemPage(), 'utf8')).toContain('Lịch học tuần 1 (đã đổi phòng)');

    const commits = git(host.content, 'log', '--format=%H', '--', `schools/alpha/${ITEM}`).trim().split('\n');
    const res = await getJson(alpha, `/s/alpha/api/history?path=${encodeURIComponent(ITEM)}`);
    expect(res.status).toBe(200);
    const versions = res.body.versions as VersionJson[];
    expect(versions.map((v) => [v.author, v.commit, v.deleted])).toEqual([
      ['Phạm Thu Hai', commits[0], false],
      ['Trần Thị Alpha', commits[1], false],
    ]);
    const when = git(host.content, 'log', '-1', '--format=%at', commits[0]!).trim();
    const expected = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(new Date(Number(when) * 1000));
    const part = (t: string) => expected.find((p) => p.type === t)!.value;
    expect(versions[0]!.when).toBe(`${part('hour')}:${part('minute')}, ${part('day')}/${part('month')}/${part('year')}`);

    const dashboard = await getHtml(alpha, '/s/alpha/');
    expect(dashboard.html).toContain('Bài vừa sửa');
    const link = `/s/alpha/history/item?path=${encodeURIComponent(ITEM)}`;
    expect(dashboard.html).toMatch(
      new RegExp(`<td>${ITEM}</td><td>[^<]+</td><td>Phạm Thu Hai</td><td><a href="${link.replace(/[?]/g, '\\?')}">Lịch sử</a>`),
    );
    const page = await getHtml(alpha, link);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Lịch sử: ${ITEM}`);
    expect(page.html).toMatch(/Phạm Thu Hai[\s\S]*Phiên bản đang dùng[\s\S]*Trần Thị Alpha[\s\S]*Khôi phục phiên bản này/);
    expect(page.html.match(/Khôi phục phiên bản này/g)).toHaveLength(1);
    expect(page.html).toContain(`name="commit" value="${commits[1]}"`);
  });
});

describe('reverting to an old version', () => {
  it('publishes the old title and records the revert with the reverting editor as author', async () => {
    const [, first] = git(host.content, 'log', '--format=%H', '--', `schools/alpha/${ITEM}`).trim().split('\n');
    const res = await postForm(hai, '/s/alpha/history/revert', { csrf: hai.csrf, path: ITEM, commit: first! });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã khôi phục');
    expect(res.text).toContain('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    const published = await readFile(itemPage(), 'utf8');
    expect(published).toContain('Lịch học tuần 1');
    expect(published).not.toContain('đã đổi phòng');
    expect(await readFile(path.join(host.content, 'schools/alpha', ITEM), 'utf8')).toBe(news('Lịch học tuần 1'));
    const [author, subject] = git(host.content, 'log', '-1', '--format=%an|%s').trim().split('|');
    expect(author).toBe('Phạm Thu Hai');
    expect(subject).toMatch(
      new RegExp(`^Khôi phục ${ITEM} về phiên bản ${first!.slice(0, 10)} \\(Trần Thị Alpha, \\d\\d:\\d\\d, \\d\\d/\\d\\d/\\d{4}\\)$`),
    );
    expect(git(host.content, 'status', '--porcelain')).toBe('');
    const dashboard = await getHtml(alpha, '/s/alpha/');
    expect(dashboard.html).toContain('Khôi phục phiên bản cũ');
  });

  it('refuses an old version that no longer validates, with the Vietnamese errors, and changes nothing', async () => {
    // A version with an unknown category was committed on the server by hand, then corrected.
    const rel = 'news/2026-11-30-hop-to.md';
    const file = path.join(host.content, 'schools/alpha', rel);
    await writeFile(file, news('Họp tổ chuyên môn', 'khong-co'));
    git(host.content, 'add', '-A');
    git(host.content, '-c', 'user.name=Host', '-c', 'user.email=host@example.edu.vn', 'commit', '--quiet', '-m', 'Sửa tay');
    const invalid = git(host.content, 'rev-parse', 'HEAD').trim();
    await writeFile(file, news('Họp tổ chuyên môn'));
    git(host.content, 'add', '-A');
    git(host.content, '-c', 'user.name=Host', '-c', 'user.email=host@example.edu.vn', 'commit', '--quiet', '-m', 'Sửa lại');
    const head = git(host.content, 'rev-parse', 'HEAD');
    const home = await readFile(path.join(site(), 'index.html'), 'utf8');

    const res = await fetch(`${base}/s/alpha/api/history/revert`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: alpha.cookie, 'X-CSRF-Token': alpha.csrf },
      body: JSON.stringify({ path: rel, commit: invalid }),
    });
    expect(res.status).toBe(422);
    const error = String(((await res.json()) as { error?: string }).error);
    expect(error).toMatch(/^Chưa đăng: nội dung có lỗi, chưa có gì được lưu và trang web vẫn như cũ\./);
    expect(error).toContain(rel);
    expect(error).toContain('Mục: category');
    expect(await readFile(file, 'utf8')).toBe(news('Họp tổ chuyên môn'));
    expect(await readFile(path.join(site(), 'index.html'), 'utf8')).toBe(home);
    untouched(head);
  });
});

describe('deleted items', () => {
  it('lists a deleted item with who deleted it and when, and restores it on the site', async () => {
    const rel = 'news/tin-so-3.md';
    const page = path.join(site(), 'tin-tuc', 'tin-so-3', 'index.html');
    const original = await readFile(path.join(host.content, 'schools/alpha', rel), 'utf8');
    expect(await exists(page)).toBe(true);
    const del = await api(base, alpha, 'alpha', 'deleteFiles', { paths: [rel], options: { commitMessage: 'Delete News “tin-so-3”' } });
    expect(del.status).toBe(200);
    expect(await exists(page)).toBe(false);
    const deletion = git(host.content, 'rev-parse', 'HEAD').trim();

    const listed = await getJson(hai, '/s/alpha/api/history/deleted');
    expect(listed.status).toBe(200);
    const deleted = listed.body.deleted as VersionJson[];
    expect(deleted.find((d) => d.path === rel)).toMatchObject({ commit: deletion, author: 'Trần Thị Alpha', deleted: true });
    const html = await getHtml(hai, '/s/alpha/history/deleted');
    expect(html.html).toMatch(new RegExp(`<td>${rel}</td><td>\\d\\d:\\d\\d, \\d\\d/\\d\\d/\\d{4}</td><td>Trần Thị Alpha</td>`));
    expect(html.html).toContain(`name="commit" value="${deletion}"`);

    const res = await postForm(hai, '/s/alpha/history/restore', { csrf: hai.csrf, path: rel, commit: deletion });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Đã đăng lúc 09:00');
    expect(await readFile(page, 'utf8')).toContain('Tin số 3 về hoạt động của trường');
    expect(await readFile(path.join(host.content, 'schools/alpha', rel), 'utf8')).toBe(original);
    expect(git(host.content, 'log', '-1', '--format=%an').trim()).toBe('Phạm Thu Hai');
    const after = (await getJson(hai, '/s/alpha/api/history/deleted')).body.deleted as VersionJson[];
    expect(after.some((d) => d.path === rel)).toBe(false);
  });
});

describe('who may see and revert what', () => {
  it("refuses school beta's editor alpha's history and revert: 403, nothing written", async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const [, first] = git(host.content, 'log', '--format=%H', '--', `schools/alpha/${ITEM}`).trim().split('\n');
    const json = await getJson(beta, `/s/alpha/api/history?path=${encodeURIComponent(ITEM)}`);
    expect(json.status).toBe(403);
    expect(JSON.stringify(json.body)).not.toContain('Trần Thị Alpha');
    const page = await getHtml(beta, `/s/alpha/history/item?path=${encodeURIComponent(ITEM)}`);
    expect(page.status).toBe(403);
    expect(page.html).not.toContain('Trần Thị Alpha');
    expect((await getHtml(beta, '/s/alpha/history/deleted')).status).toBe(403);
    const revert = await postForm(beta, '/s/alpha/history/revert', { csrf: beta.csrf, path: ITEM, commit: first! });
    expect(revert.status).toBe(403);
    // Through beta's own address, a path that climbs into alpha's folder.
    const climb = await getJson(beta, `/s/beta/api/history?path=${encodeURIComponent(`../alpha/${ITEM}`)}`);
    expect(climb.status).toBe(403);
    const climbRevert = await postForm(beta, '/s/beta/history/revert', { csrf: beta.csrf, path: `../alpha/${ITEM}`, commit: first! });
    expect(climbRevert.status).toBe(403);
    untouched(head);
  });

  it('refuses a commit that did not touch the item, or anything but a commit id', async () => {
    // A change of beta's content, committed on the server by hand.
    const betaFile = path.join(host.content, 'schools/beta/news/chao-mung.md');
    await writeFile(betaFile, `${await readFile(betaFile, 'utf8')}\nThêm một dòng.\n`);
    git(host.content, 'add', '-A');
    git(host.content, '-c', 'user.name=Host', '-c', 'user.email=host@example.edu.vn', 'commit', '--quiet', '-m', 'Beta');
    const betaCommit = git(host.content, 'rev-parse', 'HEAD').trim();
    const head = git(host.content, 'rev-parse', 'HEAD');
    const before = await readFile(path.join(host.content, 'schools/alpha', ITEM), 'utf8');
    for (const commit of [betaCommit, 'HEAD~1', `${betaCommit}:schools/beta/news/chao-mung.md`, '--all']) {
      const res = await postForm(alpha, '/s/alpha/history/revert', { csrf: alpha.csrf, path: ITEM, commit });
      expect(res.status, commit).toBe(403);
      expect(res.text).toContain('không phải một phiên bản của bài này');
    }
    const restore = await postForm(alpha, '/s/alpha/history/restore', { csrf: alpha.csrf, path: ITEM, commit: betaCommit });
    expect(restore.status).toBe(403);
    expect(await readFile(path.join(host.content, 'schools/alpha', ITEM), 'utf8')).toBe(before);
    untouched(head);
  });

  it('refuses a revert without the CSRF token or from another origin, and history to visitors without a session', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const [, first] = git(host.content, 'log', '--format=%H', '--', `schools/alpha/${ITEM}`).trim().split('\n');
    const noToken = await postForm(alpha, '/s/alpha/history/revert', { path: ITEM, commit: first! });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('CSRF');
    const foreign = await postForm(
      alpha,
      '/s/alpha/history/revert',
      { csrf: alpha.csrf, path: ITEM, commit: first! },
      { Origin: 'https://evil.example.com' },
    );
    expect(foreign.status).toBe(403);
    const anonymous = await fetch(`${base}/s/alpha/api/history?path=${encodeURIComponent(ITEM)}`);
    expect(anonymous.status).toBe(401);
    untouched(head);
  });
});
