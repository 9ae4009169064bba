/**
 * Every test run gets its own temporary folder: test files and the commands they start create
 * their temp folders inside it (through TMPDIR, which `os.tmpdir()` and child processes read),
 * and it is removed when the run ends — a green run leaves no `congtruong-*` folder behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'congtruong-test-run-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
