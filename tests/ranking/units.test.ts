/** Parts of the ranking job that need no crawl: input files, criteria, dates, decoding, robots, limits. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/rank.ts';
import { DEFAULT_CRITERIA_FILE, parseCriteria } from '../../src/ranking/criteria.ts';
import { decodeBody } from '../../src/ranking/decode.ts';
import type { FetchRecord } from '../../src/ranking/fetcher.ts';
import { Limiter } from '../../src/ranking/limiter.ts';
import { robotsFromRecord } from '../../src/ranking/robots.ts';
import { bandOf } from '../../src/ranking/score.ts';
import { findDates, instantToVietnamDate, schoolYearsIn } from '../../src/ranking/signals/dates.ts';
import { parseCsv, parseResolve, readSitesFile } from '../../src/ranking/sites-list.ts';
import { tempDir } from '../helpers.ts';
import { toWindows1258 } from './servers.ts';

const record = (over: Partial<FetchRecord>): FetchRecord => ({
  url: 'http://x/robots.txt',
  finalUrl: 'http://x/robots.txt',
  status: 'ok',
  redirects: [],
  bytes: 0,
  ms: 0,
  attempts: 1,
  ...over,
});

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  try {
    return { code: await run(args), err: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('Vietnamese dates', () => {
  it('reads the formats school sites print', () => {
    expect(findDates('Đăng ngày 05/09/2025 lúc 07:30')).toEqual(['2025-09-05']);
    expect(findDates('Thứ Hai, 5-9-2025; cập nhật 06.09.2025')).toEqual(['2025-09-05', '2025-09-06']);
    expect(findDates('Sông Xanh, ngày 2 tháng 10 năm 2026')).toEqual(['2026-10-02']);
    expect(findDates('2026-11-20T08:00')).toEqual(['2026-11-20']);
    expect(findDates('31/02/2025 và 1/1/1990')).toEqual([]);
    expect(instantToVietnamDate('Thu, 19 Nov 2026 18:30:00 GMT')).toBe('2026-11-20');
    expect(schoolYearsIn('Công khai năm học 2025 – 2026 và 2024/2025, không phải 2024-2026')).toEqual(['2025-2026', '2024-2025']);
  });
});

describe('decoding', () => {
  it('decodes windows-1258 declared in a meta tag to NFC text', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>Trường Nguyễn Du</p>';
    const { text, charset } = decodeBody(toWindows1258(html), 'text/html');
    expect(charset).toBe('windows-1258');
    expect(text).toContain('Trường Nguyễn Du');
    expect(text).toBe(text.normalize('NFC'));
  });
  it('prefers the HTTP header and falls back to UTF-8', () => {
    expect(decodeBody(Buffer.from('Tiếng Việt'), 'text/html; charset=utf-8').text).toBe('Tiếng Việt');
    expect(decodeBody(Buffer.from('Tiếng Việt'), undefined).charset).toBe('utf-8');
  });
});

describe('robots.txt (RFC 9309)', () => {
  it('allows all on 4xx, disallows all on 5xx or when unreachable, parses otherwise', () => {
    expect(robotsFromRecord('http://x/robots.txt', record({ status: 'http-error', httpStatus: 404 })).isAllowed('http://x/a')).toBe(true);
    expect(robotsFromRecord('http://x/robots.txt', record({ status: 'http-error', httpStatus: 503 })).isAllowed('http://x/a')).toBe(false);
    expect(robotsFromRecord('http://x/robots.txt', record({ status: 'timeout' })).mode).toBe('disallow-all');
    const body = Buffer.from('User-agent: *\nDisallow: /noi-bo/\nCrawl-delay: 3\nSitemap: http://x/s.xml\n').toString('base64');
    const r = robotsFromRecord('http://x/robots.txt', record({ body }));
    expect([r.isAllowed('http://x/noi-bo/a'), r.isAllowed('http://x/tin-tuc/'), r.crawlDelay, r.sitemaps]).toEqual([
      false,
      true,
      3,
      ['http://x/s.xml'],
    ]);
  });
});

describe('limiter', () => {
  it('never runs more than the per-host and global limits', async () => {
    const limiter = new Limiter(3, 2);
    const active = new Map<string, number>();
    let peak = 0;
    let peakHost = 0;
    const task = (host: string) =>
      limiter.run(host, async () => {
        active.set(host, (active.get(host) ?? 0) + 1);
        peak = Math.max(
          peak,
          [...active.values()].reduce((a, b) => a + b, 0),
        );
        peakHost = Math.max(peakHost, active.get(host)!);
        await new Promise((r) => setTimeout(r, 5));
        active.set(host, active.get(host)! - 1);
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => task(i % 3 === 0 ? 'a' : 'b')));
    expect(peak).toBe(3);
    expect(peakHost).toBe(2);
  });
});

describe('sites list', () => {
  it('reads CSV with quotes, semicolons and several levels', async () => {
    const dir = await tempDir('rank-sites-');
    const f = path.join(dir, 'sites.csv');
    await writeFile(
      f,
      'name;url;level;unit\n"Trường TH&THCS Sao, Mai";https://saomai.edu.vn/;th thcs;Phòng VH-XH xã A\nTrường THPT B;https://thptb.edu.vn;thpt;\n',
    );
    const res = await readSitesFile(f);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.sites[0]).toMatchObject({
      name: 'Trường TH&THCS Sao, Mai',
      levels: ['th', 'thcs'],
      unit: 'Phòng VH-XH xã A',
      id: 'saomai.edu.vn',
    });
    // The site is fetched at its own address; --resolve only changes where the socket connects.
    expect(res.sites[1]!.fetchUrl).toBe('https://thptb.edu.vn/');
    expect(parseCsv('a,b\r\n"x\n y",2\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\n y', '2'] },
    ]);
  });

  it('refuses a quote that is never closed, at the line its cell starts, instead of swallowing the rows after it', async () => {
    const dir = await tempDir('rank-sites-');
    const f = path.join(dir, 'sites.csv');
    await writeFile(
      f,
      'name,url,level\nTrường A,https://a.edu.vn/,thcs\n"Trường B,https://b.edu.vn/,thcs\nTrường C,https://c.edu.vn/,th\n',
    );
    const res = await readSitesFile(f);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues).toMatchObject([{ name: 'csvSyntax', line: 3 }]);
    // A stray quote inside a cell is text; blank rows are skipped but still counted as lines.
    expect(parseCsv('a;b\n"TH ""Sao Mai""";x\n\n ; \nTH "B";y\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['TH "Sao Mai"', 'x'] },
      { line: 5, cells: ['TH "B"', 'y'] },
    ]);
  });

  it('rejects a bad row with its line and field (exit 2)', async () => {
    const dir = await tempDir('rank-sites-');
    const f = path.join(dir, 'sites.csv');
    await writeFile(f, 'name,url,level\nTrường A,https://a.edu.vn/,thcs\nTrường B,not a url,cap3\n');
    const { code, err } = await cli(['--sites', f, '--lang', 'en']);
    expect(code).toBe(2);
    expect(err).toContain('sites.csv:3');
    expect(err).toContain('Field: url');
    expect(err).toContain('Field: level[0]');
  });

  it('validates --resolve, --date and the choice of input', async () => {
    expect(parseResolve(['a.edu.vn=127.0.0.1:8080', 'B.edu.vn=[::1]:443'])).toEqual({
      ok: true,
      map: new Map([
        ['a.edu.vn', { host: '127.0.0.1', port: 8080 }],
        ['b.edu.vn', { host: '::1', port: 443 }],
      ]),
    });
    for (const bad of ['oops', 'a.edu.vn=127.0.0.1', 'a.edu.vn=127.0.0.1:99999']) expect(parseResolve([bad]).ok).toBe(false);
    expect((await cli(['--lang', 'en'])).code).toBe(2);
    expect((await cli(['--sites', 'x.csv', '--date', '2026-02-30', '--lang', 'en'])).err).toContain('--date must be a real date');
    expect((await cli(['--sites', 'x.csv', '--concurrency', '0', '--lang', 'en'])).code).toBe(2);
    expect((await cli(['--sites', 'missing.csv', '--lang', 'en'])).err).toContain('not found');
    expect((await cli(['--from-snapshot', 'missing.json', '--lang', 'en'])).err).toContain('Cannot read the snapshot');
  });
});

describe('criteria file', () => {
  it('the default file is valid, cites its sources and has the HCMC bands', async () => {
    const res = parseCriteria(await readFile(DEFAULT_CRITERIA_FILE, 'utf8'), 'default.yaml');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const c = res.criteria;
    expect(c.categories.reduce((n, k) => n + k.weight, 0)).toBe(100);
    expect(c.bands.map((b) => [b.label.vi, b.min])).toEqual([
      ['Xuất sắc', 90],
      ['Tốt', 80],
      ['Khá', 70],
      ['Trung bình', 50],
      ['Yếu', 0],
    ]);
    expect(bandOf(c.bands, 89.9).id).toBe('tot');
    expect(bandOf(c.bands, 49.9).id).toBe('yeu');
    for (const cr of c.categories.flatMap((k) => k.criteria)) expect(cr.source.length).toBeGreaterThan(0);
    const local = c.categories.flatMap((k) => k.criteria).filter((cr) => cr.verification === 'local-practice');
    expect(local.map((cr) => cr.id)).toEqual(expect.arrayContaining(['B9', 'C1', 'D3']));
  });

  it('names the file, line and field of a mistake, with a suggestion', async () => {
    const text = (await readFile(DEFAULT_CRITERIA_FILE, 'utf8'))
      .replace('signal: edu-domain', 'signal: edu-domian')
      .replace('weight: 10\n', 'weight: 10\n    wieght: 3\n');
    const res = parseCriteria(text, 'tieu-chi.yaml');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const en = res.message('en');
    expect(en).toMatch(/tieu-chi\.yaml:\d+:\d+ \(error\) The value is not one of the allowed values\./);
    expect(en).toContain('Field: categories[0].criteria[0].signal');
    expect(en).toContain('Did you mean `edu-domain`?');
    expect(en).toContain('Field: categories[0].wieght');
    expect(res.message('vi')).toContain('Có phải bạn muốn viết `edu-domain`?');
  });

  it('checks weights, required parameters and bands across fields (CLI exit 2)', async () => {
    const text = (await readFile(DEFAULT_CRITERIA_FILE, 'utf8'))
      .replace('weight: 10\n', 'weight: 15\n')
      .replace('params: { section: tin-tuc }', 'params: {}');
    const dir = await tempDir('rank-criteria-');
    const f = path.join(dir, 'tieu-chi.yaml');
    await writeFile(f, text);
    const { code, err } = await cli(['--from-snapshot', 'unused.json', '--criteria', f]);
    expect(code).toBe(2);
    expect(err).toContain('Tổng trọng số các nhóm là 105, cần đúng 100');
    expect(err).toContain('categories[1].criteria[1].params.section');
  });
});
