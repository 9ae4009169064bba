/** The command line as a webmaster runs it: exit codes and messages. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/congtruong.mjs');
const BASIC = path.join(FIXTURES, 'content', 'basic');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('congtruong validate', () => {
  it('exits 1 and names the broken school, its files and the fixes, in Vietnamese', () => {
    const r = run('validate', '--content', BASIC);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2 trường hợp lệ; 1 trường có lỗi: broken.');
    expect(r.stderr).toContain('schools/broken/school.yaml:7:8 (lỗi) Số điện thoại không hợp lệ.');
    expect(r.stderr).toContain('Cách sửa:');
    expect(r.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('speaks English with --lang en', () => {
    const r = run('validate', '--content', BASIC, '--lang', 'en');
    expect(r.stdout).toContain('2 valid schools; 1 with problems: broken.');
    expect(r.stderr).toContain('(error) The date is not valid.');
  });

  it('exits 0 for a valid school', () => {
    const r = run('validate', '--content', BASIC, '--school', 'alpha');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 trường hợp lệ.');
  });

  it('exits 2 on unknown options, unknown commands and folders without schools', () => {
    expect(run('validate', '--colour').status).toBe(2);
    expect(run('publish').status).toBe(2);
    const empty = run('validate', '--content', path.join(FIXTURES, 'does-not-exist'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Không tìm thấy trường nào');
  });
});
