/**
 * What a newcomer types to learn a command: `congtruong <command> --help` prints that
 * command's own options (and not another command's), and a command typed through npm without
 * `--` — npm then keeps the options for itself — is recognised and explained.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const run = (...args: string[]) => spawnSync(NODE, ['bin/congtruong.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });

/** Each command's options as a user reads them in the README and docs. */
const OWN: Record<string, string[]> = {
  build: ['--content', '--out', '--school', '--force', '--jobs', '--shard', '--host-only', '--date', '--lang'],
  validate: ['--content', '--school', '--lang'],
  check: ['--content', '--school', '--site', '--date', '--format', '--preset', '--level', '--out', '--lang'],
  nginx: ['--sites', '--listen', '--https', '--tls-certs', '--out', '--lang'],
  rank: ['--sites', '--content', '--resolve', '--criteria', '--out', '--date', '--save-snapshot', '--from-snapshot', '--max-pages'],
  new: ['--school', '--content', '--slug', '--lang'],
  dev: ['--content', '--port', '--host', '--lang', '--no-cms'],
  serve: ['--content', '--out', '--db', '--port', '--host', '--public-url', '--print'],
  users: ['add', 'reset', 'disable', 'enable', 'list', '--db', '--school', '--admin', '--password-stdin'],
};
/** Options that belong to another command only. */
const FOREIGN: Record<string, string[]> = {
  build: ['--preset', '--format', '--listen', '--site '],
  validate: ['--out', '--force', '--preset'],
  check: ['--force', '--shard', '--listen'],
  nginx: ['--school', '--force', '--preset', '--content'],
};

describe('congtruong <command> --help', () => {
  it.each(Object.keys(OWN))('%s --help names its own options', (command) => {
    const r = run(command, '--help');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const option of OWN[command]!) expect(r.stdout, `${command} --help`).toContain(option);
    for (const option of FOREIGN[command] ?? []) expect(r.stdout, `${command} --help`).not.toContain(option);
  });

  it('answers in English with --lang en', () => {
    const r = run('build', '--help', '--lang', 'en');
    expect(r.stdout).toContain('Usage: congtruong build [options]');
    expect(r.stdout).toContain('Rebuild every school, even unchanged ones');
  });

  it('refuses an option of another command, with the command’s own help', () => {
    const r = run('nginx', '--school', 'x');
    expect(r.status).toBe(2);
    // In the language of the command (Vietnamese by default), not Node's English.
    expect(r.stderr).toContain('Lệnh nginx không có tùy chọn --school.');
    expect(r.stderr).not.toContain('Unknown option');
    expect(r.stderr).toContain('Cách dùng: congtruong nginx');
  });

  it('the general help lists every command and how to get its options', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const c of Object.keys(OWN)) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('congtruong <lệnh> --help');
  });
});

describe('options that npm kept for itself', () => {
  it('`npm run congtruong new news --title "…"` without -- is explained in one Vietnamese sentence', () => {
    const r = spawnSync('npm', ['run', '-s', 'congtruong', 'new', 'news', '--title', 'Lễ khai giảng', '--school', 'thcs-le-loi'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'npm đã giữ lại --school, --title nên lệnh không nhận được: khi chạy qua npm, hãy thêm -- sau tên lệnh npm, ví dụ npm run congtruong -- new news --school … --title …',
    );
  });

  it('`npm run build --force` names the option and the right command', () => {
    const r = spawnSync('npm', ['run', '-s', 'build', '--force'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm đã giữ lại --force');
    expect(r.stderr).toContain('npm run build -- --force');
  });

  it('with -- in place, nothing is reported', () => {
    const r = spawnSync('npm', ['run', '-s', 'congtruong', '--', 'validate', '--school', 'thcs-le-loi'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
