/**
 * Save = validate, record, publish, through the real server on 127.0.0.1 with real git and the
 * real build: a saved news item is online with "Đã đăng lúc hh:mm" and is in git with the editor
 * as author; invalid content is refused with the Vietnamese error and leaves the site and the
 * repository unchanged; an item dated later appears exactly when due (the server's clock is
 * moved); the dashboards show who published what.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, git, login, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let alpha: Session;
const site = () => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn');
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

const news = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\ncategory: thong-bao\n---\nKính mời quý phụ huynh.\n`;
const save = (rel: string, raw: string) =>
  api(base, alpha, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: path.basename(rel, '.md'), path: rel, raw }],
    assets: [],
    options: { commitMessage: `Create News “${path.basename(rel, '.md')}”`, useWorkflow: false, status: '' },
  });

beforeAll(async () => {
  host = await startTestHost('2026-12-02T09:00');
  base = host.server.url;
  alpha = (await login(base, 'gv.alpha')).session!;
}, 120_000);

afterAll(async () => {
  await host?.close();
});

describe('saving in the editor', () => {
  it('publishes the item, says when, and records it in git with the editor as author', async () => {
    const res = await save('news/2026-12-02-hop-phu-huynh.md', news('Họp phụ huynh học kỳ I', '2026-12-02'));
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(res.body.publication).toMatchObject({ ok: true, url: 'https://alpha.thunghiem.edu.vn/' });
    const page = await readFile(path.join(site(), 'tin-tuc', '2026-12-02-hop-phu-huynh', 'index.html'), 'utf8');
    expect(page).toContain('Họp phụ huynh học kỳ I');
    expect(await readFile(path.join(site(), 'tin-tuc', 'index.html'), 'utf8')).toContain('Họp phụ huynh học kỳ I');
    expect(git(host.content, 'log', '-1', '--format=%an <%ae>|%cn|%s').trim()).toBe(
      'Trần Thị Alpha <alpha@thunghiem.edu.vn>|Cổng Trường|Create News “2026-12-02-hop-phu-huynh”',
    );
    expect(git(host.content, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('schools/alpha/news/2026-12-02-hop-phu-huynh.md');
    expect(git(host.content, 'status', '--porcelain')).toBe('');
  });

  it('publishes an item with a photo uploaded in the same save, both in one commit', async () => {
    const photo = await readFile(path.join(host.content, 'schools/alpha/media/anh/khai-giang.jpg'));
    const raw = `---\ntitle: Trồng cây xanh\ndate: 2026-12-02\ncategory: su-kien\nimage:\n  src: media/anh/trong-cay.jpg\n  alt: Học sinh trồng cây trong sân trường\n---\nHọc sinh trồng cây.\n`;
    const res = await api(base, alpha, 'alpha', 'persistEntry', {
      dataFiles: [{ slug: 'trong-cay', path: 'news/2026-12-02-trong-cay.md', raw }],
      assets: [{ path: 'media/anh/trong-cay.jpg', content: photo.toString('base64'), encoding: 'base64' }],
      options: { commitMessage: 'Create News “trong-cay”' },
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    const page = await readFile(path.join(site(), 'tin-tuc', '2026-12-02-trong-cay', 'index.html'), 'utf8');
    expect(page).toContain('alt="Học sinh trồng cây trong sân trường"');
    const img = /src="(\/media\/anh\/trong-cay[^"]*\.webp)"/.exec(page)?.[1];
    expect(img).toBeDefined();
    expect(await exists(path.join(site(), img!))).toBe(true);
    expect(git(host.content, 'show', '--name-only', '--format=%an', 'HEAD').trim().split('\n').sort()).toEqual(
      ['', 'Trần Thị Alpha', 'schools/alpha/media/anh/trong-cay.jpg', 'schools/alpha/news/2026-12-02-trong-cay.md'].sort(),
    );
  });

  it('refuses invalid content with the Vietnamese error, and changes neither the site nor git', async () => {
    const head = git(host.content, 'rev-parse', 'HEAD');
    const home = await readFile(path.join(site(), 'index.html'), 'utf8');
    const res = await save('news/2026-12-02-sai-ngay.md', news('Tin có ngày sai', '2026-02-30'));
    expect(res.status).toBe(422);
    const error = String(res.body.error);
    expect(error).toMatch(/^Chưa đăng: nội dung có lỗi, chưa có gì được lưu và trang web vẫn như cũ\./);
    expect(error).toContain('news/2026-12-02-sai-ngay.md');
    expect(error).toContain('Mục: date');
    expect(error).toContain('Cách sửa:');
    expect(await exists(path.join(host.content, 'schools/alpha/news/2026-12-02-sai-ngay.md'))).toBe(false);
    expect(await readFile(path.join(site(), 'index.html'), 'utf8')).toBe(home);
    expect(git(host.content, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(host.content, 'status', '--porcelain')).toBe('');
  });

  it('puts back an existing item when its edit is invalid', async () => {
    const file = path.join(host.content, 'schools/alpha/news/2026-12-02-hop-phu-huynh.md');
    const before = await readFile(file, 'utf8');
    const res = await save('news/2026-12-02-hop-phu-huynh.md', `---\ntitle: Họp phụ huynh\ndate: 2026-12-02\ncategory: khong-co\n---\nx\n`);
    expect(res.status).toBe(422);
    expect(String(res.body.error)).toContain('Mục: category');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('unpublishes a deleted item', async () => {
    const res = await api(base, alpha, 'alpha', 'deleteFiles', {
      paths: ['news/2026-12-02-hop-phu-huynh.md'],
      options: { commitMessage: 'Delete News “2026-12-02-hop-phu-huynh”' },
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toContain('Đã đăng lúc 09:00');
    expect(await exists(path.join(site(), 'tin-tuc', '2026-12-02-hop-phu-huynh', 'index.html'))).toBe(false);
    expect(git(host.content, 'log', '-1', '--format=%an|%s').trim()).toBe('Trần Thị Alpha|Delete News “2026-12-02-hop-phu-huynh”');
  });
});

describe('scheduled publication', () => {
  const page = () => path.join(site(), 'tin-tuc', '2026-12-02-le-ky-niem', 'index.html');

  it('keeps an item dated later off the site until its time, then publishes it by itself', async () => {
    const res = await save('news/2026-12-02-le-ky-niem.md', news('Lễ kỷ niệm thành lập trường', '2026-12-02T10:00'));
    expect(res.status).toBe(200);
    expect(await exists(page())).toBe(false);
    expect(host.server.publisher.nextScheduled).toBe('2026-12-02T10:00');
    const dashboard = await (await fetch(`${base}/s/alpha/`, { headers: { Cookie: alpha.cookie } })).text();
    expect(dashboard).toContain('Bài hẹn giờ tiếp theo được đăng lúc 10:00, 02/12/2026.');

    // One minute before: the scheduler does not build.
    host.setClock('2026-12-02T09:59');
    await new Promise((r) => setTimeout(r, 400));
    await host.server.publisher.idle();
    expect(await exists(page())).toBe(false);

    // At 10:00 the scheduler (polling the clock every 100 ms in this test) builds and publishes it.
    host.setClock('2026-12-02T10:00');
    const deadline = Date.now() + 30_000;
    while (!(await exists(page())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await readFile(page(), 'utf8')).toContain('Lễ kỷ niệm thành lập trường');
    await host.server.publisher.idle();
    expect(host.server.publisher.nextScheduled).toBeUndefined();
  });
});

describe('dashboards', () => {
  it('shows the school its publications and failures, and the host who edited each school', async () => {
    const school = await (await fetch(`${base}/s/alpha/`, { headers: { Cookie: alpha.cookie } })).text();
    expect(school).toContain('Lần đăng gần đây');
    expect(school).toContain('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(school).toContain('Đăng theo lịch');
    expect(school).toContain('Trần Thị Alpha');
    expect(school).toMatch(/Tuân thủ quy định khi đăng lần cuối: \d+ lỗi, \d+ cảnh báo/);
    expect(school).not.toContain('Bài hẹn giờ tiếp theo');
    const admin = (await login(base, 'quantri')).session!;
    const hostPage = await (await fetch(`${base}/host/`, { headers: { Cookie: admin.cookie } })).text();
    expect(hostPage).toContain('Trường Tiểu học Beta');
    expect(hostPage).toMatch(/alpha[\s\S]*10:00, 02\/12\/2026/);
  });
});

describe('a build that fails', () => {
  it('records the change, keeps the previous site online and says so', async () => {
    // The render of alpha is made to crash (a hook of the build's worker). Workers are started
    // one build ahead, so a save of beta first starts one that carries the setting.
    process.env.CONGTRUONG_TEST_FAIL_SCHOOL = 'alpha';
    try {
      const beta = (await login(base, 'gv.beta')).session!;
      const betaSave = await api(base, beta, 'beta', 'persistEntry', {
        dataFiles: [{ slug: 'x', path: 'news/2026-12-02-tin-beta.md', raw: news('Tin của Beta', '2026-12-02') }],
        assets: [],
        options: { commitMessage: 'Create' },
      });
      expect(betaSave.status).toBe(200);
      const home = await readFile(path.join(site(), 'index.html'), 'utf8');
      const res = await save('news/2026-12-02-khong-dang-duoc.md', news('Tin không đăng được', '2026-12-02'));
      expect(res.status).toBe(200);
      expect(res.body.publication).toMatchObject({ ok: false });
      expect(String(res.body.message)).toMatch(
        /^Đã lưu lúc \d\d:\d\d nhưng chưa đăng được: dựng trang bị lỗi \([^\n]*Simulated build failure of alpha[^\n]*\)\. Trang web cũ vẫn đang hiển thị\./,
      );
      expect(String(res.body.message)).not.toMatch(/\n\s+at /);
      expect(await readFile(path.join(site(), 'index.html'), 'utf8')).toBe(home);
      expect(git(host.content, 'log', '-1', '--format=%an|%s').trim()).toBe('Trần Thị Alpha|Create News “2026-12-02-khong-dang-duoc”');
      const dashboard = await (await fetch(`${base}/s/alpha/`, { headers: { Cookie: alpha.cookie } })).text();
      expect(dashboard).toMatch(/<h2>Lỗi gần đây<\/h2>[\s\S]*chưa đăng được/);
    } finally {
      delete process.env.CONGTRUONG_TEST_FAIL_SCHOOL;
    }
  });
});
