/**
 * `congtruong dev thcs-le-loi` as a real child process on a free 127.0.0.1 port, against a
 * temporary copy of the demo content: pages and files are served at the root, a broken file
 * shows the Vietnamese error in the terminal and the browser, fixing it recovers, the
 * browser reloads by itself, and the editor at /admin/ lists and saves the school's content.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/dev/decap-backend.ts';
import { launchChromium } from '../browser.ts';
import { tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEWS = 'news/2026-11-22-hoi-khoe-phu-dong-cap-huyen.md';
const NEWS_URL = '/tin-tuc/2026-11-22-hoi-khoe-phu-dong-cap-huyen/';
const DOCUMENT = 'documents/04-qc-thcsll-quy-che-chi-tieu-noi-bo-2026.md';

let child: ChildProcess;
let output = '';
let base = '';
let schoolDir = '';
let browser: Browser;

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    // One attempt must not hang the test (a page can be mid-navigation).
    const attempt = Promise.race([fn(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000))]);
    const v = await attempt.catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Output:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment of a user's shell: without vitest's variables, Vite would not listen nor watch. */
function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  return { ...env, NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1' };
}

beforeAll(async () => {
  const dir = await tempDir('congtruong-dev-');
  await cp(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  schoolDir = path.join(dir, 'content', 'schools', 'thcs-le-loi');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(
    path.join(ROOT, 'node_modules/.bin/node'),
    ['bin/congtruong.mjs', 'dev', 'thcs-le-loi', '--content', path.join(dir, 'content'), '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() },
  );
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  browser = await launchChromium();
  await waitFor('the preview to start', async () => (output.includes('Xem trước:') ? true : undefined), 30_000);
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Ctrl-C: the command stops Astro and the editor's backend, then exits.
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    const code = await exited;
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(output).toContain('Đã dừng.');
  }
});

describe('congtruong dev', () => {
  it('serves the school at the root: home page, a news page, a PDF and an image', async () => {
    const home = await fetch(`${base}/`);
    const html = await home.text();
    expect(home.status, html.slice(0, 2000)).toBe(200);
    expect(html).toContain('Trường Trung học cơ sở Lê Lợi');
    expect(html).toContain(`href="${NEWS_URL}"`);

    const news = await fetch(`${base}${NEWS_URL}`);
    expect(news.status).toBe(200);
    expect(await news.text()).toContain('Hội khỏe Phù Đổng');

    const pdf = await fetch(`${base}/media/tep/125-qd-thcsll-noi-quy-hoc-sinh.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const img = /src="(\/media\/[^"]+\.webp)"/.exec(html)?.[1];
    expect(img).toBeDefined();
    const webp = await fetch(`${base}${img}`);
    expect(webp.status).toBe(200);
    expect(webp.headers.get('content-type')).toBe('image/webp');
  });

  it('shows content errors in the terminal and the browser, reloads the browser and recovers', async () => {
    const page: Page = await browser.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    const heading = () => page.locator('h1').innerText({ timeout: 2000 });
    /** Writes the file, then waits for the open tab to reload by itself and show `expected`. */
    const writeAndWaitForReload = async (content: string, expected: RegExp) => {
      const before = loads;
      await writeFile(file, content);
      await waitFor(`the browser to reload and show ${expected}`, async () =>
        loads > before && expected.test(await heading()) ? true : undefined,
      );
    };
    const file = path.join(schoolDir, NEWS);
    const good = await readFile(file, 'utf8');
    try {
      await page.goto(`${base}${NEWS_URL}`);
      expect(await heading()).toContain('Hội khỏe Phù Đổng');

      // A broken front matter (unclosed bracket in the title): the tab reloads into the error page.
      await writeAndWaitForReload(good.replace(/^title: .*$/m, 'title: [Hội khỏe chưa đóng ngoặc'), /lỗi cần sửa/);
      const body = await page.locator('main').innerText();
      expect(body).toContain(NEWS);
      expect(body).toContain('Lỗi cú pháp YAML');
      expect(body).toContain('Cách sửa');
      await waitFor('the terminal report', async () => (output.includes(NEWS) && output.includes('Lỗi cú pháp YAML') ? true : undefined));
      expect((await fetch(`${base}/`)).status).toBe(500);

      // A schema error names the field and the value.
      await writeAndWaitForReload(good.replace(/^category: .*$/m, 'category: tin-vui'), /lỗi cần sửa/);
      await waitFor('the schema error', async () => {
        const text = await page.locator('main').innerText({ timeout: 2000 });
        return text.includes('category') && text.includes('tin-vui') ? true : undefined;
      });

      // Fixed: the same tab shows the page again without anyone pressing reload.
      await writeAndWaitForReload(good.replace(/^title: .*$/m, 'title: Hội khỏe Phù Đổng đã sửa'), /đã sửa/);
      expect(output).toContain('Đã nạp lại nội dung');
    } finally {
      await writeFile(file, good);
      await page.close();
    }
  });

  it('serves Decap CMS at /admin/ in Vietnamese with the school collections, and saves an edit', async () => {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
    });
    try {
      await page.goto(`${base}/admin/`);
      // The local backend needs no account: one click on "Đăng nhập".
      await page.getByRole('button', { name: 'Đăng nhập' }).click({ timeout: 20_000 });
      for (const name of ['Tin tức', 'Thông báo', 'Văn bản', 'Công khai năm học 2025-2026', 'Mẫu đơn', 'Tuyển sinh', 'Thông tin trường']) {
        await page.getByRole('link', { name, exact: true }).first().waitFor({ timeout: 15_000 });
      }
      await page.getByText('Bộ sưu tập').first().waitFor();

      await page.getByRole('link', { name: 'Văn bản', exact: true }).first().click();
      await page.getByText('125/QĐ-THCSLL', { exact: false }).first().waitFor({ timeout: 15_000 });

      await page.goto(`${base}/admin/#/collections/documents/entries/${path.basename(DOCUMENT, '.md')}`);
      const signer = page.getByLabel('Người ký');
      await signer.waitFor({ timeout: 15_000 });
      expect(await page.getByLabel('Ngày ban hành').inputValue()).toBe('2026-01-12');
      await signer.fill('Ngô Thị Thanh Hương');
      await page.getByRole('button', { name: 'Công bố', exact: true }).click();
      await page.getByText('Công bố ngay').click();
      const saved = await waitFor('the file to be written', async () => {
        const text = await readFile(path.join(schoolDir, DOCUMENT), 'utf8');
        return text.includes('signer: Ngô Thị Thanh Hương') ? text : undefined;
      });
      expect(saved).toContain('number: 04/QC-THCSLL');
      expect(saved).toContain('issued: 2026-01-12');
      // The saved file is valid content: the preview reloads it without errors.
      await waitFor('the preview to show the edit', async () => {
        const res = await fetch(`${base}/van-ban/04-qc-thcsll-quy-che-chi-tieu-noi-bo-2026/`);
        return res.status === 200 && (await res.text()).includes('Ngô Thị Thanh Hương') ? true : undefined;
      });
      expect(external).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('answers the editor API (decap-server) for requests from this computer', async () => {
    const res = await fetch(`${base}/api/v1/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    expect(await res.json()).toMatchObject({ repo: 'thcs-le-loi', type: 'local_fs' });
  });

  it('refuses editor API requests sent by other web sites or through another host name', async () => {
    const body = JSON.stringify({ action: 'info' });
    // A page of another site, open in the same browser, posting to the preview (CSRF).
    const crossSite = await fetch(`${base}/api/v1/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    // A rebound DNS name pointing at 127.0.0.1.
    const { port } = new URL(base);
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/',
          method: 'POST',
          headers: { Host: `evil.example:${port}`, 'Content-Type': 'application/json' },
        },
        (r) => (r.resume(), resolve(r.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(rebound).toBe(403);
  });
});
