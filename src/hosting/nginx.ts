/**
 * nginx configuration for the published sites: one server block per domain, serving
 * `dist/sites/<domain>/` (and schools served under a path of their host's domain) with its own 404 page, precompressed files, long caching of hashed
 * assets and security headers. The output belongs in nginx's `http` context
 * (e.g. `/etc/nginx/conf.d/congtruong.conf`).
 */

import { parseSiteFolder } from '../site/address.ts';
import { SCHOOL_ID } from '../schemas/school-id.ts';

export interface NginxOptions {
  /** Absolute path of the published sites (`dist/sites`). */
  sitesDir: string;
  /** `listen` value, e.g. `80` or `127.0.0.1:8080`. Default 80. */
  listen?: string | undefined;
  /** Sites are served over HTTPS by a TLS terminator or by nginx itself: send HSTS. */
  https?: boolean | undefined;
  /**
   * nginx terminates TLS itself: every server block also listens on `tls.listen` (default
   * `443`) with HTTP/2, with its domain's certificate `<certDir>/<domain>/fullchain.pem` and key
   * `privkey.pem` (certbot's layout: `certDir` is `/etc/letsencrypt/live`). Implies `https`.
   */
  tls?: { certDir: string; listen?: string | undefined } | undefined;
}

/**
 * How long browsers keep Pagefind's files whose names do not change with their content (its
 * script, worker and WebAssembly, and the entry file, asked for at an address that carries the
 * index's hash). Long enough for the search page's preloads to serve Pagefind's worker, which
 * fetches these files itself; short enough that a Pagefind upgrade reaches visitors within minutes.
 */
export const PAGEFIND_MAX_AGE = 300;

/**
 * Content-Security-Policy: no inline scripts or styles (the theme has none); Pagefind needs
 * WebAssembly (`wasm-unsafe-eval`); embedded videos only from the sanitiser's iframe allow-list.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  'frame-src https://www.youtube.com https://youtube.com https://www.youtube-nocookie.com',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

function headers(https: boolean, indent: string): string {
  const lines = [
    `add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
    ...(https ? ['add_header Strict-Transport-Security "max-age=31536000" always;'] : []),
  ];
  return lines.map((l) => indent + l).join('\n');
}

/**
 * Cache headers for a site's search index under `base` (`/` or `/<id>/`), and for the schools'
 * indexes the host portal serves (`pagefind-truong/<id>/`, and the index of their news,
 * `pagefind-cac-truong/`). Index chunks, fragments, filters and
 * metadata are named by their content: cached for a year. The other files briefly, so that what
 * the search page preloads is still there when Pagefind's worker asks for it (without a
 * `Cache-Control`, a preload serves only the page's own requests).
 */
function pagefindLocations(base: string, https: boolean, indent: string): string {
  // Written into a regular expression: only the bases the build makes (a school id is a slug).
  if (!/^\/([a-z0-9-]+\/)?$/.test(base)) throw new Error(`Refusing an unsafe value in the nginx configuration: ${base}`);
  const prefix = `^${base}pagefind(-truong/[a-z0-9-]+|-cac-truong)?/`;
  return `${indent}location ~ ${prefix}(index/|fragment/|filter/|pagefind\\.[a-z0-9_-]+\\.pf_meta$) {
${indent}    add_header Cache-Control "public, max-age=31536000, immutable" always;
${headers(https, `${indent}    `)}
${indent}}

${indent}location ~ ${prefix} {
${indent}    add_header Cache-Control "public, max-age=${PAGEFIND_MAX_AGE}" always;
${headers(https, `${indent}    `)}
${indent}}`;
}

/**
 * The `Cache-Control` the locations above give a file of a site, by its URL path (`/<id>/` first
 * in path mode), or `undefined` (pages: their modification time only). For the servers that stand
 * in for nginx in the phone benchmark and the browser tests: the same rules, written once.
 */
export function cacheControlFor(urlPath: string): string | undefined {
  if (/^\/([a-z0-9-]+\/)?_astro\//.test(urlPath)) return 'public, max-age=31536000, immutable';
  const pagefind = /^\/([a-z0-9-]+\/)?pagefind(-truong\/[a-z0-9-]+|-cac-truong)?\/(.*)$/.exec(urlPath);
  if (!pagefind) return undefined;
  if (/^(index\/|fragment\/|filter\/|pagefind\.[a-z0-9_-]+\.pf_meta$)/.test(pagefind[3]!)) return 'public, max-age=31536000, immutable';
  return `public, max-age=${PAGEFIND_MAX_AGE}`;
}

/**
 * Names that may appear as they are in the configuration (domains, paths, `listen` values).
 * Anything else would let a folder name or an argument add directives of its own.
 */
function quote(s: string): string {
  if (/^[A-Za-z0-9_./:+-]+$/.test(s)) return s;
  // A path with spaces or Vietnamese letters is written in double quotes. `$` (a variable in
  // `root`/`alias`, with no escape), quotes, backslashes, `;`, braces and control characters
  // cannot be written safely and are refused (`nginxPathProblem` says so before this runs).
  if (nginxPathProblem(s) === undefined) return `"${s}"`;
  throw new Error(`Refusing an unsafe value in the nginx configuration: ${s}`);
}

/** Why a path cannot go into the configuration, or undefined when it can. */
export function nginxPathProblem(p: string): string | undefined {
  const bad = [...p].find((c) => '$"\\;{}'.includes(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return bad === undefined ? undefined : JSON.stringify(bad);
}

/**
 * Folder names of `dist/sites/` that are sites: a domain in lower case, optionally
 * `+<school id>` (path mode). Anything else (a folder copied there by hand, a name with spaces
 * or quotes) is not served.
 */
export function isSiteFolder(name: string): boolean {
  const [host = '', school, ...rest] = name.split('+');
  return rest.length === 0 && HOST_NAME.test(host) && (school === undefined || SCHOOL_ID.test(school));
}

/** A host name in lower case: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** A `listen` value: a port, optionally after an address (`8080`, `127.0.0.1:8080`, `[::1]:80`). */
export function isListenValue(listen: string): boolean {
  const m =
    /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*):)?(\d{1,5})$/.exec(
      listen,
    );
  return m !== null && Number(m[3]) >= 1 && Number(m[3]) <= 65535;
}

/**
 * A school served under its host's domain (`host.yaml` → `hosting.schoolUrls: path`), published
 * in `dist/sites/<host domain>+<id>/`: an `alias` location with the school's own 404 page.
 */
function pathSiteLocations(folder: string, sitesDir: string, https: boolean): string {
  const { base } = parseSiteFolder(folder);
  const dir = `${sitesDir}/${folder}/`;
  return `
    location ${quote(base)} {
        alias ${quote(dir)};
        error_page 404 ${quote(`${base}404.html`)};

${pagefindLocations(base, https, '        ')}
    }

    location ${quote(`${base}_astro/`)} {
        alias ${quote(`${dir}_astro/`)};
        expires 1y;
        add_header Cache-Control "public, max-age=31536000, immutable" always;
${headers(https, '        ')}
    }`;
}

/**
 * TLS in a server block, with HTTP/2: a browser then asks for all of a page's files (and a
 * search's index chunks and fragments) over one connection at once, where HTTP/1.1 opens six
 * and queues the rest. `listen … ssl http2` is the form nginx 1.22 (Debian 12) reads; newer
 * versions still accept it, with a deprecation notice in favour of `http2 on`.
 */
function tlsLines(domain: string, tls: { certDir: string; listen?: string | undefined }): string {
  const dir = `${tls.certDir.replace(/\/+$/, '')}/${domain}`;
  return `    listen ${quote(tls.listen ?? '443')} ssl http2;
    ssl_certificate ${quote(`${dir}/fullchain.pem`)};
    ssl_certificate_key ${quote(`${dir}/privkey.pem`)};
    ssl_protocols TLSv1.2 TLSv1.3;
`;
}

/**
 * One server block per domain. `folders` are the names in `dist/sites/`: a domain, or
 * `<host domain>+<school id>` for a school served under its host's domain.
 */
export function nginxConfig(folders: string[], opts: NginxOptions): string {
  const listen = opts.listen ?? '80';
  const tls = opts.tls;
  const https = (opts.https ?? false) || tls !== undefined;
  const byDomain = new Map<string, string[]>();
  for (const folder of folders) {
    const { domain, base } = parseSiteFolder(folder);
    const list = byDomain.get(domain) ?? [];
    if (base !== '/') list.push(folder);
    byDomain.set(domain, list);
  }
  const blocks = [...byDomain.keys()].sort().map(
    (domain) => `server {
    listen ${quote(listen)};
${tls ? tlsLines(domain, tls) : ''}    server_name ${quote(domain)};
    root ${quote(`${opts.sitesDir}/${domain}`)};
    index index.html;
    charset utf-8;
    gzip_static on;
    # brotli_static on;  # with the ngx_brotli module (Debian: libnginx-mod-http-brotli-static)
    error_page 404 /404.html;
${headers(https, '    ')}

    # Hashed assets never change: cache them for a year. (add_header is not inherited into a
    # location that has its own, so the security headers are repeated.)
    location /_astro/ {
        expires 1y;
        add_header Cache-Control "public, max-age=31536000, immutable" always;
${headers(https, '        ')}
    }

${pagefindLocations('/', https, '    ')}

    location / {
        try_files $uri $uri/ =404;
    }
${byDomain
  .get(domain)!
  .sort()
  .map((f) => pathSiteLocations(f, opts.sitesDir, https))
  .join('\n')}
}`,
  );
  return `# Generated by \`congtruong nginx\`. Sites: ${folders.length}.\n\n${blocks.join('\n\n')}\n`;
}
