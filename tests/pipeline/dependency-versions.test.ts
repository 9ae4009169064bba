/**
 * The build's fingerprint follows the packages installed, not the lockfile's bytes: npm may
 * rewrite the lockfile (adding other platforms' optional builds, reordering keys) without any
 * installed package changing version, and that must not rebuild every school.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyVersions } from '../../src/pipeline/fingerprint.ts';
import { tempDir } from '../helpers.ts';

const base = await tempDir('congtruong-lock-');
afterAll(() => rm(base, { recursive: true, force: true }));

const lock = {
  name: 'cong-truong',
  lockfileVersion: 3,
  packages: {
    '': { name: 'cong-truong', version: '0.1.0' },
    'node_modules/astro': { version: '7.3.5' },
    'node_modules/sharp': { version: '0.35.5' },
    [`node_modules/@img/sharp-${process.platform}-${process.arch}`]: {
      version: '0.35.5',
      optional: true,
      os: [process.platform],
      cpu: [process.arch],
    },
  },
};

async function versions(content: unknown): Promise<string> {
  const file = path.join(base, `${Math.random()}.json`);
  await writeFile(file, JSON.stringify(content, null, 2));
  return dependencyVersions(file);
}

describe('dependencyVersions', () => {
  it('does not change when npm adds other platforms’ builds or reorders the lockfile', async () => {
    const before = await versions(lock);
    const rewritten = {
      ...lock,
      packages: Object.fromEntries(
        [
          ...Object.entries(lock.packages),
          ['node_modules/@img/sharp-darwin-arm64', { version: '0.35.5', optional: true, os: ['darwin'], cpu: ['arm64'] }],
          ['node_modules/@img/sharp-win32-x64', { version: '0.35.5', optional: true, os: ['win32'], cpu: ['x64'] }],
        ].reverse(),
      ),
    };
    expect(await versions(rewritten)).toBe(before);
  });

  it('changes when an installed package changes version, this platform’s binaries included', async () => {
    const before = await versions(lock);
    expect(await versions({ ...lock, packages: { ...lock.packages, 'node_modules/astro': { version: '7.3.6' } } })).not.toBe(before);
    const native = `node_modules/@img/sharp-${process.platform}-${process.arch}`;
    expect(await versions({ ...lock, packages: { ...lock.packages, [native]: { ...lock.packages[native], version: '0.35.6' } } })).not.toBe(
      before,
    );
  });

  it('reads the project’s own lockfile', async () => {
    const text = await dependencyVersions();
    expect(text).toContain('node_modules/astro@');
    expect(JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../package-lock.json'), 'utf8'))).toHaveProperty('packages');
  });
});
