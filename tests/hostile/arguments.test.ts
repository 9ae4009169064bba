/**
 * Hostile arguments and folder names for `congtruong nginx`, checked with the real nginx
 * (`nginx -t`), and spreadsheet formulas in the ranking's CSV. No command answers with a stack
 * trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/ranking/report/csv.ts';
import type { RankingReport } from '../../src/ranking/report/schema.ts';
import { tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NGINX = '/usr/sbin/nginx';
let base: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'congtruong.mjs'), ...args], { encoding: 'utf8', cwd: base });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `nginx -t` on a configuration made of `servers`, in a private prefix. */
async function nginxTest(servers: string): Promise<{ status: number | null; stderr: string }> {
  const prefix = path.join(base, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(
    conf,
    `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents { worker_connections 16; }\nhttp {\n  access_log off;\n${servers}\n}\n`,
  );
  const r = spawnSync(NGINX, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:/);

beforeAll(async () => {
  base = await tempDir('congtruong-hostile-args-');
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('congtruong nginx with hostile input', () => {
  it('serves only folders named like domains, and the configuration passes nginx -t', async () => {
    const sites = path.join(base, 'sites');
    for (const name of ['truong.edu.vn', 'pgd.edu.vn+truong-a', 'a;b', 'x" y', 'evil.vn{', 'Hoa.Sen', '$host']) {
      await mkdir(path.join(sites, name), { recursive: true });
    }
    const r = cli(['nginx', '--sites', sites, '--listen', '127.0.0.1:8080', '--out', path.join(base, 'a.conf'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Skipped 5 folder(s)');
    expect(r.err).toContain('"a;b"');
    noTrace(r.err);
    const conf = await readFile(path.join(base, 'a.conf'), 'utf8');
    expect(conf).toContain('server_name truong.edu.vn;');
    expect(conf).toContain('location /truong-a/');
    expect(conf).not.toMatch(/a;b|evil|\$host|Hoa/);
    const t = await nginxTest(conf);
    expect(t.status, t.stderr).toBe(0);
  });

  it('quotes a sites path with a space (and Vietnamese letters), which nginx accepts', async () => {
    const sites = path.join(base, 'trang web', 'Trường A');
    await mkdir(path.join(sites, 'truong.edu.vn'), { recursive: true });
    const r = cli(['nginx', '--sites', sites]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`root "${sites}/truong.edu.vn";`);
    const t = await nginxTest(r.out);
    expect(t.status, t.stderr).toBe(0);
  });

  it('refuses a sites path nginx cannot read safely, with the fix', async () => {
    const sites = path.join(base, 'a$b;c');
    await mkdir(sites, { recursive: true });
    const r = cli(['nginx', '--sites', sites]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cách sửa: Chuyển thư mục kết quả sang đường dẫn không có ký tự đó');
    noTrace(r.err);
  });

  it('refuses a hostile --listen with the expected form', () => {
    for (const listen of ['80; include /etc/passwd', '80 ssl', '99999', 'abc', '']) {
      const r = cli(['nginx', '--sites', base, '--listen', listen, '--lang', 'en']);
      expect(r.code, listen).toBe(2);
      expect(r.err).toContain('--listen must be a port (1–65535)');
      noTrace(r.err);
    }
  });

  it('serves HTTPS with HTTP/2 from a certbot-style certificate folder, and nginx -t accepts it (issue 18)', async () => {
    const sites = path.join(base, 'tls-sites');
    const certs = path.join(base, 'chứng chỉ');
    for (const name of ['truong.edu.vn', 'pgd.edu.vn+truong-a']) await mkdir(path.join(sites, name), { recursive: true });
    for (const domain of ['truong.edu.vn', 'pgd.edu.vn']) {
      const dir = path.join(certs, domain);
      await mkdir(dir, { recursive: true });
      const args = [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${domain}`,
      ];
      const made = spawnSync('openssl', [...args, '-keyout', path.join(dir, 'privkey.pem'), '-out', path.join(dir, 'fullchain.pem')]);
      expect(made.status).toBe(0);
    }
    const r = cli(['nginx', '--sites', sites, '--tls-certs', certs]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('listen 443 ssl http2;');
    expect(r.out).toContain(`ssl_certificate "${certs}/truong.edu.vn/fullchain.pem";`);
    expect(r.out).toContain(`ssl_certificate_key "${certs}/pgd.edu.vn/privkey.pem";`);
    expect(r.out).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
    const t = await nginxTest(r.out);
    expect(t.status, t.stderr).toBe(0);
    const bad = cli(['nginx', '--sites', sites, '--tls-certs', path.join(base, 'a$b'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('How to fix: Use a folder without it');
    noTrace(bad.err);
  });

  it('reports an output file that cannot be written, without a trace', () => {
    const r = cli(['nginx', '--sites', base, '--out', path.join(base, 'khong-co', 'x.conf')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không ghi được');
    noTrace(r.err);
  });
});

describe('congtruong validate with a hostile --content', () => {
  it('answers a file given as the content folder with where it looked, without a trace', async () => {
    const file = path.join(base, 'not-a-folder.txt');
    await writeFile(file, 'x');
    const r = cli(['validate', '--content', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không tìm thấy trường nào trong ${file}/schools/`);
    noTrace(r.err);
  });
});

describe('ranking.csv', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    const site = (name: string, unit: string) => ({
      rank: 1,
      name,
      domain: 'a.edu.vn',
      url: 'https://a.edu.vn/',
      unit,
      levels: ['thcs'],
      score: -3,
      band: { label: { vi: 'Khá', en: 'Fair' } },
      scan: { status: 'ok', pages: 2 },
      metrics: { newestPost: '2026-01-01' },
      categories: [],
      criteria: [],
    });
    const report = {
      criteria: { categories: [], criteria: [] },
      sites: [site('=HYPERLINK("http://x","Bấm")', '+cmd'), site('-1+1', '@SUM(A1)'), site('\tTab', '\rCR')],
    } as unknown as RankingReport;
    const rows = formatCsv(report)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(rows[1]).toBe(`1,"'=HYPERLINK(""http://x"",""Bấm"")",a.edu.vn,https://a.edu.vn/,'+cmd,thcs,-3,Khá,ok,2,2026-01-01`);
    expect(rows[2]).toContain(`,'-1+1,`);
    expect(rows[2]).toContain(`,'@SUM(A1),`);
    expect(rows[3]).toContain(`"'\tTab"`);
    expect(rows[3]).toContain(`"'\rCR"`);
  });
});
