/** `congtruong dev <school>`: previews one school with live reload and the browser editor. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../errors/content-errors.ts';
import { startDevServer } from '../dev/dev-server.ts';
import { schoolIds } from '../dev/school-content.ts';
import { didYouMean } from '../errors/catalogue.ts';
import { cliError, langOfArgv, parseArgsError } from '../errors/cli-errors.ts';
import { closest } from '../util/slug.ts';
import { badLang, badPort, isLang, portOf } from './options.ts';

const USAGE = {
  vi: `Cách dùng: congtruong dev <mã-trường> [--content THƯ_MỤC] [--port 4321] [--host 127.0.0.1] [--lang vi|en] [--no-cms]

Xem trước trang web của một trường tại http://127.0.0.1:4321/, tự tải lại khi tệp nội dung thay đổi.
Soạn nội dung trên trình duyệt tại http://127.0.0.1:4321/admin/ (tắt bằng --no-cms).`,
  en: `Usage: congtruong dev <school-id> [--content DIR] [--port 4321] [--host 127.0.0.1] [--lang vi|en] [--no-cms]

Previews one school's site at http://127.0.0.1:4321/ and reloads when content files change.
Edit content in the browser at http://127.0.0.1:4321/admin/ (disable with --no-cms).`,
} as const;

const DEV_OPTIONS = {
  content: { type: 'string', default: 'content' },
  port: { type: 'string', default: '4321' },
  host: { type: 'string', default: '127.0.0.1' },
  lang: { type: 'string', default: 'vi' },
  cms: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every option name of `dev`, to recognise the ones npm kept for itself. */
export const optionNames = (): string[] => Object.keys(DEV_OPTIONS);

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: DEV_OPTIONS,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (err) {
    const guess = langOfArgv(argv);
    console.error(`${parseArgsError(err, 'dev', guess)}\n\n${USAGE[guess]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!isLang(values.lang)) {
    console.error(badLang(values.lang));
    return 2;
  }
  const lang: Lang = values.lang;
  if (values.help) {
    console.log(USAGE[lang]);
    return 0;
  }
  const port = portOf(values.port);
  if (port === undefined) {
    console.error(badPort(values.port, lang));
    return 2;
  }
  const ids = await schoolIds(values.content);
  const school = positionals[0];
  if (positionals.length !== 1 || !school || !ids.includes(school)) {
    const schools = ids.length > 0 ? ids.join(', ') : { vi: '(không có trường nào)', en: '(none)' };
    const where = path.join(values.content, 'schools');
    const text = school
      ? cliError('unknownDevSchool', { school, dir: where, schools, suggestion: didYouMean(closest(school, ids)) }, lang)
      : cliError('missingDevSchool', { schools, example: ids[0] ?? 'thcs-le-loi' }, lang);
    console.error(`${text}

${USAGE[lang]}`);
    return 2;
  }

  let server;
  try {
    server = await startDevServer({ contentDir: values.content, school, port, host: values.host, lang, cms: values.cms });
  } catch (err) {
    console.error(cliError('devFailed', { reason: err instanceof Error ? err.message : String(err) }, lang));
    return 1;
  }
  // Runs until Ctrl-C (or a SIGTERM from a process manager); then stops the child processes.
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const forced = setTimeout(() => process.exit(0), 5000);
  forced.unref();
  await server.stop();
  console.log(lang === 'vi' ? 'Đã dừng.' : 'Stopped.');
  return 0;
}
