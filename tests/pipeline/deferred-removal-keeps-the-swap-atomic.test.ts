/**
 * The server lets the removal of a site's replaced version run after its answer (issue 19:
 * `deferRemoval`). The swap stays what it was: the live folder is the complete new version as
 * soon as `publishSite` returns, a second swap of the same site right after waits for the first
 * removal instead of tripping over it, and once the removals are done no `.old` folder is left.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishSite, recoverInterruptedSwaps, removalsDone } from '../../src/pipeline/publish.ts';
import { tempDir } from '../helpers.ts';

const DOMAIN = 'alpha.thunghiem.edu.vn';

/** A staged site of `pages` pages whose home page says `version`. */
async function stage(root: string, version: string, pages = 300): Promise<string> {
  const dir = path.join(root, 'staging', version);
  for (let i = 0; i < pages; i++) {
    await mkdir(path.join(dir, 'tin-tuc', `tin-${i}`), { recursive: true });
    await writeFile(path.join(dir, 'tin-tuc', `tin-${i}`, 'index.html'), `<p>${version} ${i}</p>`);
  }
  await writeFile(path.join(dir, 'index.html'), `<h1>${version}</h1>`);
  return dir;
}

describe('a swap whose old version is removed later', () => {
  it('is live at once, lets the next swap of the site wait for the removal, and leaves no .old folder', async () => {
    const root = await tempDir('congtruong-defer-');
    const sites = path.join(root, 'sites');
    await publishSite(await stage(root, 'v1'), sites, DOMAIN);
    const [v2, v3] = [await stage(root, 'v2'), await stage(root, 'v3')];

    await publishSite(v2, sites, DOMAIN, true);
    expect(await readFile(path.join(sites, DOMAIN, 'index.html'), 'utf8')).toBe('<h1>v2</h1>');
    expect(await readdir(path.join(sites, DOMAIN, 'tin-tuc'))).toHaveLength(300);
    // Straight after, while v1 may still be being removed: v3 replaces v2, never a mix.
    await publishSite(v3, sites, DOMAIN, true);
    expect(await readFile(path.join(sites, DOMAIN, 'index.html'), 'utf8')).toBe('<h1>v3</h1>');
    expect(await readFile(path.join(sites, DOMAIN, 'tin-tuc', 'tin-299', 'index.html'), 'utf8')).toBe('<p>v3 299</p>');
    // The next build's recovery does not take a removal in progress for an interrupted swap.
    await recoverInterruptedSwaps(sites);
    await removalsDone();
    expect(await readdir(sites)).toEqual([DOMAIN]);
    expect(await readFile(path.join(sites, DOMAIN, 'index.html'), 'utf8')).toBe('<h1>v3</h1>');
  });
});
