/**
 * `congtruong users`, run as the host's administrator runs it on the server: accounts are
 * created with the password on standard input (or a generated one shown once), checked (a
 * school that does not exist, a malformed e-mail), listed, reset and disabled, in Vietnamese by
 * default and in English with `--lang en`.
 */
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerDatabase } from '../../src/server/accounts.ts';
import { verifyPassword } from '../../src/server/passwords.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let content: string;
let database: string;

function users(args: string[], input?: string) {
  const r = spawnSync(
    path.join(ROOT, 'node_modules/.bin/node'),
    ['bin/congtruong.mjs', 'users', ...args, '--db', database, '--content', content],
    {
      cwd: ROOT,
      input: input ?? '',
      encoding: 'utf8',
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = await tempDir('congtruong-users-');
  content = path.join(dir, 'content');
  database = path.join(dir, 'data', 'congtruong.db');
  await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('congtruong users', () => {
  it('creates a school editor with the password from standard input, stored as a scrypt hash', async () => {
    const r = users(
      ['add', 'gv.alpha', '--name', 'Trần Thị Alpha', '--email', 'alpha@thunghiem.edu.vn', '--school', 'alpha', '--password-stdin'],
      'mot-mat-khau-dai\n',
    );
    expect(r.err).toBe('');
    expect(r.out.trim()).toBe('Đã tạo tài khoản gv.alpha.');
    const db = new ServerDatabase(database);
    try {
      const hash = db.passwordHash('gv.alpha')!;
      expect(hash).toMatch(/^scrypt\$15\$8\$1\$/);
      expect(await verifyPassword('mot-mat-khau-dai', hash)).toBe(true);
      expect(await verifyPassword('mot-mat-khau-khac', hash)).toBe(false);
      expect(db.user('gv.alpha')).toMatchObject({ role: 'editor', school: 'alpha', disabled: false });
    } finally {
      db.close();
    }
  });

  it('generates a password for an administrator and shows it once', () => {
    const r = users(['add', 'quantri', '--name', 'Nguyễn Văn Phòng', '--email', 'pgd@thunghiem.edu.vn', '--admin']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Mật khẩu \(chỉ hiện một lần\): [A-Za-z2-9]{16}$/m);
  });

  it('refuses a school that does not exist, a bad e-mail, a short password and a second account of the same name', () => {
    const noSchool = users(['add', 'gv.gamma', '--name', 'Gamma', '--email', 'g@thunghiem.edu.vn', '--school', 'gamma']);
    expect(noSchool.code).toBe(2);
    expect(noSchool.err).toContain('Không có trường "gamma"');
    const badMail = users(['add', 'gv.beta', '--name', 'Lê Văn Beta', '--email', 'beta', '--school', 'beta']);
    expect(badMail.code).toBe(2);
    expect(badMail.err).toContain('--email: địa chỉ thư điện tử');
    const short = users(
      ['add', 'gv.beta', '--name', 'Lê Văn Beta', '--email', 'beta@thunghiem.edu.vn', '--school', 'beta', '--password-stdin'],
      'ngan',
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain('Mật khẩu cần ít nhất 10 ký tự.');
    const twice = users(['add', 'gv.alpha', '--name', 'Trần Thị Alpha', '--email', 'alpha@thunghiem.edu.vn', '--school', 'alpha']);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('Đã có tài khoản "gv.alpha"');
  });

  it('creates a school approver and turns review on for the school', async () => {
    const r = users([
      'add',
      'duyet.alpha',
      '--name',
      'Phạm Văn Duyệt',
      '--email',
      'duyet@thunghiem.edu.vn',
      '--school',
      'alpha',
      '--role',
      'approver',
    ]);
    expect(r.code).toBe(0);
    expect(users(['list']).out).toContain('duyet.alpha\tPhạm Văn Duyệt\tduyet@thunghiem.edu.vn\tduyệt alpha');
    const bad = users(['add', 'duyet.x', '--name', 'Duyệt X', '--email', 'x@thunghiem.edu.vn', '--school', 'alpha', '--role', 'truong']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--role "truong": không có vai trò này.');
    expect(bad.err).toContain('Ghi --role editor (biên tập viên) hoặc --role approver (người duyệt bài của trường).');
    const on = users(['review', 'alpha', 'on']);
    expect(on.code).toBe(0);
    expect(on.out.trim()).toBe('Đã bật duyệt bài cho trường alpha: thay đổi của biên tập viên chờ người duyệt đồng ý rồi mới được đăng.');
    expect(on.err).toBe('');
    const noApprover = users(['review', 'beta', 'on']);
    expect(noApprover.err).toContain('Trường beta chưa có người duyệt');
    expect(users(['review', 'gamma', 'on']).err).toContain('Không có trường "gamma"');
    const db = new ServerDatabase(database);
    try {
      const { ReviewStore } = await import('../../src/server/review.ts');
      const store = new ReviewStore(db.connection);
      expect([store.reviewOn('alpha'), store.reviewOn('beta')]).toEqual([true, true]);
    } finally {
      db.close();
    }
    expect(users(['review', 'beta', 'off']).out.trim()).toBe('Đã tắt duyệt bài cho trường beta.');
  });

  it('resets, disables and lists accounts, in English with --lang en', async () => {
    expect(users(['reset', 'gv.alpha', '--password-stdin'], 'mat-khau-moi-dai').out.trim()).toBe(
      'Đã đặt lại mật khẩu của gv.alpha; tài khoản được mở khoá.',
    );
    expect(users(['disable', 'gv.alpha', '--lang', 'en']).out.trim()).toBe('Disabled gv.alpha; its sessions have ended.');
    const list = users(['list']).out;
    expect(list).toContain('gv.alpha\tTrần Thị Alpha\talpha@thunghiem.edu.vn\tbiên tập alpha\tđã khoá');
    expect(list).toContain('quantri\tNguyễn Văn Phòng\tpgd@thunghiem.edu.vn\tquản trị');
    expect(users(['reset', 'khong-co']).err).toContain('Không có tài khoản "khong-co"');
  });
});
