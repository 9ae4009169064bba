/**
 * The host portal after a school's save (issue 19): the school's new item appears in the host's
 * aggregated feed and in the directory's latest news shortly after the editor is told "Đã đăng",
 * without the editor waiting for it, and several saves in a row share one refresh.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHost, type Session, type TestHost } from './server-host.ts';

let host: TestHost;
let base: string;
let alpha: Session;
const portal = (file: string) => path.join(host.out, 'sites', 'pgd.thunghiem.edu.vn', file);
const read = (file: string) => readFile(portal(file), 'utf8').catch(() => '');
const news = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-02\ncategory: thong-bao\n---\nKính gửi quý phụ huynh.\n`;
const save = (slug: string, title: string) =>
  api(base, alpha, 'alpha', 'persistEntry', {
    dataFiles: [{ slug, path: `news/2026-12-02-${slug}.md`, raw: news(title) }],
    assets: [],
    options: { commitMessage: `Create News “${slug}”` },
  });

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

beforeAll(async () => {
  host = await startTestHost('2026-12-02T09:00');
  base = host.server.url;
  alpha = (await login(base, 'gv.alpha')).session!;
}, 300_000);

afterAll(async () => {
  await host?.close();
});

describe('the host portal after a save', () => {
  it('shows the new title in the aggregated feed and the directory, after the editor’s answer', async () => {
    expect(await read('rss.xml')).toContain('<rss');
    expect(await read('rss.xml')).not.toContain('Hội khoẻ Phù Đổng cấp trường');
    const res = await save('hoi-khoe', 'Hội khoẻ Phù Đổng cấp trường');
    expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    // The editor's answer did not wait for the portal.
    expect(await read('rss.xml')).not.toContain('Hội khoẻ Phù Đổng cấp trường');
    expect(await until(async () => (await read('rss.xml')).includes('Hội khoẻ Phù Đổng cấp trường'), 90_000)).toBe(true);
    expect(await read('index.html')).toContain('Hội khoẻ Phù Đổng cấp trường');
    // The school's own dashboard still knows its address (the portal's build kept the schools' state).
    expect(await (await fetch(`${base}/s/alpha/`, { headers: { Cookie: alpha.cookie } })).text()).toContain(
      'https://alpha.thunghiem.edu.vn/',
    );
  }, 240_000);

  it('refreshes once for several saves in a row', async () => {
    await host.server.publisher.idle();
    const before = host.server.publisher.hostRefreshes;
    const titles = ['Thi vẽ tranh an toàn giao thông', 'Ngày hội đọc sách', 'Tập huấn phòng cháy chữa cháy'];
    await Promise.all(titles.map((t, i) => save(`chuoi-${i}`, t)));
    expect(
      await until(async () => {
        const rss = await read('rss.xml');
        return titles.every((t) => rss.includes(t));
      }, 90_000),
    ).toBe(true);
    await host.server.publisher.idle();
    expect(host.server.publisher.hostRefreshes - before).toBe(1);
  }, 240_000);
});
