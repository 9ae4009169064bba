/**
 * Issue 16: a ranking report a Sở can publish. Two fixture schools (a multi-tenant portal and a
 * hand-made site, one without robots.txt, one with a broken link) are ranked through the CLI;
 * the HTML report is opened in Chromium at 360 px and read as a visitor reads it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/rank.ts';
import { launchChromium } from '../browser.ts';
import { handMade, multiTenant, type PlatformSite } from '../fixtures/platforms/index.ts';
import { tempDir } from '../helpers.ts';

let base: string;
let out: string;
let browser: Browser | undefined;
const servers: http.Server[] = [];

/** Serves a platform fixture by path (query strings ignored); a link to /mat-trang.htm is broken. */
async function serve(site: PlatformSite): Promise<number> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = site.pages[p];
    if (!body) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  base = await tempDir('rank-report-');
  out = path.join(base, 'report');
  const tenant = multiTenant();
  const made = handMade();
  made.pages['/'] = made.pages['/']!.replace('</td></tr></table>', ' <a href="/mat-trang.htm">Trang đã xóa</a></td></tr></table>');
  const a = await serve(tenant);
  const b = await serve(made);
  const list = path.join(base, 'sites.yaml');
  await writeFile(
    list,
    [
      '- { name: "Trường THCS Hòa Bình", url: "http://edu.example.vn/thcs-hoa-binh/", level: thcs, unit: "Phòng GD&ĐT Sông Xanh" }',
      '- { name: "Trường Mầm non Sao Mai với một tên rất dài để thử xuống dòng trên màn hình hẹp", url: "http://mnsaomai.vn/", level: mn }',
    ].join('\n'),
  );
  const code = await run([
    '--sites',
    list,
    '--out',
    out,
    '--date',
    '2026-11-23',
    '--offline',
    '--retries',
    '0',
    '--resolve',
    `edu.example.vn=127.0.0.1:${a}`,
    '--resolve',
    `mnsaomai.vn=127.0.0.1:${b}`,
  ]);
  expect(code).toBe(0);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  if (base) await rm(base, { recursive: true, force: true });
});

/** Visible text of a report page, without addresses (URLs are the schools' own). */
async function visibleText(file: string): Promise<string> {
  const html = await readFile(path.join(out, file), 'utf8');
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<head>[\s\S]*?<\/head>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

// Words of English (and internal notes) that must never reach a published report; proper names
// and the names of files and formats a reader looks for (robots.txt, sitemap.xml, RSS, PDF) are allowed.
const ENGLISH = new Set(
  'the and of for with from found not missing page pages site sites section sections error errors rule rules pass passes fail partial score items item file files link links home step steps done budget stop absent valid feed feeds search form input meta name content width device lang alt image images without memory verified unverified source legal requirements notes allow all http-error disallow parsed manifest listing article fetched reachable timeout connection redirect crawled checked broken weight resources measured'.split(
    ' ',
  ),
);

describe('the ranking report', () => {
  it('has no horizontal scroll at 360 px, index and site pages alike', async () => {
    const files = (await readdir(out)).filter((f) => f.endsWith('.html'));
    expect(files.length).toBe(3);
    const page = await browser!.newPage({ viewport: { width: 360, height: 740 } });
    for (const f of files) {
      await page.goto(`file://${path.join(out, f)}`);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, f).toBeLessThanOrEqual(client);
      // The score stays on screen: the reflowed table shows each value with its label.
      const score = await page.locator('td[data-label="Điểm"], td[data-label="Điểm đạt"]').first().boundingBox();
      expect(score && score.x + score.width, f).toBeLessThanOrEqual(360);
    }
    await page.close();
  });

  it('speaks Vietnamese only, with the pages read, broken links with their page and robots.txt missing', async () => {
    for (const f of (await readdir(out)).filter((x) => x.endsWith('.html'))) {
      const text = await visibleText(f);
      const leaks = [...text.matchAll(/[A-Za-z][A-Za-z-]*/g)].map((m) => m[0]).filter((w) => ENGLISH.has(w.toLowerCase()));
      expect(leaks.join(' '), f).toBe('');
      expect(text, f).not.toMatch(/FROM MEMORY|legal-requirements|\.md\b|cong-truong\.json|tin-tuc|gioi-thieu/);
    }
    const made = await visibleText('site-mnsaomai.vn.html');
    expect(made).toContain('Các trang đã đọc (7)');
    expect(made).toContain('không có tệp robots.txt');
    const html = await readFile(path.join(out, 'site-mnsaomai.vn.html'), 'utf8');
    expect(html).toMatch(/http:\/\/mnsaomai\.vn\/mat-trang\.htm<\/a>: <q>HTTP 404, liên kết trên trang http:\/\/mnsaomai\.vn\/<\/q>/);
    const tenant = await visibleText('site-edu.example.vn.html');
    expect(tenant).toContain('Không tìm thấy thông tin lãnh đạo');
  });
});
