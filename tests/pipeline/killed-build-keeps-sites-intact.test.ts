/**
 * A build killed with SIGKILL at any moment never leaves a half-written or mixed site: every
 * published domain is complete (all pages of its sitemap) and entirely old or entirely new, and
 * the next build repairs a swap that was cut between its two renames.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSites } from '../../src/pipeline/build-sites.ts';
import { FIXTURES, tempDir } from '../helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/congtruong.mjs');

/** Every page listed in the site's sitemap exists; returns the version markers on the home page. */
async function checkSite(dir: string): Promise<string[]> {
  const xml = await readFile(path.join(dir, 'sitemap.xml'), 'utf8');
  for (const m of xml.matchAll(/<loc>https:\/\/[^/]+(\/[^<]*)<\/loc>/g)) {
    await stat(path.join(dir, m[1]!, 'index.html'));
  }
  const home = await readFile(path.join(dir, 'index.html'), 'utf8');
  return ['PHIÊN BẢN CŨ', 'PHIÊN BẢN MỚI'].filter((v) => home.includes(v));
}

describe('a build killed with SIGKILL', () => {
  it('leaves every published site complete, old or new, never mixed', { timeout: 240_000 }, async () => {
    const base = await tempDir('congtruong-kill-');
    const content = path.join(base, 'content');
    const out = path.join(base, 'dist');
    await cp(path.join(FIXTURES, 'content', 'basic'), content, { recursive: true });
    const yaml = path.join(content, 'schools', 'alpha', 'school.yaml');
    const original = await readFile(yaml, 'utf8');
    await writeFile(yaml, original.replace('description:', 'x').concat('description: PHIÊN BẢN CŨ\n'));
    await buildSites({ contentDir: content, outDir: out, date: '2026-11-23' });
    await writeFile(yaml, original.concat('description: PHIÊN BẢN MỚI\n'));

    for (const delayMs of [300, 1500, 2500, 3200, 3800, 4500]) {
      // Its own process group, so that the Astro worker it spawned dies with it.
      const child = spawn(process.execPath, [BIN, 'build', '--content', content, '--out', out, '--force'], {
        stdio: 'ignore',
        detached: true,
      });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delayMs));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already finished.
      }
      await exited;
      const sites = path.join(out, 'sites');
      const names = await readdir(sites);
      for (const domain of ['alpha.thunghiem.edu.vn', 'beta.thunghiem.edu.vn']) {
        // Either the live folder or, if the kill fell between the two renames, the previous one.
        const live = names.includes(domain) ? domain : `.${domain}.old`;
        expect(names, `after ${delayMs} ms`).toContain(live);
        const versions = await checkSite(path.join(sites, live));
        // Alpha is entirely the old or entirely the new version.
        if (domain === 'alpha.thunghiem.edu.vn') expect(versions, `after ${delayMs} ms`).toHaveLength(1);
      }
    }
    // The next build repairs any interrupted swap and publishes the new version.
    const report = await buildSites({ contentDir: content, outDir: out, date: '2026-11-23', force: true });
    expect(report.sites.find((s) => s.id === 'alpha')?.status).toBe('built');
    expect(await checkSite(path.join(out, 'sites', 'alpha.thunghiem.edu.vn'))).toEqual(['PHIÊN BẢN MỚI']);
    expect((await readdir(path.join(out, 'sites'))).filter((n) => n.endsWith('.old'))).toEqual([]);
  });
});
