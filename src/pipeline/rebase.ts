/**
 * Moves an assembled site from the root of a domain to a path prefix (`/<school id>/`) by
 * rewriting its root-relative URLs. The theme writes links as `/tin-tuc/…` for the common case
 * of one domain per school; rewriting the few places where such URLs live (HTML attributes,
 * `srcset`, CSS `url()`) keeps the templates simple. Absolute URLs (feeds, sitemaps, canonical
 * links) already carry the prefix through the school's address (`src/site/address.ts`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { walk } from '../util/walk.ts';

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'data-pagefind-bundle'];
const ATTRIBUTE = new RegExp(`(\\s(?:${URL_ATTRIBUTES.join('|')})=)(["']?)/(?!/)`, 'g');
const SRCSET = /(\s(?:srcset|imagesrcset)=)(["'])([^"']*)\2/g;
const CSS_URL = /url\((["']?)\/(?!\/)/g;

/** Prefixes the root-relative URLs of one HTML document with `base` (`/<id>/`). */
export function rebaseHtml(html: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  return html
    .replace(ATTRIBUTE, (_m, attr: string, q: string) => `${attr}${q}${prefix}/`)
    .replace(SRCSET, (_m, attr: string, q: string, value: string) => {
      const rebased = value
        .split(',')
        .map((c) => c.replace(/^(\s*)\/(?!\/)/, `$1${prefix}/`))
        .join(',');
      return `${attr}${q}${rebased}${q}`;
    })
    .replace(CSS_URL, (_m, q: string) => `url(${q}${prefix}/`);
}

export function rebaseCss(css: string, base: string): string {
  return css.replace(CSS_URL, (_m, q: string) => `url(${q}${base.replace(/\/$/, '')}/`);
}

/** Rewrites every HTML and CSS file of the site folder for the path prefix `base`. */
export async function rebaseSite(dir: string, base: string): Promise<void> {
  if (base === '/') return;
  for (const file of await walk(dir)) {
    if (file.endsWith('.html')) await writeFile(file, rebaseHtml(await readFile(file, 'utf8'), base));
    else if (file.endsWith('.css')) await writeFile(file, rebaseCss(await readFile(file, 'utf8'), base));
  }
}
