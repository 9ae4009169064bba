/**
 * `npm run eval:realsites`: the ranking job and `check --site` measured against a person's hand
 * audit of real school websites.
 *
 * Copies of real sites live beside the project, in `../shared/realsites/<folder>/` (never in it:
 * they hold real people's contact data). For each hand audit in `tests/fixtures/realsites/`,
 * the copy is served on 127.0.0.1, ranked with `congtruong rank --resolve <domain>=127.0.0.1:PORT`
 * (so the site keeps its own domain) and checked with `check --site`'s reader on the folder.
 * The script prints, per site, the agreement of every criterion with the audit, and fails (exit 1)
 * when a site agrees on less than 90 % of its criteria, when a mandatory section or a footer field
 * passes where the audit found nothing, or when `rank` and `check --site` disagree on a fact they
 * share. Without `../shared/realsites/` it says so and exits 0.
 *
 * Options: `--dir DIR` (the copies; default ../shared/realsites or $REALSITES_DIR), `--site FOLDER`.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { runChecks } from '../src/compliance/engine.ts';
import { readSiteFolder } from '../src/compliance/site-folder.ts';
import type { SectionKey } from '../src/site/facts.ts';
import { run as rank } from '../src/cli/rank.ts';
import { computeSignals } from '../src/ranking/signals/index.ts';
import { loadSnapshot } from '../src/ranking/snapshot.ts';
import type { RankingReport } from '../src/ranking/report/schema.ts';
import { levelSchema } from '../src/schemas/level.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const AUDITS = path.join(ROOT, 'tests', 'fixtures', 'realsites');
const STATUS = z.enum(['pass', 'partial', 'fail', 'skip']);
const auditSchema = z.strictObject({
  folder: z.string(),
  name: z.string(),
  domain: z.string(),
  entry: z.string().startsWith('/'),
  level: levelSchema,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  footer: z.strictObject({
    unitName: z.boolean(),
    responsiblePerson: z.boolean(),
    address: z.boolean(),
    phone: z.boolean(),
    email: z.boolean(),
  }),
  criteria: z.record(z.string(), z.strictObject({ expect: z.union([STATUS, z.array(STATUS).min(1)]), why: z.string() })),
});
type Audit = z.infer<typeof auditSchema>;

/** Mandatory sections (TT 37/2020 Điều 9) whose false pass fails the evaluation outright. */
const MANDATORY: Record<string, string> = {
  B1: 'Giới thiệu',
  B2: 'Tin tức',
  B3: 'Văn bản',
  B4: 'Tuyển sinh',
  B5: 'Công khai',
  B6: 'Liên hệ',
  B8: 'Lãnh đạo',
  C1: 'Công khai năm học',
};
const FOOTER_NAMES: Record<string, string> = {
  unitName: 'tên đơn vị',
  responsiblePerson: 'người chịu trách nhiệm',
  address: 'địa chỉ',
  phone: 'điện thoại',
  email: 'thư điện tử',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves a copy as a website copier expects: query strings ignored, folders answer with index.html. */
async function serveCopy(root: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    const st = await stat(file).catch(() => null);
    if (st?.isDirectory()) file = path.join(file, 'index.html');
    const ok = await stat(file).catch(() => null);
    if (!ok?.isFile()) return void res.writeHead(404, { 'Content-Type': TYPES['.html']! }).end('<h1>404</h1>');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const accepted = (e: Audit['criteria'][string]['expect']) => (Array.isArray(e) ? e : [e]);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

interface SiteOutcome {
  folder: string;
  agreement: number;
  compared: number;
  falsePasses: string[];
  disagreements: string[];
}

async function evaluate(dir: string, audit: Audit): Promise<SiteOutcome> {
  const folder = path.join(dir, audit.folder);
  const work = await mkdtemp(path.join(os.tmpdir(), 'eval-realsites-'));
  const server = await serveCopy(folder);
  const started = performance.now();
  try {
    const url = `http://${audit.domain}${audit.entry}`;
    const list = path.join(work, 'sites.yaml');
    await writeFile(list, `- { name: ${JSON.stringify(audit.name)}, url: ${JSON.stringify(url)}, level: ${audit.level} }\n`);
    const snapshotFile = path.join(work, 'snapshot.json.gz');
    const out = path.join(work, 'report');
    const code = await rank([
      '--sites',
      list,
      '--resolve',
      `${audit.domain}=127.0.0.1:${server.port}`,
      '--date',
      audit.date,
      '--offline',
      '--out',
      out,
      '--save-snapshot',
      snapshotFile,
      '--timeout',
      '20',
      '--retries',
      '0',
    ]);
    if (code !== 0) throw new Error(`rank exited with ${code}`);
    const report = JSON.parse(await readFile(path.join(out, 'ranking.json'), 'utf8')) as RankingReport;
    const site = report.sites[0]!;
    const snapshot = await loadSnapshot(snapshotFile);
    const signals = computeSignals(snapshot.sites[0]!.site, snapshot.sites[0]!.crawl, audit.date);
    const rankMs = performance.now() - started;

    // Rank against the hand audit.
    console.log(`\n${audit.name} (${audit.folder}) — ${site.scan.pages} trang đã duyệt, ${(rankMs / 1000).toFixed(1)} s`);
    let compared = 0;
    let agree = 0;
    const falsePasses: string[] = [];
    for (const c of site.criteria) {
      const a = audit.criteria[c.id];
      if (!a) continue;
      const ok = accepted(a.expect);
      if (ok.includes('skip')) {
        console.log(`  ${pad(c.id, 4)} bỏ qua      (${a.why})`);
        continue;
      }
      compared++;
      const same = ok.includes(c.status as (typeof ok)[number]);
      if (same) agree++;
      if (!same && c.status === 'pass' && MANDATORY[c.id]) falsePasses.push(`${c.id} ${MANDATORY[c.id]}`);
      console.log(
        `  ${pad(c.id, 4)} ${same ? 'khớp     ' : 'LỆCH     '} kỳ vọng ${pad(ok.join('|'), 12)} được ${pad(c.status, 8)} ${same ? '' : `— ${c.detail.vi} | kiểm tra tay: ${a.why}`}`,
      );
    }
    for (const [k, v] of Object.entries(audit.footer)) {
      if (!v && signals.footer.fields[k]) falsePasses.push(`chân trang: ${FOOTER_NAMES[k]}`);
    }

    // check --site on the folder, against rank on the facts both read.
    const t = performance.now();
    const checked = await readSiteFolder(folder, { domain: audit.domain, levels: [audit.level], entry: audit.entry });
    const checkReport = runChecks({ sites: [checked.facts], date: audit.date, preset: 'recommended' }).sites[0]!;
    const disagreements: string[] = [];
    const rf = signals.facts!;
    const cf = checked.facts;
    for (const k of Object.keys(FOOTER_NAMES) as (keyof typeof FOOTER_NAMES)[]) {
      const a = (rf.footer as Record<string, unknown> | undefined)?.[k];
      const b = (cf.footer as Record<string, unknown> | undefined)?.[k];
      if (a !== b) disagreements.push(`chân trang, ${FOOTER_NAMES[k]}: rank ${String(a)}, check ${String(b)}`);
    }
    for (const k of ['name', 'governingBody'] as const)
      if (rf.header?.[k] !== cf.header?.[k])
        disagreements.push(`đầu trang, ${k}: rank ${String(rf.header?.[k])}, check ${String(cf.header?.[k])}`);
    // A section rank found must be found by check (which reads every page); one check found must be
    // found by rank when rank read the page holding it.
    const rankRead = new Set(signals.looked?.pages ?? []);
    for (const k of Object.keys({ ...rf.sections, ...cf.sections }) as SectionKey[]) {
      const inRank = !!rf.sections[k];
      const inCheck = !!cf.sections[k];
      if (inRank && !inCheck) disagreements.push(`chuyên mục ${k}: rank có, check không`);
      if (!inRank && inCheck && rankRead.has(cf.sections[k]!.url!))
        disagreements.push(`chuyên mục ${k}: check có, rank không (trang đã duyệt)`);
    }
    const ruleStatus = (r: typeof checkReport, id: string) => r.results.find((x) => x.ruleId === id)?.status;
    for (const id of ['SEC-002', 'ID-001', 'ID-002'])
      if (ruleStatus(signals.compliance!, id) !== ruleStatus(checkReport, id))
        disagreements.push(`${id}: rank ${ruleStatus(signals.compliance!, id)}, check ${ruleStatus(checkReport, id)}`);
    const agreement = compared ? agree / compared : 1;
    console.log(
      `  Khớp ${agree}/${compared} tiêu chí (${Math.round(agreement * 100)} %). check --site: ${checked.pages.length} trang trong ${((performance.now() - t) / 1000).toFixed(1)} s.`,
    );
    const failing = checkReport.results.filter((x) => x.status === 'fail');
    console.log(
      `  check --site: ${failing.length} quy tắc không đạt: ${failing.map((x) => `${x.ruleId} (${x.findings[0]?.message.vi ?? ''})`.slice(0, 140)).join('; ')}`,
    );
    for (const f of falsePasses) console.log(`  ĐẠT SAI (mục bắt buộc): ${f}`);
    for (const d of disagreements) console.log(`  rank và check --site khác nhau: ${d}`);
    return { folder: audit.folder, agreement, compared, falsePasses, disagreements };
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, site: { type: 'string' } } });
  const dir = path.resolve(values.dir ?? process.env.REALSITES_DIR ?? path.join(ROOT, '..', 'shared', 'realsites'));
  if (
    !(await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    console.log(
      `Không có thư mục bản sao trang web thật ${dir}: bỏ qua đánh giá (không phải lỗi).\n` +
        `No copies of real school websites at ${dir}: evaluation skipped (not an error). Use --dir or REALSITES_DIR.`,
    );
    return 0;
  }
  const audits: Audit[] = [];
  for (const f of (await readdir(AUDITS)).filter((x) => x.endsWith('.yaml')).sort()) {
    const a = auditSchema.parse(parseYaml(await readFile(path.join(AUDITS, f), 'utf8')));
    if (values.site && a.folder !== values.site) continue;
    if (
      !(await stat(path.join(dir, a.folder)).then(
        () => true,
        () => false,
      ))
    ) {
      console.log(`Thiếu bản sao ${a.folder} trong ${dir}: bỏ qua.`);
      continue;
    }
    audits.push(a);
  }
  const outcomes: SiteOutcome[] = [];
  for (const a of audits) outcomes.push(await evaluate(dir, a));
  console.log('\nTổng kết:');
  let failed = false;
  for (const o of outcomes) {
    const bad = o.agreement < 0.9 || o.falsePasses.length > 0 || o.disagreements.length > 0;
    failed ||= bad;
    console.log(
      `  ${pad(o.folder, 32)} ${Math.round(o.agreement * 100)} % (${o.compared} tiêu chí)${o.falsePasses.length ? `, ${o.falsePasses.length} đạt sai` : ''}${o.disagreements.length ? `, ${o.disagreements.length} khác biệt rank/check` : ''} ${bad ? 'KHÔNG ĐẠT' : 'đạt'}`,
    );
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
