/**
 * `congtruong new <kind>`: creates correctly named content files for webmasters.
 *
 *   congtruong new school --id thcs-le-loi --name "Trường THCS Lê Lợi" --level thcs …
 *   congtruong new news --school thcs-le-loi --title "Lễ khai giảng"
 *   congtruong new disclosure --school thcs-le-loi --year 2025-2026
 *
 * Values come from flags; in a terminal, missing required values are asked for. Nothing is
 * ever overwritten. Exit codes: 0 created (or nothing left to create), 1 refused because the
 * file or school already exists, 2 bad or missing arguments (nothing written).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseWithFriendlyErrors } from '../content/validate.ts';
import { parseYaml } from '../content/yaml-source.ts';
import { didYouMean, perLang } from '../errors/catalogue.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { schoolSchema } from '../schemas/school.ts';
import { todayInVietnam } from '../util/dates.ts';
import { closest } from '../util/slug.ts';
import { createDisclosureYear, createEntry, display, type CreateResult } from '../scaffold/create.ts';
import { ENTRY_KINDS, type EntryKind, type EntryKindName } from '../scaffold/entries.ts';
import { COMMON_FLAGS, schoolFlag, str, type FlagSpec, type SchoolContext, type Values } from '../scaffold/flags.ts';
import { NEW_TEXT } from '../scaffold/messages.ts';
import { resolveValues, terminalPrompter, type Prompter } from '../scaffold/prompt.ts';
import { ScaffoldError } from '../scaffold/scaffold-error.ts';
import { createSchool, readHost, schoolFlags } from '../scaffold/school.ts';
import { itemsForYear } from '../scaffold/disclosures.ts';
import { langOfArgv, parseArgsError } from '../errors/cli-errors.ts';
import { badLang, isLang } from './options.ts';

const KIND_NAMES = ['school', ...Object.keys(ENTRY_KINDS)] as const;

/** Every flag of every kind, for `parseArgs` (each kind then refuses the flags it does not know). */
function allOptions() {
  const specs: FlagSpec[] = [...Object.values(ENTRY_KINDS).flatMap((k) => k.flags), ...schoolFlags(undefined)];
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    content: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    school: { type: 'string' },
    slug: { type: 'string' },
  };
  for (const s of specs) {
    const prev = options[s.name];
    options[s.name] = {
      type: s.boolean ? 'boolean' : 'string',
      ...((s.multiple || prev?.multiple) && !s.boolean ? { multiple: true } : {}),
    };
  }
  return options;
}

function fail(lang: Lang, err: unknown): number {
  if (err instanceof ScaffoldError) {
    console.error(err.render(lang));
    return err.exitCode;
  }
  throw err;
}

/** Reads and validates the school a new entry goes into. */
async function schoolContext(contentDir: string, id: string, today: string): Promise<SchoolContext> {
  const schoolsDir = path.join(contentDir, 'schools');
  const dir = path.resolve(schoolsDir, id);
  const yamlPath = path.join(dir, 'school.yaml');
  const text = id.includes('/') || id.includes('\\') ? undefined : await readFile(yamlPath, 'utf8').catch(() => undefined);
  if (text === undefined) {
    const ids = (await readdir(schoolsDir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
    const guess = closest(id, ids);
    throw new ScaffoldError('unknownSchool', {
      id,
      dir: display(schoolsDir),
      suggestion: didYouMean(guess),
      schools: ids.length > 0 ? ids.join(', ') : { vi: '(chưa có)', en: '(none yet)' },
    });
  }
  const y = parseYaml(text, display(yamlPath));
  const res = y.ok
    ? parseWithFriendlyErrors(schoolSchema, y.data ?? {}, display(yamlPath), y.source)
    : { ok: false as const, issues: [y.issue] };
  if (!res.ok) {
    const issues = res.issues;
    throw new ScaffoldError('schoolInvalid', { file: display(yamlPath), issues: perLang((l) => formatIssues(issues, l)) });
  }
  return { id, dir, config: res.data, today };
}

async function askSchool(contentDir: string, lang: Lang, prompter: Prompter | undefined): Promise<string> {
  const ids = (await readdir(path.join(contentDir, 'schools')).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
  if (!prompter) {
    throw new ScaffoldError('missingSchool', {
      schools: ids.length > 0 ? ids.join(', ') : { vi: '(chưa có)', en: '(none yet)' },
      example: ids[0] ?? 'thcs-le-loi',
    });
  }
  if (ids.length > 0) prompter.say(`${NEW_TEXT[lang].schools}: ${ids.join(', ')}`);
  for (;;) {
    const answer =
      (await prompter.ask(`${schoolFlag.label[lang]}${ids.length === 1 ? ` [${ids[0]}]` : ''}: `)).trim() ||
      (ids.length === 1 ? ids[0]! : '');
    if (answer) return answer;
  }
}

function report(result: CreateResult, lang: Lang, next: string[]): void {
  const t = NEW_TEXT[lang];
  const out: string[] = [];
  if (result.created.length > 0) out.push(`${t.created}:`, ...result.created.map((f) => `  ${f}`));
  if (result.filled?.length) out.push(`${t.filled}:`, ...result.filled.map((f) => `  ${f}`));
  if (result.reused.length > 0) out.push(`${t.reused}:`, ...result.reused.map((f) => `  ${f}`));
  if (result.skipped.length > 0) out.push(`${t.skipped}:`, ...result.skipped.map((f) => `  ${f}`));
  if (result.created.length === 0 && !result.filled?.length) out.push(t.nothingToDo);
  out.push('', `${t.next}:`, ...next.map((l) => `  ${l}`));
  console.log(out.join('\n'));
}

/** Every option name of `new`, to recognise the ones npm kept for itself. */
export const optionNames = (): string[] => Object.keys(allOptions());

export async function run(argv: string[]): Promise<number> {
  let parsed;
  const langGuess = langOfArgv(argv);
  try {
    parsed = parseArgs({ args: argv, options: allOptions(), allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`${parseArgsError(err, 'new', langGuess)}\n\n${NEW_TEXT[langGuess].usage}`);
    return 2;
  }
  const given = parsed.values as Values;
  const lang = given.lang ?? 'vi';
  if (!isLang(lang)) {
    console.error(badLang(lang));
    return 2;
  }
  const t = NEW_TEXT[lang];
  const [kindName, ...extra] = parsed.positionals;
  if (kindName === undefined) {
    console[given.help ? 'log' : 'error'](t.usage);
    return given.help ? 0 : 2;
  }
  if (!(KIND_NAMES as readonly string[]).includes(kindName)) {
    const guess = closest(kindName, KIND_NAMES);
    console.error(`${new ScaffoldError('unknownKind', { kind: kindName, suggestion: didYouMean(guess) }).render(lang)}\n\n${t.usage}`);
    return 2;
  }
  const contentDir = path.resolve(str(given, 'content') ?? 'content');
  const host = kindName === 'school' ? await readHost(contentDir) : undefined;
  const kind: EntryKind | undefined = kindName === 'school' ? undefined : ENTRY_KINDS[kindName as EntryKindName];
  const flags = kind ? [schoolFlag, ...kind.flags] : schoolFlags(host);
  if (given.help) {
    console.log(t.kindHelp(kindName, flags));
    return 0;
  }
  if (extra.length > 0) {
    console.error(new ScaffoldError('extraArguments', { args: extra.join(' ') }).render(lang));
    return 2;
  }
  const known = new Set<string>([...COMMON_FLAGS, ...flags.map((f) => f.name)]);
  const foreign = Object.keys(given).filter((k) => !known.has(k));
  if (foreign.length > 0) {
    const options = flags.map((f) => `--${f.name}`).join(', ');
    console.error(
      new ScaffoldError('foreignFlags', { kind: kindName, flags: foreign.map((b) => `--${b}`).join(', '), known: options }).render(lang),
    );
    return 2;
  }
  if (kindName !== 'school' && !(await stat(path.join(contentDir, 'schools')).catch(() => null))) {
    console.error(new ScaffoldError('noContentFolder', { dir: display(contentDir) }).render(lang));
    return 2;
  }

  const today = todayInVietnam();
  const prompter = process.stdin.isTTY ? terminalPrompter() : undefined;
  const contentFlag =
    str(given, 'content') && path.resolve(str(given, 'content')!) !== path.resolve('content') ? ` --content ${str(given, 'content')}` : '';
  try {
    if (!kind) {
      const v = await resolveValues(flags, given, undefined, lang, prompter);
      const result = await createSchool(contentDir, v, today);
      report(result, lang, t.nextSchool(str(v, 'id')!, contentFlag));
      return 0;
    }
    const id = str(given, 'school') ?? (await askSchool(contentDir, lang, prompter));
    const ctx = await schoolContext(contentDir, id, today);
    const v = await resolveValues(kind.flags, given, ctx, lang, prompter);
    if (kindName === 'disclosure' && !str(v, 'item')) {
      const single = ['file', 'title', 'report-year', 'publish'].filter((f) => given[f] !== undefined);
      if (single.length > 0) throw new ScaffoldError('needItem', { flags: single.map((f) => `--${f}`).join(', ') });
      const year = str(v, 'year')!;
      const result = await createDisclosureYear(year, str(v, 'date')!, ctx);
      report(result, lang, t.nextDisclosures(id, year, itemsForYear(year, ctx.config.levels).length, contentFlag));
      return 0;
    }
    const result = await createEntry(kind, v, ctx);
    report(
      result,
      lang,
      t.nextEntry(
        id,
        result.filled?.[0] ?? result.created[0]!,
        contentFlag,
        kindName === 'disclosure' && v.publish !== true,
        kindName === 'news' && v.draft === true,
        result.address ?? '/',
      ),
    );
    return 0;
  } catch (err) {
    return fail(lang, err);
  } finally {
    prompter?.close();
  }
}
