/** Where the installed product lives, for the files it ships (theme, Astro configuration, editor). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: where `astro.config.mjs` and `templates/` live. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The product's version, read once from its package.json: reports name the generator that made
 * them (`generator.version`), and a hand-kept copy of the number would fall behind a release.
 */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
