/**
 * `npm test` sets itself up: `scripts/test-deps.sh` (npm's pretest, also run by CI) installs the
 * Debian packages the tests drive, or — when it cannot, as a user without root — stops before
 * any test with the exact command to run. Here the script plays a machine that lacks them
 * (overridden paths) as an unprivileged user, so nothing is installed.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/test-deps.sh');
const root = process.getuid?.() === 0;

function run(env: Record<string, string>) {
  // As root, drop to "nobody" (setpriv, util-linux) so that apt-get is out of reach.
  const [cmd, args] = root ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'bash', SCRIPT]] : ['bash', [SCRIPT]];
  return spawnSync(cmd, args as string[], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
}

describe('scripts/test-deps.sh', () => {
  it('passes at once on a machine that has Chromium, nginx and feedparser', () => {
    const r = run({});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('without them and without root, stops with the exact command to run, in Vietnamese first', () => {
    const r = run({
      CONGTRUONG_CHROMIUM: '/nonexistent/chromium',
      CONGTRUONG_NGINX: '/nonexistent/nginx',
      CONGTRUONG_PYTHON: '/bin/false',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chưa chạy kiểm thử: máy còn thiếu chromium nginx-light python3-feedparser');
    expect(r.stderr).toContain(
      "sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium nginx-light python3-feedparser fonts-dejavu-core'",
    );
    expect(r.stderr).toContain('Tests not started');
  });

  it('names only what is missing', () => {
    const r = run({ CONGTRUONG_PYTHON: '/bin/false' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('máy còn thiếu python3-feedparser (');
  });

  it('as root, runs apt-get itself (a stand-in here) and says what is still missing', async () => {
    // Before the fix, the root branch stopped at once: an empty command prefix was "unbound" under `set -u`.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'apt-'));
    const fake = path.join(dir, 'apt-get');
    await writeFile(fake, `#!/bin/sh\necho "$@" >> ${dir}/calls\n`);
    await chmod(fake, 0o755);
    const r = spawnSync('bash', [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CONGTRUONG_PYTHON: '/bin/false', CONGTRUONG_APT_GET: fake, CONGTRUONG_UID: '0' },
    });
    expect(r.stderr).not.toContain('unbound variable');
    expect(await readFile(path.join(dir, 'calls'), 'utf8')).toBe(
      'update -qq\ninstall -y -qq --no-install-recommends python3-feedparser fonts-dejavu-core\n',
    );
    expect(r.stderr).toContain('Đã cài nhưng vẫn thiếu (installed, still missing): python3-feedparser');
    expect(r.status).toBe(1);
  });
});
