/**
 * The whole path a teacher takes, in real Chromium against the real server: log in with the
 * form, open the editor (Decap CMS talking to the server's backend), change a news title,
 * pick a new photo in the media library, "Công bố ngay", read "Đã đăng lúc …" on the page, and find the new title on the public site and
 * the teacher as the author in git.
 */
import { copyFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../browser.ts';
import { git, PASSWORD, startTestHost, type TestHost } from './server-host.ts';

let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  [host, browser] = await Promise.all([startTestHost('2026-12-02T14:05'), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

it('publishes a title and a new photo changed in the browser editor', async () => {
  const base = host.server.url;
  const page = await browser.newPage();
  await page.goto(`${base}/s/alpha/admin/`);
  // No session: the login form first.
  await page.waitForURL(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill('gv.alpha');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${base}/s/alpha/`);
  await page.getByRole('link', { name: 'Soạn nội dung' }).click();
  await page.goto(`${base}/s/alpha/admin/#/collections/news/entries/le-khai-giang`);
  const title = page.locator('input').first();
  await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toContain('Lễ khai giảng');
  await title.fill('Lễ khai giảng năm học mới');
  // Every label in Vietnamese, including those Decap itself leaves in English.
  expect(await page.getByRole('button', { name: 'Thay bằng địa chỉ (URL)' }).count()).toBeGreaterThan(0);
  expect(await page.getByText('Replace with URL').count()).toBe(0);
  // A new photo for the item, through the editor's media library.
  const photo = path.join(host.dir, 'anh-khai-giang-moi.jpg');
  await copyFile(path.join(host.content, 'schools/alpha/media/anh/khai-giang.jpg'), photo);
  await page.getByRole('button', { name: 'Chọn hình khác' }).first().click();
  await page.locator('input[type=file]').first().setInputFiles(photo);
  await page.getByText('anh-khai-giang-moi.jpg').waitFor();
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await page.getByText('Công bố', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Công bố ngay' }).click();
  const status = page.locator('#ct-status');
  await status.filter({ hasText: /Đã đăng|Chưa đăng/ }).waitFor({ timeout: 60_000 });
  expect(await status.innerText()).toContain('Đã đăng lúc 14:05: https://alpha.thunghiem.edu.vn/');
  const online = await readFile(path.join(host.out, 'sites/alpha.thunghiem.edu.vn/tin-tuc/le-khai-giang/index.html'), 'utf8');
  expect(online).toContain('Lễ khai giảng năm học mới');
  // The photo is online (in the folder the editor's configuration chose for it) and recorded by the teacher.
  const img = /src="(\/media\/(?:anh\/)?anh-khai-giang-moi[^"]*\.webp)"/.exec(online)?.[1];
  expect(img).toBeDefined();
  expect((await stat(path.join(host.out, 'sites/alpha.thunghiem.edu.vn', img!))).size).toBeGreaterThan(0);
  const added = git(host.content, 'log', '-1', '--format=%an', '--name-only', '--', 'schools/alpha/media').trim().split('\n');
  expect(added[0]).toBe('Trần Thị Alpha');
  expect(added).toContainEqual(expect.stringMatching(/^schools\/alpha\/media\/(anh\/)?anh-khai-giang-moi\.jpg$/));
  // In the teacher's words (the history page shows them), not Decap's "Update News “…”".
  expect(git(host.content, 'log', '-1', '--format=%an|%s', '--', 'schools/alpha/news/le-khai-giang.md').trim()).toBe(
    'Trần Thị Alpha|Sửa tin “le-khai-giang”',
  );
  expect(added[0]).toBe('Trần Thị Alpha');

  // Content the form cannot catch (a date that does not exist, sent as the editor sends a save):
  // the server's Vietnamese errors appear on the editor page, and nothing is published.
  const head = git(host.content, 'rev-parse', 'HEAD');
  const status2 = await page.evaluate(async () => {
    const raw = '---\ntitle: Tin có ngày sai\ndate: 2026-02-30\ncategory: thong-bao\n---\nx\n';
    const res = await fetch('/s/alpha/api/v1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [{ slug: 'x', path: 'news/2026-12-02-sai.md', raw }],
          assets: [],
          options: { commitMessage: 'x' },
        },
      }),
    });
    return res.status;
  });
  expect(status2).toBe(422);
  await status.filter({ hasText: 'Chưa đăng' }).waitFor({ timeout: 10_000 });
  const shown = await status.innerText();
  expect(shown).toContain('Chưa đăng: nội dung có lỗi, chưa có gì được lưu và trang web vẫn như cũ.');
  expect(shown).toContain('news/2026-12-02-sai.md');
  expect(git(host.content, 'rev-parse', 'HEAD')).toBe(head);
}, 120_000);
