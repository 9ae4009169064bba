/**
 * `congtruong check`: the compliance checker on content folders or built sites.
 * Exit codes: 0 no errors, 1 errors found, 2 bad arguments or unreadable input.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runChecks, UnknownPresetError } from '../compliance/engine.ts';
import { factsFromContent } from '../compliance/facts-from-content.ts';
import type { SiteFacts } from '../site/facts.ts';
import { formatHtml } from '../compliance/formatters/html.ts';
import { formatJson } from '../compliance/formatters/json.ts';
import { formatSarif } from '../compliance/formatters/sarif.ts';
import { formatText } from '../compliance/formatters/text.ts';
import { PRESET_IDS } from '../compliance/presets.ts';
import { factsFromSiteFolder } from '../compliance/site-folder.ts';
import { loadContent } from '../content/load.ts';
import { didYouMean, type ErrorArgs } from '../errors/catalogue.ts';
import { cliError, type CliErrorName } from '../errors/cli-errors.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { LEVELS, type Level } from '../schemas/level.ts';
import { isRealDate, parseLocalDate, todayInVietnam } from '../util/dates.ts';
import { closest } from '../util/slug.ts';

export interface CheckArgs {
  content?: string | undefined;
  site?: string[] | undefined;
  school?: string[] | undefined;
  date?: string | undefined;
  format?: string | undefined;
  preset?: string | undefined;
  out?: string | undefined;
  level?: string[] | undefined;
  lang: Lang;
}

const FORMATS = ['text', 'json', 'sarif', 'html'] as const;

function usageError(lang: Lang, name: CliErrorName, args: ErrorArgs): number {
  console.error(cliError(name, args, lang));
  return 2;
}

export async function check(args: CheckArgs): Promise<number> {
  const { lang } = args;
  const format = args.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return usageError(lang, 'badFormat', { value: format, formats: FORMATS.join(', ') });
  }
  const date = args.date ?? todayInVietnam();
  const parsed = parseLocalDate(date);
  if (!parsed || !isRealDate(parsed) || parsed.iso !== date) {
    return usageError(lang, 'badDate', { value: date });
  }
  const preset = args.preset ?? 'recommended';
  if (!(PRESET_IDS as readonly string[]).includes(preset)) {
    return usageError(lang, 'unknownPreset', {
      value: preset,
      presets: PRESET_IDS.join(', '),
      suggestion: didYouMean(closest(preset, PRESET_IDS)),
    });
  }
  const badLevel = (args.level ?? []).find((l) => !(LEVELS as readonly string[]).includes(l));
  if (badLevel) return usageError(lang, 'badLevel', { value: badLevel, levels: LEVELS.join(', ') });
  if (format === 'html' && !args.out) return usageError(lang, 'htmlNeedsOut', {});

  const sites: SiteFacts[] = [];
  let contentErrors = false;
  if (args.site && args.site.length > 0) {
    for (const dir of args.site) {
      if (
        !(await stat(dir).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      ) {
        return usageError(lang, 'siteFolderUnreadable', { dir });
      }
      sites.push(await factsFromSiteFolder(dir, { levels: (args.level as Level[] | undefined) ?? [...LEVELS] }));
    }
  } else {
    const contentDir = args.content ?? 'content';
    // What is public on the day checked: entries scheduled later are not counted (nor blamed).
    const loaded = await loadContent(contentDir, args.school, { render: false, now: `${date}T23:59` });
    if (loaded.schools.length === 0 && loaded.invalid.length === 0) {
      return usageError(lang, 'noSchools', { dir: contentDir });
    }
    if (loaded.issues.some((i) => i.severity === 'error')) {
      contentErrors = true;
      console.error(
        formatIssues(
          loaded.issues.filter((i) => i.severity === 'error'),
          lang,
        ),
      );
    }
    sites.push(...loaded.schools.map(factsFromContent));
  }

  let report;
  try {
    report = runChecks({ sites, date, preset });
  } catch (err) {
    if (err instanceof UnknownPresetError) return usageError(lang, 'unknownPreset', { value: preset, presets: PRESET_IDS.join(', ') });
    throw err;
  }
  if (format === 'html') {
    const dir = path.resolve(args.out!);
    await mkdir(dir, { recursive: true });
    for (const [name, html] of formatHtml(report)) await writeFile(path.join(dir, name), html);
    console.log(lang === 'vi' ? `Đã ghi báo cáo HTML vào ${dir}/index.html` : `HTML report written to ${dir}/index.html`);
  } else {
    const text = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, lang) : `${formatText(report, lang)}\n`;
    if (args.out) await writeFile(args.out, text);
    else process.stdout.write(text);
  }
  const errors = report.sites.some((s) => s.summary.errors > 0);
  return errors || contentErrors ? 1 : 0;
}
