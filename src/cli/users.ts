/**
 * `congtruong users add|reset|disable|enable|list`: accounts of the publishing server, managed
 * on the host's server (the person with a shell there is the host's administrator). Passwords
 * are read from standard input (never from the command line, where other users of the machine
 * and the shell's history would see them) or generated and shown once.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../errors/content-errors.ts';
import { didYouMean } from '../errors/catalogue.ts';
import { cliError, langOfArgv, parseArgsError } from '../errors/cli-errors.ts';
import { closest } from '../util/slug.ts';
import { badLang, isLang } from './options.ts';

const USAGE = {
  vi: `Cách dùng:
  congtruong users add <tên-đăng-nhập> --name "Họ tên" --email thu@truong.edu.vn (--school <mã-trường> [--role editor|approver] | --admin) [--password-stdin]
  congtruong users reset <tên-đăng-nhập> [--password-stdin]
  congtruong users disable <tên-đăng-nhập>
  congtruong users enable <tên-đăng-nhập>
  congtruong users list
  congtruong users review <mã-trường> on|off   (bật/tắt duyệt bài trước khi đăng cho một trường)
Tuỳ chọn chung: --db TỆP (mặc định: congtruong.db), --content THƯ_MỤC (mặc định: content), --lang vi|en

Không có --password-stdin thì một mật khẩu ngẫu nhiên được tạo và in ra một lần.`,
  en: `Usage:
  congtruong users add <login> --name "Full name" --email mail@school.edu.vn (--school <school-id> [--role editor|approver] | --admin) [--password-stdin]
  congtruong users reset <login> [--password-stdin]
  congtruong users disable <login>
  congtruong users enable <login>
  congtruong users list
  congtruong users review <school-id> on|off   (review before publishing for one school)
Common options: --db FILE (default: congtruong.db), --content DIR (default: content), --lang vi|en

Without --password-stdin a random password is generated and printed once.`,
} as const;

const USERS_OPTIONS = {
  db: { type: 'string', default: 'congtruong.db' },
  content: { type: 'string', default: 'content' },
  name: { type: 'string' },
  email: { type: 'string' },
  school: { type: 'string' },
  role: { type: 'string' },
  admin: { type: 'boolean', default: false },
  'password-stdin': { type: 'boolean', default: false },
  lang: { type: 'string', default: 'vi' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every option name of `users`, to recognise the ones npm kept for itself. */
export const optionNames = (): string[] => Object.keys(USERS_OPTIONS);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: USERS_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const guess = langOfArgv(argv);
    console.error(`${parseArgsError(err, 'users', guess)}\n\n${USAGE[guess]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!isLang(values.lang)) {
    console.error(badLang(values.lang));
    return 2;
  }
  const lang: Lang = values.lang;
  const vi = lang === 'vi';
  const [action, login] = positionals;
  if (values.help || !action) {
    console.log(USAGE[lang]);
    return values.help ? 0 : 2;
  }
  const { ServerDatabase, accountSchema } = await import('../server/accounts.ts');
  const { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } = await import('../server/passwords.ts');
  const { schoolIds } = await import('../dev/school-content.ts');
  const db = new ServerDatabase(values.db);
  try {
    if (action === 'list') {
      for (const u of db.users()) {
        const role =
          u.role === 'admin'
            ? vi
              ? 'quản trị'
              : 'admin'
            : `${u.role === 'approver' ? (vi ? 'duyệt' : 'approver') : vi ? 'biên tập' : 'editor'} ${u.school}`;
        const state = u.disabled
          ? vi
            ? 'đã khoá'
            : 'disabled'
          : u.lockedUntil && u.lockedUntil > Date.now()
            ? vi
              ? 'tạm khoá'
              : 'locked'
            : '';
        console.log([u.login, u.name, u.email, role, state].filter(Boolean).join('\t'));
      }
      return 0;
    }
    if (action === 'review') {
      const [, school, state] = positionals;
      if (!school || (state !== 'on' && state !== 'off') || positionals.length !== 3) {
        console.error(`${vi ? 'Cần mã trường và on hoặc off.' : 'Needs a school id and on or off.'}\n\n${USAGE[lang]}`);
        return 2;
      }
      if (!(await schoolIds(values.content)).includes(school)) {
        console.error(
          vi ? `Không có trường "${school}" trong ${values.content}/schools/.` : `No school "${school}" in ${values.content}/schools/.`,
        );
        return 2;
      }
      const { ReviewStore } = await import('../server/review.ts');
      new ReviewStore(db.connection).setReview(school, state === 'on');
      const approvers = db.users().filter((u) => u.role === 'approver' && u.school === school && !u.disabled).length;
      console.log(
        state === 'on'
          ? vi
            ? `Đã bật duyệt bài cho trường ${school}: thay đổi của biên tập viên chờ người duyệt đồng ý rồi mới được đăng.`
            : `Review is on for ${school}: editors' changes are published once an approver approves them.`
          : vi
            ? `Đã tắt duyệt bài cho trường ${school}.`
            : `Review is off for ${school}.`,
      );
      if (state === 'on' && approvers === 0) {
        console.error(
          vi
            ? `Trường ${school} chưa có người duyệt: congtruong users add <tên> --role approver --school ${school} …`
            : `School ${school} has no approver yet: congtruong users add <login> --role approver --school ${school} …`,
        );
      }
      return 0;
    }
    if (!['add', 'reset', 'disable', 'enable'].includes(action)) {
      const actions = ['add', 'reset', 'disable', 'enable', 'list'];
      const suggestion = didYouMean(closest(action, actions));
      console.error(`${cliError('unknownAction', { action, actions: actions.join(', '), suggestion }, lang)}\n\n${USAGE[lang]}`);
      return 2;
    }
    if (!login || positionals.length !== 2) {
      console.error(`${cliError('missingLogin', { action }, lang)}\n\n${USAGE[lang]}`);
      return 2;
    }
    const existing = db.user(login);
    if (action !== 'add' && !existing) {
      console.error(cliError('unknownAccount', { login }, lang));
      return 1;
    }
    if (action === 'disable' || action === 'enable') {
      db.setDisabled(login, action === 'disable');
      console.log(
        action === 'disable'
          ? vi
            ? `Đã khoá tài khoản ${login}; các phiên đăng nhập của tài khoản này đã kết thúc.`
            : `Disabled ${login}; its sessions have ended.`
          : vi
            ? `Đã mở lại tài khoản ${login}.`
            : `Enabled ${login}.`,
      );
      return 0;
    }
    if (action === 'add') {
      if (existing) {
        console.error(cliError('accountExists', { login }, lang));
        return 1;
      }
      const input = {
        login,
        name: values.name,
        email: values.email,
        role: values.admin ? 'admin' : (values.role ?? 'editor'),
        school: values.admin ? undefined : values.school,
      };
      const checked = accountSchema.safeParse(input);
      if (!checked.success) {
        const fields = [...new Set(checked.error.issues.map((i) => String(i.path[0])))];
        // One line per wrong field, each saying what the field needs.
        const entry = {
          login: 'badAccountLogin',
          name: 'badAccountName',
          email: 'badAccountEmail',
          school: 'badAccountSchool',
          role: 'badAccountRole',
        } as const;
        const lines = fields
          .filter((f): f is keyof typeof entry => f in entry)
          .map((f) => cliError(entry[f], { value: String(input[f] ?? '') }, lang));
        console.error(lines.join('\n'));
        return 2;
      }
      const ids = checked.data.school === undefined ? [] : await schoolIds(values.content);
      if (checked.data.school !== undefined && !ids.includes(checked.data.school)) {
        console.error(
          cliError('accountSchoolUnknown', { school: checked.data.school, dir: values.content, schools: ids.join(', ') }, lang),
        );
        return 2;
      }
    }
    let password: string;
    let generated = false;
    if (values['password-stdin']) password = await readStdin();
    else {
      password = generatePassword();
      generated = true;
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      console.error(cliError('shortPassword', { min: MIN_PASSWORD_LENGTH }, lang));
      return 2;
    }
    const hash = await hashPassword(password);
    if (action === 'add') {
      const a = accountSchema.parse({
        login,
        name: values.name,
        email: values.email,
        role: values.admin ? 'admin' : (values.role ?? 'editor'),
        school: values.admin ? undefined : values.school,
      });
      db.addUser(a, hash);
      console.log(vi ? `Đã tạo tài khoản ${login}.` : `Created account ${login}.`);
    } else {
      db.setPassword(login, hash);
      console.log(
        vi ? `Đã đặt lại mật khẩu của ${login}; tài khoản được mở khoá.` : `Reset the password of ${login}; the account is unlocked.`,
      );
    }
    if (generated) console.log(vi ? `Mật khẩu (chỉ hiện một lần): ${password}` : `Password (shown once): ${password}`);
    return 0;
  } finally {
    db.close();
  }
}
