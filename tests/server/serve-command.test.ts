/**
 * `congtruong serve` as a command: it refuses a content folder that is not a git repository (every
 * save is a commit) with what to do, and prints its systemd unit and nginx block for an address.
 */
import { spawnSync } from 'node:child_process';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;

const serve = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['bin/congtruong.mjs', 'serve', ...args], { cwd: ROOT, encoding: 'utf8' });

beforeAll(async () => {
  dir = await tempDir('congtruong-serve-cmd-');
  await cp(path.join(FIXTURES, 'content', 'basic'), path.join(dir, 'content'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('congtruong serve', () => {
  it('refuses a content folder that is not a git repository, and says how to make it one', () => {
    const r = serve('--content', path.join(dir, 'content'), '--db', path.join(dir, 'data', 'c.db'), '--port', '0');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('chưa là kho git');
    expect(r.stderr).toContain('git init');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses OpenID Connect settings without a client secret or with a plain-HTTP issuer, naming the fields', async () => {
    const file = path.join(dir, 'oidc.yaml');
    await writeFile(file, 'issuer: http://sso.example.gov.vn/realms/sgd\nclientId: congtruong\n');
    const r = serve('--oidc', file, '--content', path.join(dir, 'content'), '--db', path.join(dir, 'data', 'c.db'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Tệp ${file} chưa đúng ở: issuer, clientSecret.`);
  });

  it('prints the nginx block and the systemd unit for --public-url', () => {
    const nginx = serve('--print', 'nginx', '--public-url', 'https://soanbai.pgd.example.edu.vn', '--port', '8090');
    expect(nginx.status).toBe(0);
    expect(nginx.stdout).toContain('server_name soanbai.pgd.example.edu.vn;');
    expect(nginx.stdout).toContain('proxy_pass http://127.0.0.1:8090;');
    const unit = serve(
      '--print',
      'systemd',
      '--public-url',
      'https://soanbai.pgd.example.edu.vn',
      '--content',
      '/srv/ct/content',
      '--out',
      '/srv/ct/dist',
    );
    expect(unit.stdout).toContain('--content /srv/ct/content --out /srv/ct/dist');
    expect(unit.stdout).toContain('--public-url https://soanbai.pgd.example.edu.vn');
    const withOidc = serve(
      '--print',
      'systemd',
      '--public-url',
      'https://soanbai.pgd.example.edu.vn',
      '--oidc',
      '/etc/congtruong/oidc.yaml',
    );
    expect(withOidc.stdout).toMatch(
      /^ExecStart=.* --public-url https:\/\/soanbai\.pgd\.example\.edu\.vn --oidc \/etc\/congtruong\/oidc\.yaml$/m,
    );
    const missing = serve('--print', 'nginx');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--print cần systemd hoặc nginx, cùng --public-url');
  });
});
