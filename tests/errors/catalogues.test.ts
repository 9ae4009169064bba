/**
 * Every error a person can read outside the content checker comes from a catalogue with a
 * permanent name, a Vietnamese and an English message and a fix. Each entry is rendered here in
 * both languages with the values the code passes (paths, option names, sizes, lists), so that a
 * placeholder left unfilled, a value that never appears, or English inside the Vietnamese text
 * is caught before a webmaster sees it.
 */
import { describe, expect, it } from 'vitest';
import { fill, placeholdersOf, renderError, type ErrorArgs, type ErrorData, type Text } from '../../src/errors/catalogue.ts';
import { CLI_ERRORS, cliError, parseArgsError } from '../../src/errors/cli-errors.ts';
import { CONTENT_ERRORS } from '../../src/errors/content-errors.ts';
import { SCAFFOLD_ERRORS } from '../../src/errors/scaffold-errors.ts';
import { SERVER_ERRORS, serverAnswer } from '../../src/errors/server-errors.ts';
import { SNAPSHOT_ERRORS } from '../../src/errors/snapshot-errors.ts';
import { ScaffoldError } from '../../src/scaffold/scaffold-error.ts';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Values as the throw sites build them; language-dependent ones in both languages. */
const REAL: Record<string, string | number | Text> = {
  action: 'xoa',
  actions: 'add, reset, disable, enable, list',
  allowed: '.pdf, .docx, .xlsx',
  altFlag: '--alt',
  alts: 1,
  args: 'khai giảng',
  argument: 'Lễ',
  char: '"',
  choices: 'thong-bao, ke-hoach, quyet-dinh',
  code: 'EACCES',
  command: 'validate',
  commit: '"3f2a"',
  count: 3,
  detail: { vi: 'TypeError: không đọc được thuộc tính "id"', en: 'TypeError: cannot read property "id"' },
  detected: { vi: 'không nhận ra (văn bản, trang web hoặc tệp hỏng)', en: 'unrecognised (text, HTML or damaged)' },
  dir: 'content/schools/thcs-le-loi',
  domain: 'thcsleloi.songxanh.edu.vn',
  example: '2026-09-05',
  expected: { vi: 'Một số nguyên từ 1 đến 12.', en: 'A whole number from 1 to 12.' },
  ext: '.pdf',
  field: 'sites[2].crawl',
  file: 'content/schools/thcs-le-loi/news/le-khai-giang.md',
  flag: '--file',
  flags: '--file, --title',
  formats: 'text, json, sarif, html',
  found: '2',
  given: 'Kế hoạch.pdf',
  id: 'THCS_Le_Loi',
  images: 2,
  issues: {
    vi: 'content/schools/thcs-le-loi/news/a.md:3:7 (lỗi) Ngày không hợp lệ.',
    en: 'content/schools/thcs-le-loi/news/a.md:3:7 (error) The date is not valid.',
  },
  item: 'tai-chinh',
  key: 'principal',
  kind: 'tin',
  known: '--school, --title, --date',
  levels: 'mn, th, thcs, thpt, gdtx',
  limit: '30/06/2028',
  login: 'gv.alpha',
  max: '20 MB',
  min: 10,
  names: '"Bản sao", "tạm"',
  option: '--colour',
  options: 'mn, th, thcs, thpt, gdtx',
  other: 'th-an-phu',
  path: '"../../etc/passwd"',
  presets: 'recommended, tt37-2020, tt09-2024',
  problem: { vi: 'bị thiếu', en: 'is missing' },
  ratio: '2.1',
  reason: 'ENOENT',
  rows: { vi: '  --title "Lễ khai giảng"   (Tiêu đề)', en: '  --title "Lễ khai giảng"   (Title)' },
  school: 'beta',
  schools: 'alpha, thcs-le-loi',
  size: '31,2 MB',
  slug: 'le-khai-giang',
  suggestion: { vi: ' Có phải là "news"?', en: ' Did you mean "news"?' },
  time: { vi: ' (có thể thêm giờ HH:mm)', en: ' (optionally with HH:mm)' },
  value: '30/02/2026',
  year: '2029-2030',
};

/**
 * English words that have no place in a Vietnamese sentence (commands, options and file names
 * aside). Words that are also Vietnamese (in, an, to, on…) are left out.
 */
const ENGLISH = new Set(
  'the and of is are not must should file files folder found missing expected value values invalid error errors please with without from into cannot could unknown exists already allowed option options command needs need fix how see write give add use example only this that there none yet empty real date number page site sites request server account password is has have was were been will at or for by it its'.split(
    ' ',
  ),
);

/** Vietnamese text without what is typed or quoted as is: options, paths, commands, quotes, code. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/\S*[/.=@<>_]\S*/g, ' ')
    .replace(/--?[\w-]+/g, ' ')
    .replace(/\b(congtruong|npm run|git)\b.*$/gm, ' ');
}

function englishIn(text: string): string[] {
  return [...prose(text).matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => ENGLISH.has(w.toLowerCase()));
}

function argsFor(texts: readonly string[]): ErrorArgs {
  const names = new Set(texts.flatMap(placeholdersOf));
  for (const n of names) expect(REAL, `a real value for {${n}}`).toHaveProperty(n);
  return Object.fromEntries([...names].map((n) => [n, REAL[n]!]));
}

const shown = (v: string | number | Text, lang: 'vi' | 'en') => (typeof v === 'object' ? v[lang] : String(v));

const CATALOGUES: Record<string, Record<string, ErrorData>> = {
  scaffold: SCAFFOLD_ERRORS,
  cli: CLI_ERRORS,
  snapshot: SNAPSHOT_ERRORS,
  server: SERVER_ERRORS,
};

/** Entries whose message says everything: a cancellation, plain HTTP answers, a one-sentence hint. */
const WITHOUT_FIX = new Set([
  'scaffold.cancelled',
  'cli.npmSwallowed',
  'server.methodNotAllowed',
  'server.notFound',
  'server.adminOnly',
  'server.schoolForbidden',
  'server.pathForbidden',
  'server.versionForbidden',
  'server.nothingToSave',
  'server.nothingToDelete',
  'server.unsupportedAction',
]);

describe('error catalogues', () => {
  for (const [catalogue, entries] of Object.entries(CATALOGUES)) {
    it(`${catalogue}: every entry renders in Vietnamese and English with real values, no placeholder left`, () => {
      for (const [name, data] of Object.entries(entries)) {
        const args = argsFor([data.message.vi, data.message.en, data.fix.vi, data.fix.en]);
        // Both languages use the same placeholders: a value is never shown in one language only.
        expect(placeholdersOf(data.message.vi).sort(), name).toEqual(placeholdersOf(data.message.en).sort());
        expect(placeholdersOf(data.fix.vi).sort(), name).toEqual(placeholdersOf(data.fix.en).sort());
        for (const lang of ['vi', 'en'] as const) {
          const out = renderError(data, args, lang);
          expect(out, `${catalogue}.${name} ${lang}`).not.toMatch(/\{\w+\}/);
          for (const [k, v] of Object.entries(args)) expect(out, `${catalogue}.${name} ${lang} shows {${k}}`).toContain(shown(v, lang));
          if (WITHOUT_FIX.has(`${catalogue}.${name}`)) continue;
          expect(out, `${catalogue}.${name} ${lang}`).toContain(lang === 'vi' ? '\nCách sửa: ' : '\nHow to fix: ');
        }
      }
    });

    it(`${catalogue}: the Vietnamese text is NFC Vietnamese, without English words`, () => {
      for (const [name, data] of Object.entries(entries)) {
        const vi = renderError(data, argsFor([data.message.vi, data.fix.vi]), 'vi');
        expect(vi, name).toBe(vi.normalize('NFC'));
        // The catalogue's own words: values (paths, option names, commands) are what the user typed.
        const own = renderError(data, {}, 'vi');
        expect(englishIn(own), `${catalogue}.${name}: ${own}`).toEqual([]);
        expect(vi, name).not.toMatch(/!|^Error:|Oops/);
      }
    });
  }

  it('content errors share the placeholders and the Vietnamese rule', () => {
    for (const [name, data] of Object.entries(CONTENT_ERRORS)) {
      const texts = [data.title, data.expected, data.hint].flatMap((t) => [t.vi, t.en]);
      const args = argsFor(texts);
      const vi = [data.title.vi, data.expected.vi, data.hint.vi].map((t) => fill(t, args, 'vi')).join('\n');
      expect(vi, name).not.toMatch(/\{\w+\}/);
      const own = [data.title.vi, data.expected.vi, data.hint.vi].map((t) => fill(t, {}, 'vi')).join('\n');
      expect(englishIn(own), `${name}: ${own}`).toEqual([]);
    }
  });

  it('the English-word check itself finds English in a Vietnamese sentence', () => {
    expect(englishIn('Tệp content/a.md is missing: thêm --title "the title".')).toEqual(['is', 'missing']);
  });

  it('a scaffolding refusal renders with the option, the value and the fix, in the language asked for', () => {
    const err = new ScaffoldError('notADate', { flag: '--date', value: '30/02/2026', example: '2026-09-05', time: '' });
    expect(err.render('vi')).toBe(
      '--date "30/02/2026": không phải một ngày có thật. Cần dạng YYYY-MM-DD hoặc DD/MM/YYYY.\nCách sửa: Viết theo mẫu: --date 2026-09-05',
    );
    expect(err.render('en')).toBe(
      '--date "30/02/2026" is not a real date. Expected YYYY-MM-DD or DD/MM/YYYY.\nHow to fix: Write it like this: --date 2026-09-05',
    );
    expect(err.exitCode).toBe(2);
    expect(new ScaffoldError('fileExists', { file: 'a.md', slug: 'a' }).exitCode).toBe(1);
  });

  it("Node's own option errors are turned into catalogue entries that name the option", () => {
    const fail = (args: string[], options: NonNullable<ParseArgsConfig['options']>) => {
      try {
        parseArgs({ args, options, strict: true });
      } catch (err) {
        return err;
      }
      throw new Error('parseArgs accepted the arguments');
    };
    expect(parseArgsError(fail(['--colour'], { lang: { type: 'string' } }), 'validate', 'vi')).toContain(
      'Lệnh validate không có tùy chọn --colour.',
    );
    expect(parseArgsError(fail(['--out'], { out: { type: 'string' } }), 'build', 'en')).toContain('The option --out needs a value.');
    expect(parseArgsError(fail(['--force=yes'], { force: { type: 'boolean' } }), 'build', 'vi')).toContain(
      'Tùy chọn --force không nhận giá trị.',
    );
    expect(parseArgsError(fail(['dist'], {}), 'build', 'en')).toContain('The build command takes no argument "dist".');
  });

  it('server answers to the browser are one line, in the language the server runs in', () => {
    expect(serverAnswer('sessionExpired', {}, 'vi')).toBe('Phiên làm việc đã hết hạn. Hãy đăng nhập lại.');
    expect(serverAnswer('sessionExpired', {}, 'en')).toBe('The session has expired. Please log in again.');
    expect(cliError('badLang', { value: 'fr' }, 'vi')).toContain('--lang phải là vi hoặc en, không phải "fr".');
  });
});
