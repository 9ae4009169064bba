/**
 * The part of every school's fingerprint that stands for the engine is derived from the code:
 * the theme, the pipeline and every project module they import. Changing a module the theme
 * imports (even one in a folder no list would name, such as the manifest's schema under
 * `src/ranking/`) must rebuild every school; changing the ranking crawler must not.
 * Run on a copy of the project, so edits never touch the real tree.
 */
import { appendFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileHashes, themeSources } from '../../src/pipeline/fingerprint.ts';
import { tempDir } from '../helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let copy: string;
let base: string;

beforeAll(async () => {
  base = await tempDir('congtruong-theme-fp-');
  copy = path.join(base, 'project');
  await mkdir(copy);
  for (const p of ['templates', 'src', 'astro.config.mjs']) await cp(path.join(ROOT, p), path.join(copy, p), { recursive: true });
});
afterAll(() => rm(base, { recursive: true, force: true }));

/** The engine's fingerprint of the copy, as the build takes it (a fresh hash cache each time). */
async function engine(): Promise<string> {
  const hashes = await FileHashes.open(path.join(base, 'no-cache.json'));
  const [h] = await hashes.hashGroups([themeSources(copy)]);
  return h!;
}
const rel = (files: string[]) => files.map((f) => path.relative(copy, f));

describe('the engine part of the fingerprint', () => {
  it('holds the theme, the pipeline and what they import — not the crawler, the command line or the editor', () => {
    const files = rel(themeSources(copy));
    expect(files).toEqual(
      expect.arrayContaining([
        'astro.config.mjs',
        'src/pipeline/build-sites.ts',
        'src/ranking/manifest.ts',
        'src/schemas/collections.ts',
        'src/render/markdown.ts',
      ]),
    );
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    for (const f of files) expect(f).not.toMatch(/^src\/(cli|dev|scaffold)\/|^src\/ranking\/crawler\.ts$/);
  });

  it('changes when a module the theme imports changes', async () => {
    const before = await engine();
    await appendFile(path.join(copy, 'src/ranking/manifest.ts'), '\n// a new manifest field\n');
    expect(await engine()).not.toBe(before);
  });

  it('does not change when the ranking crawler changes', async () => {
    const before = await engine();
    await appendFile(path.join(copy, 'src/ranking/crawler.ts'), '\n// crawl faster\n');
    expect(await engine()).toBe(before);
  });

  it('follows a module that the theme starts to import', async () => {
    await mkdir(path.join(copy, 'src/newfolder'), { recursive: true });
    await writeFile(path.join(copy, 'src/newfolder/helper.ts'), 'export const x = 1;\n');
    expect(rel(themeSources(copy))).not.toContain('src/newfolder/helper.ts');
    const before = await engine();
    await appendFile(path.join(copy, 'templates/lib/i18n.ts'), "\nexport { x } from '../../src/newfolder/helper.ts';\n");
    expect(rel(themeSources(copy))).toContain('src/newfolder/helper.ts');
    const after = await engine();
    expect(after).not.toBe(before);
    await appendFile(path.join(copy, 'src/newfolder/helper.ts'), 'export const y = 2;\n');
    expect(await engine()).not.toBe(after);
  });
});
