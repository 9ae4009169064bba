/**
 * `congtruong rank`: crawls and scores school websites, writes the ranking report (JSON, CSV,
 * HTML). Exit codes: 0 report written, 2 bad arguments, invalid sites or criteria file.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ErrorArgs } from '../errors/catalogue.ts';
import { cliError, langOfArgv, parseArgsError, type CliErrorName } from '../errors/cli-errors.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { loadCriteria } from '../ranking/criteria.ts';
import { crawlSites, scoreSnapshot, type ProgressEvent } from '../ranking/rank.ts';
import { formatCsv } from '../ranking/report/csv.ts';
import { formatHtml } from '../ranking/report/html.ts';
import { formatJson } from '../ranking/report/json.ts';
import { parseResolve, readSitesFile, sitesFromContent, type RankSite } from '../ranking/sites-list.ts';
import { loadSnapshot, saveSnapshot, SnapshotError, type Snapshot } from '../ranking/snapshot.ts';
import { isRealDate, parseLocalDate } from '../util/dates.ts';
import { badLang, isLang } from './options.ts';

const USAGE = {
  vi: `Cách dùng: congtruong rank (--sites TỆP | --content THƯ_MỤC | --from-snapshot TỆP) [tùy chọn]

Thu thập và chấm điểm cổng thông tin các trường, ghi báo cáo xếp hạng (JSON, CSV, HTML).

  --sites TỆP             Danh sách trang web (CSV hoặc YAML: name, url, level, unit, domain)
  --content THƯ_MỤC       Mọi trường của nội dung Cổng Trường (content/host.yaml + schools)
  --resolve TÊN=IP:CỔNG   Như curl: kết nối tới IP:CỔNG cho tên miền này, giữ nguyên tên miền
                          (Host, SNI) và mọi địa chỉ trong báo cáo; lặp lại được
  --criteria TỆP          Bộ tiêu chí YAML (mặc định: src/ranking/criteria/default.yaml)
  --out THƯ_MỤC           Thư mục báo cáo (mặc định: ranking)
  --concurrency N         Số trang web thu thập song song (mặc định: 4)
  --date YYYY-MM-DD       Ngày chấm điểm (mặc định: ngày thu thập)
  --save-snapshot TỆP     Lưu mọi phản hồi đã thu thập (.json hoặc .json.gz)
  --from-snapshot TỆP     Chấm lại từ bản lưu, không truy cập mạng
  --max-pages N           Số trang tối đa mỗi trang web (mặc định: 60)
  --timeout GIÂY          Thời gian tối đa mỗi yêu cầu (mặc định: 30)
  --site-timeout GIÂY     Thời gian tối đa mỗi trang web (mặc định: 180)
  --retries N             Số lần thử lại khi lỗi tạm thời (mặc định: 2)
  --offline               Không tra cứu DNS (chỉ địa chỉ IP và --resolve)
  --lang vi|en            Ngôn ngữ thông báo và báo cáo HTML (mặc định: vi)`,
  en: `Usage: congtruong rank (--sites FILE | --content DIR | --from-snapshot FILE) [options]

Crawls and scores school web portals and writes the ranking report (JSON, CSV, HTML).

  --sites FILE            List of sites (CSV or YAML: name, url, level, unit, domain)
  --content DIR           Every school of a Cổng Trường content folder (content/host.yaml + schools)
  --resolve NAME=IP:PORT  As curl does: connect to IP:PORT for this domain, keeping the domain
                          (Host, SNI) and every URL of the report; repeatable
  --criteria FILE         Criteria YAML (default: src/ranking/criteria/default.yaml)
  --out DIR               Report folder (default: ranking)
  --concurrency N         Sites crawled in parallel (default: 4)
  --date YYYY-MM-DD       Scoring date (default: the crawl date)
  --save-snapshot FILE    Save every recorded response (.json or .json.gz)
  --from-snapshot FILE    Score a saved snapshot again, without any network request
  --max-pages N           Maximum pages per site (default: 60)
  --timeout SECONDS       Maximum time per request (default: 30)
  --site-timeout SECONDS  Maximum time per site (default: 180)
  --retries N             Retries after transient errors (default: 2)
  --offline               No DNS lookups (IP addresses and --resolve only)
  --lang vi|en            Language of messages and of the HTML report (default: vi)`,
};

function bad(lang: Lang, name: CliErrorName, args: ErrorArgs = {}): number {
  console.error(cliError(name, args, lang));
  return 2;
}

/** A snapshot that cannot be used: its own catalogue entry, in the language of the command. */
function fail(lang: Lang, err: SnapshotError): number {
  console.error(err.render(lang));
  return 2;
}

/** Example values of the numeric options, for their error messages. */
const POSITIVE_EXAMPLES = { concurrency: '4', 'max-pages': '60', timeout: '30', 'site-timeout': '180' } as const;

const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );

function positiveInt(v: string | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  return /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null;
}

function progressPrinter(lang: Lang) {
  const tty = process.stderr.isTTY === true;
  return {
    start(site: RankSite) {
      if (tty) process.stderr.write(`\r\x1b[2K${lang === 'vi' ? 'Đang thu thập' : 'Crawling'} ${site.domain} …`);
    },
    done(e: ProgressEvent) {
      const pages = e.crawl.entries.filter((x) => x.kind === 'page' || x.kind === 'home').length;
      const line = `[${e.done}/${e.total}] ${e.site.domain}: ${e.crawl.status}, ${pages} ${lang === 'vi' ? 'trang' : 'pages'}, ${(e.crawl.ms / 1000).toFixed(1)} s`;
      if (tty) process.stderr.write(`\r\x1b[2K${line}${e.done === e.total ? '\n' : ''}`);
      else console.error(line);
    },
  };
}

const RANK_OPTIONS = {
  sites: { type: 'string' },
  content: { type: 'string' },
  resolve: { type: 'string', multiple: true },
  criteria: { type: 'string' },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  date: { type: 'string' },
  'save-snapshot': { type: 'string' },
  'from-snapshot': { type: 'string' },
  'max-pages': { type: 'string' },
  timeout: { type: 'string' },
  'site-timeout': { type: 'string' },
  retries: { type: 'string' },
  offline: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Every option name of `rank`, to recognise the ones npm kept for itself. */
export const optionNames = (): string[] => Object.keys(RANK_OPTIONS);

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: RANK_OPTIONS,
    }));
  } catch (err) {
    const guess = langOfArgv(argv);
    console.error(`${parseArgsError(err, 'rank', guess)}\n\n${USAGE[guess]}`);
    return 2;
  }
  if (values.lang !== undefined && !isLang(values.lang)) {
    console.error(badLang(values.lang));
    return 2;
  }
  const lang: Lang = values.lang ?? 'vi';
  if (values.help) {
    console.log(USAGE[lang]);
    return 0;
  }
  const sources = [values.sites, values.content, values['from-snapshot']].filter((x) => x !== undefined).length;
  if (sources !== 1) return bad(lang, 'rankOneSource', { count: sources });
  if (values.date !== undefined) {
    const d = parseLocalDate(values.date);
    if (!d || !isRealDate(d) || d.iso !== values.date) return bad(lang, 'badDate', { value: values.date });
  }
  const nums: Record<string, number | undefined> = {};
  for (const k of ['concurrency', 'max-pages', 'timeout', 'site-timeout'] as const) {
    const n = positiveInt(values[k]);
    if (n === null) return bad(lang, 'notPositiveInteger', { option: `--${k}`, value: String(values[k]), example: POSITIVE_EXAMPLES[k] });
    nums[k] = n;
  }
  const retries = values.retries === undefined ? undefined : /^\d+$/.test(values.retries) ? Number(values.retries) : null;
  if (retries === null) return bad(lang, 'badRetries', { value: String(values.retries) });
  const resolve = parseResolve(values.resolve ?? []);
  if (!resolve.ok) return bad(lang, 'badResolve', { value: resolve.bad });

  const criteria = await loadCriteria(values.criteria);
  if (!criteria.ok) {
    console.error(criteria.message(lang));
    return 2;
  }

  let snapshot: Snapshot;
  if (values['from-snapshot']) {
    try {
      snapshot = await loadSnapshot(values['from-snapshot']);
    } catch (err) {
      if (err instanceof SnapshotError) return fail(lang, err);
      throw err;
    }
  } else {
    let sites: RankSite[];
    if (values.sites) {
      if (!(await exists(values.sites))) return bad(lang, 'sitesFileNotFound', { file: values.sites });
      const res = await readSitesFile(values.sites);
      if (!res.ok) {
        console.error(formatIssues(res.issues, lang));
        return 2;
      }
      sites = res.sites;
    } else {
      if (!(await exists(path.join(values.content!, 'schools')))) return bad(lang, 'contentNotFound', { dir: values.content! });
      const res = await sitesFromContent(values.content!);
      if (!res.ok) {
        console.error(formatIssues(res.issues, lang));
        return 2;
      }
      sites = res.sites;
    }
    const progress = progressPrinter(lang);
    const timeout = nums.timeout !== undefined ? nums.timeout * 1000 : undefined;
    snapshot = await crawlSites({
      sites,
      concurrency: nums.concurrency,
      fetcher: {
        ...(timeout ? { totalTimeoutMs: timeout, connectTimeoutMs: Math.min(timeout, 10_000) } : {}),
        ...(retries !== undefined ? { retries } : {}),
        offline: values.offline ?? false,
        resolve: resolve.map,
      },
      crawl: {
        ...(nums['max-pages'] ? { maxPages: nums['max-pages'] } : {}),
        ...(nums['site-timeout'] ? { siteTimeoutMs: nums['site-timeout'] * 1000 } : {}),
      },
      onStart: progress.start,
      onProgress: progress.done,
    });
    if (values['save-snapshot']) await saveSnapshot(values['save-snapshot'], snapshot);
  }

  const report = scoreSnapshot(snapshot, criteria.criteria, values.date ?? snapshot.crawledOn);
  const out = path.resolve(values.out ?? 'ranking');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'ranking.json'), formatJson(report));
  await writeFile(path.join(out, 'ranking.csv'), formatCsv(report, lang));
  for (const [name, content] of formatHtml(report, lang)) await writeFile(path.join(out, name), content);
  console.log(
    lang === 'vi'
      ? `Đã ghi báo cáo xếp hạng ${report.sites.length} trường vào ${out}/index.html`
      : `Ranking of ${report.sites.length} sites written to ${out}/index.html`,
  );
  return 0;
}
