/**
 * Issue 16: `--resolve domain=IP:PORT` works like curl's. Three schools and a default site behind
 * ONE real nginx on 127.0.0.1 (the normal set-up of a hosting unit, told apart by `server_name`):
 * each school must be crawled with its own Host header, get its own content, footer and score,
 * and every URL of the report must stay under its own domain.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/rank.ts';
import type { RankingReport } from '../../src/ranking/report/schema.ts';
import { tempDir } from '../helpers.ts';

const NGINX = '/usr/sbin/nginx';
const DATE = '2026-11-23';

const SCHOOLS = [
  { domain: 'thcsan.example.edu.vn', name: 'Trường THCS An Bình', phone: '0201 3850 101', sections: ['Giới thiệu', 'Tin tức', 'Liên hệ'] },
  { domain: 'thbinh.example.edu.vn', name: 'Trường Tiểu học Bình Minh', phone: '(024) 3861 6102', sections: ['Giới thiệu'] },
  {
    domain: 'mncuc.example.edu.vn',
    name: 'Trường Mầm non Hoa Cúc',
    phone: '0201.3850.303',
    sections: ['Tin tức', 'Tuyển sinh', 'Văn bản', 'Liên hệ'],
  },
];
const SLUG: Record<string, string> = {
  'Giới thiệu': 'gioi-thieu',
  'Tin tức': 'tin-tuc',
  'Liên hệ': 'lien-he',
  'Tuyển sinh': 'tuyen-sinh',
  'Văn bản': 'van-ban',
};

function schoolFiles(s: (typeof SCHOOLS)[number]): Record<string, string> {
  const nav = `<nav><a href="/">Trang chủ</a>${s.sections.map((x) => ` <a href="/${SLUG[x]}/">${x}</a>`).join('')}</nav>`;
  const footer = `<div id="page-footer">${s.name}. Địa chỉ: thôn 1, xã Sông Xanh. Điện thoại: ${s.phone}. Email: vanthu@${s.domain}. Chịu trách nhiệm nội dung: Hiệu trưởng.</div>`;
  const page = (title: string, body: string) =>
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><div class="header">PHÒNG GD&amp;ĐT SÔNG XANH<br>${s.name}</div>${nav}<div class="content"><h1>${title}</h1>${body}</div>${footer}<script>var footer = "Trường khác, Điện thoại 0999 999 999";</script></body></html>`;
  const files: Record<string, string> = { 'index.html': page(s.name, `<p>Chào mừng đến với ${s.name}.</p>`) };
  for (const x of s.sections)
    files[`${SLUG[x]}/index.html`] = page(
      x,
      `<p>Trang ${x.toLowerCase()} của ${s.name}, với nội dung riêng của trường và danh sách các mục.</p>`,
    );
  return files;
}

let base: string;
let nginx: ChildProcess | undefined;
let report: RankingReport;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  base = await tempDir('rank-resolve-');
  const port = await freePort();
  const servers: string[] = [];
  const sites = [
    ...SCHOOLS.map((s) => ({ domain: s.domain, files: schoolFiles(s) })),
    { domain: 'default', files: { 'index.html': '<html><body><h1>Máy chủ mặc định</h1></body></html>' } },
  ];
  for (const s of sites) {
    const root = path.join(base, 'www', s.domain);
    for (const [f, body] of Object.entries(s.files)) {
      await mkdir(path.dirname(path.join(root, f)), { recursive: true });
      await writeFile(path.join(root, f), body);
    }
    servers.push(
      s.domain === 'default'
        ? `server { listen 127.0.0.1:${port} default_server; server_name _; root ${root}; }`
        : `server { listen 127.0.0.1:${port}; server_name ${s.domain}; root ${root}; }`,
    );
  }
  const prefix = path.join(base, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(
    conf,
    `user root;\ndaemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${prefix}/tmp;\n  proxy_temp_path ${prefix}/tmp;\n  fastcgi_temp_path ${prefix}/tmp;\n  uwsgi_temp_path ${prefix}/tmp;\n  scgi_temp_path ${prefix}/tmp;\n${servers.join('\n')}\n}\n`,
  );
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  expect(test.status, test.stderr).toBe(0);
  nginx = spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.end(), resolve(true)));
      c.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const list = path.join(base, 'sites.yaml');
  await writeFile(list, SCHOOLS.map((s) => `- { name: "${s.name}", url: "http://${s.domain}/", level: thcs }`).join('\n'));
  const out = path.join(base, 'report');
  const args = ['--sites', list, '--out', out, '--date', DATE, '--offline', '--retries', '0', '--timeout', '5'];
  for (const s of SCHOOLS) args.push('--resolve', `${s.domain}=127.0.0.1:${port}`);
  expect(await run(args)).toBe(0);
  report = JSON.parse(await readFile(path.join(out, 'ranking.json'), 'utf8')) as RankingReport;
}, 60_000);

afterAll(async () => {
  nginx?.kill();
  if (base) await rm(base, { recursive: true, force: true });
});

const siteOf = (domain: string) => report.sites.find((s) => s.domain === domain)!;

describe('--resolve with several schools behind one nginx', () => {
  it('gives each school its own content, footer and score', () => {
    for (const s of SCHOOLS) {
      const r = siteOf(s.domain);
      expect(r.scan.status).toBe('ok');
      const footer = r.criteria.find((c) => c.id === 'A3')!;
      // Its own footer, never the default site's nor another school's, and never the script after it.
      expect(footer.evidence[0]?.text).toContain(s.name);
      expect(footer.evidence[0]?.text).toContain(s.phone);
      expect(footer.status).toBe('pass');
      for (const other of SCHOOLS.filter((o) => o !== s)) expect(JSON.stringify(r)).not.toContain(other.name);
      expect(JSON.stringify(r)).not.toContain('Máy chủ mặc định');
    }
    // Bình Minh has only Giới thiệu, Hoa Cúc four sections: their section criteria differ.
    expect(siteOf('thbinh.example.edu.vn').criteria.find((c) => c.id === 'B2')!.status).toBe('fail');
    expect(siteOf('mncuc.example.edu.vn').criteria.find((c) => c.id === 'B2')!.status).toBe('pass');
    expect(siteOf('mncuc.example.edu.vn').criteria.find((c) => c.id === 'B4')!.status).toBe('pass');
    expect(new Set(report.sites.map((s) => s.score)).size).toBe(3);
  });

  it('keeps every URL of the report under the school’s own domain', () => {
    for (const s of SCHOOLS) {
      const urls = siteOf(s.domain).criteria.flatMap((c) => c.evidence.flatMap((e) => (e.url ? [e.url] : [])));
      expect(urls.length).toBeGreaterThan(3);
      for (const u of urls) expect(new URL(u).hostname).toBe(s.domain);
    }
    expect(JSON.stringify(report)).not.toContain('127.0.0.1');
  });
});
