/**
 * The ranking job end to end on 127.0.0.1: the built demo sites, hand-made sites in other CMS
 * styles, and hostile servers. One crawl in beforeAll; the tests read its snapshot and report.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { run } from '../../src/cli/rank.ts';
import { loadCriteria, type CriteriaFile } from '../../src/ranking/criteria.ts';
import { crawlSites, scoreSnapshot } from '../../src/ranking/rank.ts';
import { rankingReportSchema, type RankingReport, type SiteRanking } from '../../src/ranking/report/schema.ts';
import { readSitesFile } from '../../src/ranking/sites-list.ts';
import { loadSnapshot, saveSnapshot, type Snapshot } from '../../src/ranking/snapshot.ts';
import { FIXTURE_SITES } from '../fixtures/ranking/sites.ts';
import { tempDir } from '../helpers.ts';
import { serveFolder } from '../static-server.ts';
import { serveFixture, serveHostile, serveSelfSigned, type HostileKind, type TestServer } from './servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATE = '2026-11-23';
// Two demo schools are enough and halve the build time (the host portal is skipped).
const DEMO = [
  { id: 'thcs-le-loi', domain: 'thcsleloi.songxanh.edu.vn', name: 'Trường THCS Lê Lợi', level: 'thcs' },
  { id: 'mn-hoa-sen', domain: 'mnhoasen.songxanh.edu.vn', name: 'Trường Mầm non Hoa Sen', level: 'mn' },
];
const HOSTILE: { kind: HostileKind; domain: string }[] = [
  { kind: 'slow', domain: 'cham.edu.vn' },
  { kind: 'drip', domain: 'nhogiot.edu.vn' },
  { kind: 'redirect-loop', domain: 'vonglap.edu.vn' },
  { kind: 'huge', domain: 'khongl.edu.vn' },
  { kind: 'error-500', domain: 'loi500.edu.vn' },
];

let work: string;
let servers: TestServer[] = [];
let snapshot: Snapshot;
let report: RankingReport;
let criteria: CriteriaFile;
let snapshotFile: string;
const site = (domain: string): SiteRanking => {
  const s = report.sites.find((x) => x.domain === domain);
  if (!s) throw new Error(`no site ${domain}`);
  return s;
};
const crit = (domain: string, id: string) => site(domain).criteria.find((c) => c.id === id)!;

beforeAll(async () => {
  work = await tempDir('rank-test-');
  const out = path.join(work, 'dist');
  const built = await buildSites({ contentDir: path.join(ROOT, 'content'), outDir: out, date: DATE, schools: DEMO.map((d) => d.id) });
  expect(built.sites.every((s) => s.status === 'built')).toBe(true);
  const lines: string[] = [];
  // --resolve as in curl: each school is requested at its own (plain HTTP) address, over a
  // connection to its local test server.
  const resolve = new Map<string, { host: string; port: number }>();
  const at = (url: string) => ({ host: '127.0.0.1', port: Number(new URL(url).port) });
  for (const d of DEMO) {
    const s = await serveFolder(path.join(out, 'sites', d.domain));
    servers.push({ host: s.url.slice(7), url: `${s.url}/`, close: s.close });
    resolve.set(d.domain, at(s.url));
    lines.push(`- { name: "${d.name}", url: "http://${d.domain}/", level: ${d.level}, unit: "Phòng GD&ĐT Sông Xanh" }`);
  }
  for (const f of FIXTURE_SITES) {
    const s = await serveFixture(f);
    servers.push(s);
    resolve.set(f.domain, at(s.url));
    lines.push(`- { name: "${f.name}", url: "http://${f.domain}/", level: ${f.level} }`);
  }
  for (const h of HOSTILE) {
    const s = await serveHostile(h.kind);
    servers.push(s);
    resolve.set(h.domain, at(s.url));
    lines.push(`- { name: "Máy chủ ${h.kind}", url: "http://${h.domain}/", level: thcs }`);
  }
  const tls = await serveSelfSigned();
  servers.push(tls);
  resolve.set('tuky.edu.vn', at(tls.url));
  lines.push(`- { name: "Chứng chỉ tự ký", url: "https://tuky.edu.vn/", level: thpt }`);
  lines.push(`- { name: "Không có tên miền", url: "https://khong-ton-tai.edu.vn/", level: th }`);
  const sitesFile = path.join(work, 'sites.yaml');
  await writeFile(sitesFile, `${lines.join('\n')}\n`);
  const sites = await readSitesFile(sitesFile);
  if (!sites.ok) throw new Error(JSON.stringify(sites.issues));
  snapshot = await crawlSites({
    sites: sites.sites,
    concurrency: 6,
    fetcher: { totalTimeoutMs: 1500, connectTimeoutMs: 1000, retries: 1, backoffMs: 50, maxBytes: 1024 * 1024, offline: true, resolve },
    crawl: { siteTimeoutMs: 6000, maxPages: 40 },
  });
  snapshotFile = path.join(work, 'snapshot.json.gz');
  await saveSnapshot(snapshotFile, snapshot);
  const c = await loadCriteria();
  if (!c.ok) throw new Error(c.message('en'));
  criteria = c.criteria;
  report = scoreSnapshot(snapshot, criteria, DATE);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('ranking job on fixture servers', () => {
  it('ranks the fixtures in the hand-made expected order', () => {
    const order = report.sites.map((s) => s.domain);
    const expected = ['thpttranphu.edu.vn', 'tieuhochoabinh.vn', 'thcsnguyendu.edu.vn', 'mnsaomai.edu.vn'];
    // Both demo sites lead; then the NukeViet-like portal, WordPress, the legacy site, invalid HTML.
    expect(new Set(order.slice(0, 2))).toEqual(new Set(DEMO.map((d) => d.domain)));
    expect(order.slice(2, 6)).toEqual(expected);
    // Every unreachable site comes last with 0 points and the lowest band.
    for (const s of report.sites.slice(6)) {
      expect(s.score).toBe(0);
      expect(s.band.id).toBe('yeu');
      expect(s.scan.status).not.toBe('ok');
      expect(s.rank).toBe(7);
    }
    expect(site('thcsleloi.songxanh.edu.vn').band.id).toBe('xuat-sac');
    expect(site('thcsnguyendu.edu.vn').band.id).toBe('yeu');
  });

  it('gives each hostile server its scan status, in bounded time', () => {
    const status = (d: string) => site(d).scan.status;
    expect(status('cham.edu.vn')).toBe('timeout');
    expect(status('nhogiot.edu.vn')).toBe('timeout');
    expect(status('vonglap.edu.vn')).toBe('too-many-redirects');
    expect(status('khongl.edu.vn')).toBe('too-large');
    expect(status('loi500.edu.vn')).toBe('http-error');
    expect(status('tuky.edu.vn')).toBe('tls');
    expect(status('khong-ton-tai.edu.vn')).toBe('dns');
    expect(status('mnsaomai.edu.vn')).toBe('ok');
    // robots.txt answered 500 (RFC 9309: disallow all) explains why the home page was not fetched.
    expect(site('loi500.edu.vn').scan.steps.find((s) => s.step === 'robots')?.status).toBe('http-error');
    for (const h of [...HOSTILE.map((x) => x.domain), 'tuky.edu.vn']) {
      // request limit 1.5 s × 2 attempts + backoff, far below the 6 s site limit
      expect(site(h).scan.ms).toBeLessThan(6000);
      expect(site(h).scan.stop).toBe('failed');
    }
  });

  it('reads our own sites from their manifest and scores them fully where it can', () => {
    const s = site('thcsleloi.songxanh.edu.vn');
    expect(s.scan.manifest).toBe(true);
    expect(s.scan.status).toBe('ok');
    expect(crit(s.domain, 'B5').evidence[0]?.text).toMatch(/^Công khai \(theo bản kê chuyên mục của trang\)/);
    expect(crit(s.domain, 'C2').status).toBe('pass');
    expect(crit(s.domain, 'C3').status).toBe('pass');
    expect(crit(s.domain, 'C3').evidence[0]?.url).toMatch(/\.pdf$/);
    expect(crit(s.domain, 'E4').status).toBe('pass');
    expect(crit(s.domain, 'D1').status).toBe('pass');
    // Declared and served over plain HTTP here: HTTPS is judged where the site really answered.
    expect(crit(s.domain, 'A2').status).toBe('fail');
    expect(s.metrics.disclosureYears).toContain('2025-2026');
  });

  it('finds công khai filed under Văn bản, the annual report PDF, RSS and dates on a NukeViet-like site', () => {
    const d = 'thpttranphu.edu.vn';
    expect(site(d).scan.manifest).toBe(false);
    expect(crit(d, 'C2').status).toBe('pass');
    expect(crit(d, 'C2').evidence.map((e) => e.url)).toContainEqual(expect.stringMatching(/\/uploads\/ck-2025-2026-tai-chinh\.pdf$/));
    // Công khai documents filed under Văn bản are items (C2), but no công khai section exists (issue 16).
    expect(crit(d, 'C1').status).toBe('fail');
    expect(crit(d, 'B5').status).toBe('fail');
    expect(crit(d, 'C3').status).toBe('pass');
    expect(crit(d, 'C3').evidence[0]?.url).toMatch(/bao-cao-thuong-nien-2025\.pdf$/);
    expect(crit(d, 'E4').detail.en).toMatch(/Valid RSS feed with 10 item/);
    expect(site(d).metrics.newestPost).toBe('2026-11-20');
    expect(crit(d, 'D3').status).toBe('pass');
    expect(crit(d, 'A5').detail.vi).toContain('vanthu@thpttranphu.edu.vn');
    expect(crit(d, 'E1').status).toBe('pass');
    expect(crit(d, 'E2').evidence[0]?.url).toMatch(/\/sitemap\.html$/);
  });

  it('decodes windows-1258 and Vietnamese date formats on a legacy site without RSS', () => {
    const d = 'thcsnguyendu.edu.vn';
    expect(crit(d, 'B1').evidence[0]?.text).toContain('GIỚI THIỆU');
    expect(crit(d, 'D1').evidence[0]?.text).toBe('2026-10-02 (danh sách tin)'); // "Ngày 02 tháng 10 năm 2026"
    expect(crit(d, 'D1').status).toBe('partial');
    expect(site(d).metrics.postsSchoolYear).toBe(3); // 02/10, 15-09 and 20.08.2026
    expect(crit(d, 'E4').status).toBe('fail');
    expect(crit(d, 'E5').status).toBe('fail');
    expect(crit(d, 'A5').status).toBe('fail');
    expect(crit(d, 'A5').detail.en).toContain('thcsnguyendu@gmail.com');
    expect(crit(d, 'C1').status).toBe('pass');
    expect(crit(d, 'C2').status).toBe('fail');
  });

  it('respects robots.txt and reports broken links and differently named menus on a WordPress-like site', () => {
    const d = 'tieuhochoabinh.vn';
    const crawl = snapshot.sites.find((s) => s.site.id === d)!.crawl;
    const noiBo = crawl.entries.find((e) => e.record.url.endsWith('/noi-bo/'));
    expect(noiBo?.record.status).toBe('blocked-by-robots');
    // Evidence links point to the declared address, not to the local server it was fetched from.
    expect(crit(d, 'E9').evidence.map((e) => e.url)).toEqual([
      'http://tieuhochoabinh.vn/lich-cong-tac/',
      'http://tieuhochoabinh.vn/thu-vien/',
    ]);
    expect(crit(d, 'E9').status).toBe('partial');
    expect(crit(d, 'A1').status).toBe('fail');
    // "Về chúng tôi" in the menu; the page heading "Giới thiệu chung" is what names the section.
    expect(crit(d, 'B1').evidence[0]?.url).toMatch(/\/ve-chung-toi\/$/);
    expect(crit(d, 'C2').detail.en).toContain('5/7');
    expect(crit(d, 'C3').status).toBe('partial'); // linked, but the PDF answers 404
    expect(site(d).metrics.newestPost).toBe('2026-10-30');
  });

  it('links every piece of evidence to the address the public uses', () => {
    const urls = report.sites.flatMap((s) => s.criteria.flatMap((c) => c.evidence.flatMap((e) => (e.url ? [e.url] : []))));
    expect(urls.length).toBeGreaterThan(20);
    // --resolve changes where the socket connects, never an address: no local server shows.
    expect(urls.filter((u) => !/^https?:\/\/[a-z.-]+\.(edu\.)?vn\//.test(u))).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('127.0.0.1');
  });

  it('scores a snapshot again to the same report, without any server', async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    const again = scoreSnapshot(await loadSnapshot(snapshotFile), criteria, DATE);
    expect(again).toEqual(report);
    const out = path.join(work, 'report');
    const code = await run(['--from-snapshot', snapshotFile, '--out', out, '--date', DATE]);
    expect(code).toBe(0);
    const json = JSON.parse(await readFile(path.join(out, 'ranking.json'), 'utf8'));
    expect(rankingReportSchema.parse(json)).toEqual(report);
    const csv = await readFile(path.join(out, 'ranking.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFrank,name,domain,url,unit,levels,score,band,scan_status/);
    expect(csv).toContain('Trường THPT Trần Phú');
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'sort.js', 'report.css', 'site-thpttranphu.edu.vn.html']));
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('<script src="sort.js" defer></script>');
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
    expect(index).not.toMatch(/(href|src)="https?:\/\/(?!127\.0\.0\.1)/); // no external asset
    expect(index.match(/<svg /g)?.length).toBe(2);
    expect(index.indexOf('thcsleloi.songxanh.edu.vn')).toBeLessThan(index.indexOf('thpttranphu.edu.vn'));
    const page = await readFile(path.join(out, 'site-thpttranphu.edu.vn.html'), 'utf8');
    expect(page).toContain('09/2024/TT-BGDĐT, Điều 14');
    expect(page).toContain('ck-2025-2026-tai-chinh.pdf');
  });
});

describe('sites from a content folder', () => {
  it('lists every school of the host with its domain and the host as unit', async () => {
    const { sitesFromContent } = await import('../../src/ranking/sites-list.ts');
    const res = await sitesFromContent(path.join(ROOT, 'content'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const leLoi = res.sites.find((s) => s.domain === 'thcsleloi.songxanh.edu.vn')!;
    expect(leLoi.url).toBe('https://thcsleloi.songxanh.edu.vn/');
    expect(leLoi.fetchUrl).toBe('https://thcsleloi.songxanh.edu.vn/');
    expect(leLoi.unit).toBe('Phòng Giáo dục và Đào tạo huyện Sông Xanh');
    expect(res.sites).toHaveLength(3);
  });
});
