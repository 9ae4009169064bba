/**
 * Issue 15: the build's log lines follow `--lang`. An English-speaking host administrator who
 * runs `congtruong build --lang en` reads English lines, not the Vietnamese ones.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/congtruong.mjs');
const BASIC = path.join(FIXTURES, 'content', 'basic');

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('congtruong build --lang', () => {
  it('prints the build log in English with --lang en', async () => {
    const out = await tempDir('congtruong-build-en-');
    const r = await run(['build', '--content', BASIC, '--out', out, '--school', 'alpha', '--lang', 'en']);
    expect(r.stderr).not.toContain('Error');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Building 1 site(s): alpha');
    expect(r.stdout).toMatch(/✓ alpha → .+ \(\d+ pages\)/);
    expect(r.stdout).not.toContain('Đang dựng');
    expect(r.stdout).not.toMatch(/\(\d+ trang\)/);
  }, 180_000);

  it('prints it in Vietnamese by default', async () => {
    const out = await tempDir('congtruong-build-vi-');
    const r = await run(['build', '--content', BASIC, '--out', out, '--school', 'alpha']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đang dựng 1 trang web: alpha');
    expect(r.stdout).toMatch(/✓ alpha → .+ \(\d+ trang\)/);
  }, 180_000);
});
