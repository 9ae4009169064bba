/**
 * The `congtruong` command line. Thin: it parses arguments, calls the engine and prints.
 * Exit codes: 0 success, 1 content problems or failed builds, 2 bad arguments.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
// Each command loads the engine it needs when it runs: starting the command line stays fast
// (a build where nothing changed takes well under a second, most of it Node's start-up).
import type { BuildReport } from '../pipeline/build-sites.ts';
import type { Lang } from '../errors/content-errors.ts';
import { isRealDate, parseLocalDate } from '../util/dates.ts';
import { didYouMean } from '../errors/catalogue.ts';
import { cliError, langOfArgv, parseArgsError } from '../errors/cli-errors.ts';
import { closest } from '../util/slug.ts';
import { CLI_TEXT } from './messages.ts';
import {
  badLang,
  COMMANDS,
  commandHelp,
  isLang,
  npmSwallowed,
  npmExample,
  parseOptions,
  swallowedByNpm,
  type CommandName,
  type CommandSpec,
} from './options.ts';

/**
 * Commands that parse their own arguments (they have options of their own). Loaded lazily so
 * that `build` does not pay for the crawler or the CMS.
 */
const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number>; optionNames?: () => string[] }>> = {
  rank: () => import('./rank.ts'),
  new: () => import('./new.ts'),
  dev: () => import('./dev.ts'),
  serve: () => import('./serve.ts'),
  users: () => import('./users.ts'),
};

/** Every option name of `command` (all commands' when it is unknown), for npm's swallowed flags. */
async function knownOptions(command: string | undefined): Promise<string[]> {
  const own = (c: string) => (c in COMMANDS ? Object.keys(COMMANDS[c as CommandName].options) : []);
  if (command !== undefined && command in SUBCOMMANDS) return (await SUBCOMMANDS[command]!()).optionNames?.() ?? [];
  return command !== undefined && command in COMMANDS ? own(command) : Object.keys(COMMANDS).flatMap(own);
}

/**
 * What reaches the user when a command fails in a way no check foresaw (a bug): one line in the
 * language of `--lang`, never a stack trace.
 */
export function unexpectedError(err: unknown, argv: readonly string[]): string {
  const detail = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
  return cliError('unexpected', { detail }, langOfArgv(argv));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const langGuess: Lang = langOfArgv(argv);
  const swallowed = swallowedByNpm(await knownOptions(command), argv);
  if (swallowed.length > 0) {
    console.error(npmSwallowed(swallowed, npmExample(swallowed, argv), langGuess));
    return 2;
  }
  const sub = command === undefined ? undefined : SUBCOMMANDS[command];
  if (sub) return (await sub()).run(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const lang: Lang = rest.includes('en') || argv.includes('--lang=en') ? 'en' : 'vi';
    console.log(CLI_TEXT[lang].usage);
    return command === undefined ? 2 : 0;
  }
  if (!(command in COMMANDS)) {
    const guess = closest(command, [...Object.keys(COMMANDS), ...Object.keys(SUBCOMMANDS)]);
    console.error(`${cliError('unknownCommand', { command, suggestion: didYouMean(guess) }, langGuess)}\n\n${CLI_TEXT[langGuess].usage}`);
    return 2;
  }
  const spec: CommandSpec = COMMANDS[command as CommandName];
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: parseOptions(spec), allowPositionals: false, strict: true });
  } catch (err) {
    console.error(`${parseArgsError(err, command, langGuess)}\n\n${commandHelp(command, spec, langGuess)}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const str = (k: string) => values[k] as string | undefined;
  const list = (k: string) => values[k] as string[] | undefined;
  const flag = (k: string) => values[k] === true;
  const langValue = str('lang') ?? 'vi';
  if (!isLang(langValue)) {
    console.error(badLang(langValue));
    return 2;
  }
  const lang: Lang = langValue;
  if (flag('help')) {
    console.log(commandHelp(command, spec, lang));
    return 0;
  }
  switch (command) {
    case 'validate':
      return validate(str('content') ?? 'content', list('school'), lang);
    case 'build': {
      let shard: { index: number; count: number } | undefined;
      const shardValue = str('shard');
      if (shardValue !== undefined) {
        const m = /^(\d+)\/(\d+)$/.exec(shardValue);
        const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
        if (!m || count < 1 || index < 1 || index > count) {
          console.error(cliError('badShard', { value: shardValue }, lang));
          return 2;
        }
        shard = { index, count };
      }
      const jobs = str('jobs') === undefined ? undefined : Number(str('jobs'));
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) {
        console.error(cliError('badJobs', { value: str('jobs')! }, lang));
        return 2;
      }
      const when = str('date');
      const whenParsed = when === undefined ? undefined : parseLocalDate(when);
      if (when !== undefined && (!whenParsed || !isRealDate(whenParsed))) {
        console.error(cliError('badBuildDate', { value: when }, lang));
        return 2;
      }
      return build(str('content') ?? 'content', str('out') ?? 'dist', list('school'), lang, {
        force: flag('force'),
        shard,
        jobs,
        hostOnly: flag('host-only'),
        ...(whenParsed ? { date: whenParsed.iso.slice(0, 10), now: whenParsed.iso.length > 10 ? whenParsed.iso : undefined } : {}),
      });
    }
    case 'check':
      return (await import('./check.ts')).check({
        content: str('content') ?? 'content',
        site: list('site'),
        school: list('school'),
        date: str('date'),
        format: str('format'),
        preset: str('preset'),
        out: str('out'),
        level: list('level'),
        lang,
      });
    case 'nginx':
      return (await import('./nginx.ts')).nginx({
        out: str('out'),
        sites: str('sites'),
        listen: str('listen'),
        https: flag('https'),
        editor: str('editor'),
        editorPort: str('editor-port'),
        editorHttp: flag('editor-http'),
        editorCert: str('editor-cert'),
        editorKey: str('editor-key'),
        tlsCerts: str('tls-certs'),
        lang,
      });
    default:
      return 2;
  }
}

async function validate(contentDir: string, schools: string[] | undefined, lang: Lang): Promise<number> {
  const text = CLI_TEXT[lang];
  const { loadContent } = await import('../content/load.ts');
  const { formatIssues } = await import('../errors/format.ts');
  const result = await loadContent(contentDir, schools);
  if (result.schools.length === 0 && result.invalid.length === 0) {
    console.error(cliError('noSchools', { dir: contentDir }, lang));
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
    date?: string;
    now?: string | undefined;
  } = {},
): Promise<number> {
  // A cheap look at the folder: the build itself loads and validates everything.
  const ids = await readdir(path.join(contentDir, 'schools')).catch(() => [] as string[]);
  if (!ids.some((id) => !id.startsWith('.') && (!schools || schools.includes(id)))) {
    console.error(cliError('noSchools', { dir: contentDir }, lang));
    return 2;
  }
  // The first Astro worker loads while the build engine is loaded and fingerprints are taken.
  (await import('../pipeline/astro-workers.ts')).prestartWorker();
  // A live display on a terminal; plain lines when the output goes to a file or CI.
  const { buildSites } = await import('../pipeline/build-sites.ts');
  const { terminalProgress } = await import('../pipeline/progress.ts');
  const { formatIssues } = await import('../errors/format.ts');
  const progress = process.stdout.isTTY ? terminalProgress(process.stdout, Date.now, lang) : undefined;
  const report = await buildSites({
    contentDir,
    outDir,
    schools,
    ...extra,
    progress,
    lang,
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
    ...(report.nextScheduled ? [text.nextScheduled(report.nextScheduled)] : []),
    text.finished(report.seconds, report.ok),
  ].join('\n');
}
