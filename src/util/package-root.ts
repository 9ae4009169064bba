/** Where the installed product lives, for the files it ships (theme, Astro configuration, editor). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: where `astro.config.mjs` and `templates/` live. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
