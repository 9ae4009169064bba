/**
 * The approver's day and the host's single sign-on, in real Chromium against the real server
 * (issue 19): the host administrator turns review on in the host's dashboard; a principal (the
 * school's approver) logs in through the hosting unit's OpenID Connect provider (a tiny real
 * provider on 127.0.0.1), opens the change an editor sent from the school's page, approves it
 * (it is online), returns another with a reason, which the editor reads on the school's page.
 * The review page is read on a phone (360 px) without sideways scrolling.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/passwords.ts';
import { launchChromium } from '../browser.ts';
import { hostOidcSettings, startProvider, type TestProvider } from './oidc-provider.ts';
import { api, login, PASSWORD, startTestHost, type TestHost } from './server-host.ts';

let host: TestHost;
let provider: TestProvider;
let browser: Browser;

const PRINCIPAL = { name: 'Phạm Văn Hiệu Trưởng', email: 'hieutruong@alpha.thunghiem.edu.vn' };
const news = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-02\ncategory: thong-bao\n---\nKính gửi quý phụ huynh.\n`;
const online = (slug: string) => path.join(host.out, 'sites', 'alpha.thunghiem.edu.vn', 'tin-tuc', slug, 'index.html');

/** An editor's save as the editor sends it (the editor itself is tested in editor-publishes-in-chromium). */
async function send(rel: string, title: string): Promise<number> {
  const editor = (await login(host.server.url, 'gv.alpha')).session!;
  const res = await api(host.server.url, editor, 'alpha', 'persistEntry', {
    dataFiles: [{ slug: path.basename(rel, '.md'), path: rel, raw: news(title) }],
    assets: [],
    options: { commitMessage: `Create News “${path.basename(rel, '.md')}”` },
  });
  expect(res.body.message).toMatch(/^Đã gửi duyệt lúc 09:30/);
  return (res.body.publication as { pending: number }).pending;
}

/** Logs in with the login form (password). */
async function formLogin(page: Page, user: string): Promise<void> {
  await page.goto(`${host.server.url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

beforeAll(async () => {
  provider = await startProvider();
  [host, browser] = await Promise.all([
    startTestHost('2026-12-02T09:30', undefined, {
      oidc: hostOidcSettings(provider),
    }),
    launchChromium(),
  ]);
  host.server.db.addUser({ login: 'duyet.alpha', ...PRINCIPAL, role: 'approver', school: 'alpha' }, await hashPassword(PASSWORD));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await provider?.close();
});

it('lets the host turn review on, and the principal approve and return changes after signing in with the host’s account', async () => {
  const base = host.server.url;
  // The host administrator, in the host's dashboard.
  const admin = await browser.newPage();
  await formLogin(admin, 'quantri');
  await admin.waitForURL(`${base}/host/`);
  const alphaRow = admin.getByRole('row').filter({ hasText: 'alpha' });
  await alphaRow.getByRole('button', { name: 'Bật duyệt bài' }).click();
  await admin.getByText('Đã bật duyệt bài cho trường alpha').waitFor();

  const first = await send('news/2026-12-02-hop-cha-me.md', 'Họp cha mẹ học sinh cuối kỳ');
  const second = await send('news/2026-12-02-van-nghe.md', 'Văn nghệ chào mừng 20/11');
  expect(await stat(online('2026-12-02-hop-cha-me')).catch(() => null)).toBeNull();

  // The principal, on a phone, signs in with the hosting unit's account (no password here).
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  const principal = await phone.newPage();
  provider.user = { sub: 'p-1', email: PRINCIPAL.email, email_verified: true };
  await principal.goto(`${base}/login`);
  await principal.getByRole('link', { name: 'Đăng nhập bằng tài khoản Sở GD&ĐT Thử Nghiệm' }).click();
  await principal.waitForURL(`${base}/s/alpha/`);
  await principal.getByText(`${PRINCIPAL.name} (`).first().waitFor();
  expect(provider.refused).toEqual([]);

  // The first change: opened from the school's page, read, approved.
  await principal.getByRole('link', { name: `#${first}: news/2026-12-02-hop-cha-me.md` }).click();
  await principal.waitForURL(`${base}/s/alpha/review/${first}`);
  await principal.getByText('title: Họp cha mẹ học sinh cuối kỳ').waitFor();
  const width = await principal.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'the review page scrolls sideways on a 360 px phone').toBeLessThanOrEqual(360);
  await principal.getByRole('button', { name: 'Duyệt và đăng' }).click();
  await principal.getByText('Đã đăng lúc 09:30: https://alpha.thunghiem.edu.vn/').waitFor({ timeout: 60_000 });
  expect(await readFile(online('2026-12-02-hop-cha-me'), 'utf8')).toContain('Họp cha mẹ học sinh cuối kỳ');

  // The second: returned with a reason.
  await principal.goto(`${base}/s/alpha/review/${second}`);
  await principal.getByLabel('Lý do trả lại (biên tập viên sẽ đọc)').fill('Thiếu ảnh minh hoạ và tên lớp biểu diễn.');
  await principal.getByRole('button', { name: 'Trả lại' }).click();
  await principal.getByText(`Đã trả lại thay đổi #${second} cho Trần Thị Alpha.`).waitFor();
  expect(await stat(online('2026-12-02-van-nghe')).catch(() => null)).toBeNull();

  // The editor reads why on the school's page.
  const editor = await browser.newPage();
  await formLogin(editor, 'gv.alpha');
  await editor.waitForURL(`${base}/s/alpha/`);
  const returned = editor.locator('h2', { hasText: 'Bị trả lại' });
  await returned.waitFor();
  expect(await editor.locator('body').innerText()).toMatch(
    /Bị trả lại[\s\S]*news\/2026-12-02-van-nghe\.md[\s\S]*Thiếu ảnh minh hoạ và tên lớp biểu diễn\./,
  );
  // An editor has no approve button on the change they sent.
  await editor.goto(`${base}/s/alpha/review/${second}`);
  expect(await editor.getByRole('button', { name: 'Duyệt và đăng' }).count()).toBe(0);
  await phone.close();
}, 240_000);
