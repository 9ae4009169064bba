/**
 * The `congtruong` command line. Thin: it parses arguments, calls the engine and prints.
 * Exit codes: 0 success, 1 content problems or failed builds, 2 bad arguments.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
// Each command loads the engine it needs when it runs: starting the command line stays fast
// (a build where nothing changed takes well under a second, most of it Node's start-up).
import type { BuildReport } from '../build/build-sites.ts';
import type { Lang } from '../errors/content-errors.ts';
import { CLI_TEXT } from './messages.ts';

/**
 * Commands that parse their own arguments (they have options of their own). Loaded lazily so
 * that `build` does not pay for the crawler or the CMS.
 */
const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  rank: () => import('./rank.ts'),
  new: () => import('./new.ts'),
  dev: () => import('./dev.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const sub = command === undefined ? undefined : SUBCOMMANDS[command];
  if (sub) return (await sub()).run(rest);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string' },
        school: { type: 'string', multiple: true },
        lang: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
        site: { type: 'string', multiple: true },
        date: { type: 'string' },
        format: { type: 'string' },
        preset: { type: 'string' },
        level: { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        sites: { type: 'string' },
        listen: { type: 'string' },
        https: { type: 'boolean', default: false },
        shard: { type: 'string' },
        'host-only': { type: 'boolean', default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${CLI_TEXT.vi.usage}`);
    return 2;
  }
  const { values } = parsed;
  if (values.lang !== 'vi' && values.lang !== 'en') {
    console.error(`--lang phải là vi hoặc en (--lang must be vi or en), không phải "${values.lang}".`);
    return 2;
  }
  const lang: Lang = values.lang;
  const text = CLI_TEXT[lang];
  if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(text.usage);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'validate':
      return validate(values.content, values.school, lang);
    case 'build': {
      let shard: { index: number; count: number } | undefined;
      if (values.shard !== undefined) {
        const m = /^(\d+)\/(\d+)$/.exec(values.shard);
        const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
        if (!m || count < 1 || index < 1 || index > count) {
          console.error(
            lang === 'vi'
              ? `--shard phải có dạng i/n với 1 ≤ i ≤ n, ví dụ 2/4 (không phải "${values.shard}").`
              : `--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (not "${values.shard}").`,
          );
          return 2;
        }
        shard = { index, count };
      }
      const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
        console.error(
          lang === 'vi'
            ? `--jobs phải là số nguyên dương (không phải "${values.jobs}").`
            : `--jobs must be a positive integer (not "${values.jobs}").`,
        );
        return 2;
      }
      return build(values.content, values.out ?? 'dist', values.school, lang, {
        force: values.force,
        shard,
        jobs,
        hostOnly: values['host-only'],
      });
    }
    case 'check':
      return (await import('./check.ts')).check({ ...values, lang });
    case 'nginx':
      return (await import('./nginx.ts')).nginx({ out: values.out, sites: values.sites, listen: values.listen, https: values.https, lang });
    default:
      console.error(`${text.unknownCommand(command)}\n\n${text.usage}`);
      return 2;
  }
}

async function validate(contentDir: string, schools: string[] | undefined, lang: Lang): Promise<number> {
  const text = CLI_TEXT[lang];
  const { loadContent } = await import('../content/load.ts');
  const { formatIssues } = await import('../errors/format.ts');
  const result = await loadContent(contentDir, schools);
  if (result.schools.length === 0 && result.invalid.length === 0) {
    console.error(text.noSchools(contentDir));
    return 2;
  }
  if (result.issues.length > 0) console.error(formatIssues(result.issues, lang));
  console.log(text.validated(result.schools.length, result.invalid));
  return result.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

async function build(
  contentDir: string,
  outDir: string,
  schools: string[] | undefined,
  lang: Lang,
  extra: {
    force?: boolean;
    shard?: { index: number; count: number } | undefined;
    jobs?: number | undefined;
    hostOnly?: boolean;
  } = {},
): Promise<number> {
  const text = CLI_TEXT[lang];
  // A cheap look at the folder: the build itself loads and validates everything.
  const ids = await readdir(path.join(contentDir, 'schools')).catch(() => [] as string[]);
  if (!ids.some((id) => !id.startsWith('.') && (!schools || schools.includes(id)))) {
    console.error(text.noSchools(contentDir));
    return 2;
  }
  // The first Astro worker loads while the build engine is loaded and fingerprints are taken.
  (await import('../build/astro-workers.ts')).prestartWorker();
  // A live display on a terminal; plain lines when the output goes to a file or CI.
  const { buildSites } = await import('../build/build-sites.ts');
  const { terminalProgress } = await import('../build/progress.ts');
  const { formatIssues } = await import('../errors/format.ts');
  const progress = process.stdout.isTTY ? terminalProgress(process.stdout) : undefined;
  const report = await buildSites({
    contentDir,
    outDir,
    schools,
    ...extra,
    progress,
    log: progress ? (l) => progress.log(l) : (l) => console.log(l),
  });
  if (report.issues.length > 0) console.error(`\n${formatIssues(report.issues, lang)}\n`);
  console.log(summaryTable(report, lang));
  return report.ok ? 0 : 1;
}

/** One line per site: status, pages, where it is published. */
export function summaryTable(report: BuildReport, lang: Lang): string {
  const text = CLI_TEXT[lang];
  const rows = report.sites.map((s) => [
    s.id,
    text.status[s.status] + (s.status !== 'built' && s.status !== 'unchanged' && s.keptPrevious ? ` (${text.keptPrevious})` : ''),
    s.status === 'unchanged' ? '–' : String(s.pages),
    s.compliance ? text.compliance(s.compliance.errors, s.compliance.warnings) : '–',
    s.domain ?? '–',
  ]);
  const header = text.tableHeader;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const failures = report.sites.filter((s) => s.status === 'failed' && s.error).map((s) => `\n${s.id}: ${s.error}`);
  return [
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...failures,
    '',
    text.finished(report.seconds, report.ok),
  ].join('\n');
}
