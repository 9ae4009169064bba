/**
 * Issue 15: a mistake on the command line is explained in the language of `--lang` (Vietnamese
 * by default): the option or file involved, what was expected and how to fix it, never Node's
 * English or a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/congtruong.mjs');
const BASIC = path.join(FIXTURES, 'content', 'basic');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'congtruong-errors-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('errors on the command line follow --lang', () => {
  it('a bad --shard names the value and the form expected, in Vietnamese by default and in English with --lang en', () => {
    const vi = run('build', '--content', BASIC, '--shard', '5/4');
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain('--shard phải có dạng i/n với 1 ≤ i ≤ n, không phải "5/4".');
    expect(vi.stderr).toContain('Cách sửa: Viết theo mẫu: --shard 2/4');
    const en = run('build', '--content', BASIC, '--shard', '5/4', '--lang', 'en');
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('--shard must be i/n with 1 ≤ i ≤ n, not "5/4".');
    expect(en.stderr).toContain('How to fix: Write it like this: --shard 2/4');
    expect(en.stderr).not.toMatch(/[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });

  it("an unknown option is named in the command's language, not in Node's English", () => {
    const en = run('validate', '--colour', '--lang', 'en');
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('The validate command has no option --colour.');
    expect(en.stderr).toContain('Usage: congtruong validate');
    const vi = run('check', '--colour');
    expect(vi.stderr).toContain('Lệnh check không có tùy chọn --colour.');
    expect(vi.stderr).not.toContain('Unknown option');
    noTrace(vi.stderr);
  });

  it('a mistyped command or kind suggests the right one', () => {
    const cmd = run('valdate', '--lang', 'en');
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('There is no command "valdate". Did you mean "validate"?');
    const kind = run('new', 'newz', '--content', BASIC);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('Không có loại "newz". Có phải là "news"?');
    expect(kind.stderr).toContain('Cách sửa:');
  });

  it('a snapshot that cannot be used names the file and how to get a good one', async () => {
    const missing = path.join(dir, 'khong-co.json');
    const r = run('rank', '--from-snapshot', missing, '--out', path.join(dir, 'out'), '--lang', 'en');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Cannot read the snapshot ${missing} (ENOENT).`);
    expect(r.stderr).toContain(
      'How to fix: Check the path and that the file is readable; a snapshot is made with congtruong rank --save-snapshot FILE.',
    );

    const other = path.join(dir, 'khac.json');
    await writeFile(other, JSON.stringify({ kind: 'congtruong-ranking-snapshot', version: 1, crawledOn: '2026-11-30' }));
    const vi = run('rank', '--from-snapshot', other, '--out', path.join(dir, 'out'));
    expect(vi.status).toBe(2);
    expect(vi.stderr).toContain(`${other} không đúng cấu trúc của bản lưu: mục sites bị thiếu.`);
    expect(vi.stderr).toContain('Cách sửa: Bản lưu không được sửa bằng tay');
    noTrace(vi.stderr);
  });

  it('nginx says which file it could not write and why, in English with --lang en', async () => {
    const out = path.join(dir, 'khong-co-thu-muc', 'sites.conf');
    const r = run('nginx', '--sites', dir, '--out', out, '--lang', 'en');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Cannot write ${out} (ENOENT).`);
    expect(r.stderr).toContain('How to fix: Check that the folder exists and is writable');
  });
});
