/**
 * The host portal's refresh never makes an editor wait (issue 19): a save that arrives while a
 * refresh is due but not started is built before it, and the refresh still comes, at the latest
 * `hostRefreshMaxMs` after the first save that asked for it, even when saves never pause for
 * `hostRefreshMs`. Order is read from the server's log (each save and each refresh writes one
 * line when it ends, and the queue runs one task at a time), not from wall-clock thresholds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { filesUnder, tempDir } from '../helpers.ts';
import { api, login, startTestHost, type Session, type TestHost } from './server-host.ts';

const news = (title: string) => `---\ntitle: ${title}\ndate: 2026-12-02\ncategory: thong-bao\n---\nKính gửi quý phụ huynh.\n`;
const save = (host: TestHost, session: Session, school: string, slug: string, title: string) =>
  api(host.server.url, session, school, 'persistEntry', {
    dataFiles: [{ slug, path: `news/2026-12-02-${slug}.md`, raw: news(title) }],
    assets: [],
    options: { commitMessage: `Create News “${slug}”` },
  });
const portalFeed = (host: TestHost) => readFile(path.join(host.out, 'sites', 'pgd.thunghiem.edu.vn', 'rss.xml'), 'utf8').catch(() => '');

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

const hosts: TestHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

describe('the host portal’s refresh and the saves', () => {
  it('builds a save that arrives while the refresh is due before the refresh, which then shows it too', async () => {
    const logs: string[] = [];
    let sendWhenDue: (() => void) | undefined;
    // Due at once after a save (no quiet time): the refresh then waits for the save queued behind.
    const host = await startTestHost('2026-12-02T09:00', undefined, {
      hostRefreshMs: 0,
      hostRefreshMaxMs: 120_000,
      log: (line) => {
        logs.push(line);
        if (line.startsWith('Cổng đơn vị chủ quản: đến lúc làm mới')) sendWhenDue?.();
      },
    });
    hosts.push(host);
    const alpha = (await login(host.server.url, 'gv.alpha')).session!;
    const beta = (await login(host.server.url, 'gv.beta')).session!;
    const before = host.server.publisher.hostRefreshes;
    // Beta's save is sent the moment the refresh asked for by alpha's first save falls due, while
    // alpha's second save is still being built.
    let betaSaved: ReturnType<typeof save> | undefined;
    const due = new Promise<void>((resolve) => {
      sendWhenDue = () => {
        sendWhenDue = undefined;
        betaSaved = save(host, beta, 'beta', 'ngay-hoi', 'Ngày hội đọc sách trường Beta');
        resolve();
      };
    });
    const [first, second] = await Promise.all([
      save(host, alpha, 'alpha', 'hoi-khoe', 'Hội khoẻ Phù Đổng cấp trường'),
      save(host, alpha, 'alpha', 've-tranh', 'Thi vẽ tranh an toàn giao thông'),
    ]);
    expect(first.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(second.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    await due;
    expect((await betaSaved!).body.message).toBe('Đã đăng lúc 09:00: https://beta.thunghiem.edu.vn/');
    const titles = ['Hội khoẻ Phù Đổng cấp trường', 'Thi vẽ tranh an toàn giao thông', 'Ngày hội đọc sách trường Beta'];
    const shown = async () => {
      const feed = await portalFeed(host);
      return titles.every((t) => feed.includes(t));
    };
    expect(await until(shown, 60_000)).toBe(true);
    await host.server.publisher.idle();
    // Each save and each refresh logs one line when it ends; the queue runs one at a time.
    const order = logs.flatMap(
      (l) => /^save (alpha|beta) /.exec(l)?.[0].trim() ?? (l.startsWith('Cổng đơn vị chủ quản: built') ? 'portal' : []),
    );
    expect(order).toEqual(['save alpha', 'save alpha', 'save beta', 'portal']);
    // One refresh for the three saves: the two that came while it was due joined it.
    expect(host.server.publisher.hostRefreshes - before).toBe(1);
  }, 300_000);

  it('refreshes within the longest wait although the saves never pause long enough, as a host-only build would', async () => {
    const logs: string[] = [];
    // Saves would have to pause ten minutes: only the longest wait (1 s) can bring the refresh.
    const host = await startTestHost('2026-12-02T09:00', undefined, {
      hostRefreshMs: 600_000,
      hostRefreshMaxMs: 1000,
      log: (line) => logs.push(line),
    });
    hosts.push(host);
    expect(await host.server.publisher.warmReady()).toBe(true);
    const alpha = (await login(host.server.url, 'gv.alpha')).session!;
    const res = await save(host, alpha, 'alpha', 'tap-huan', 'Tập huấn phòng cháy chữa cháy');
    expect(res.body.message).toBe('Đã đăng lúc 09:00: https://alpha.thunghiem.edu.vn/');
    expect(await portalFeed(host)).not.toContain('Tập huấn phòng cháy chữa cháy');
    // Far less than the ten minutes of quiet, far more than the longest wait plus a portal build.
    expect(await until(async () => (await portalFeed(host)).includes('Tập huấn phòng cháy chữa cháy'), 60_000)).toBe(true);
    await host.server.publisher.idle();
    const refreshed = logs.filter((l) => l.startsWith('Cổng đơn vị chủ quản: built'));
    expect(refreshed).toHaveLength(1);
    // Rendered by the warm renderer, the portal is byte for byte what a host-only build publishes.
    expect(refreshed[0]).toContain('bộ dựng nóng');
    const cold = await tempDir('congtruong-portal-cold-');
    const report = await buildSites({
      contentDir: host.content,
      outDir: cold,
      hostOnly: true,
      date: '2026-12-02',
      now: '2026-12-02T09:00',
    });
    expect(report.sites.find((s) => s.id === 'host')?.status).toBe('built');
    const warmDir = path.join(host.out, 'sites', 'pgd.thunghiem.edu.vn');
    const coldDir = path.join(cold, 'sites', 'pgd.thunghiem.edu.vn');
    const warmFiles = await filesUnder(warmDir);
    expect(warmFiles).toEqual(await filesUnder(coldDir));
    const differing: string[] = [];
    for (const f of warmFiles) {
      const [a, b] = await Promise.all([
        readFile(path.join(warmDir, f)).catch(() => null),
        readFile(path.join(coldDir, f)).catch(() => null),
      ]);
      if (!(a === null ? b === null : b !== null && a.equals(b))) differing.push(f);
    }
    expect(differing).toEqual([]);
  }, 300_000);
});
