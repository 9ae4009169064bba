/**
 * `congtruong dev`: Astro's dev server for ONE school, served at the root as on its domain.
 *
 * The theme renders schools at `/<school-id>/…`; a Vite middleware (added by an Astro
 * integration) maps `/…` onto those routes, serves the school's files, the editor at
 * `/admin/` and, while the content has errors, an error page instead of the site. A change
 * under the school's folder (or the host's, which syndicates notices) reloads and validates
 * the content, clears Astro's cache of `getStaticPaths` and reloads the browser.
 */
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { dev, type AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import type { Lang } from '../errors/content-errors.ts';
import { formatIssues } from '../errors/format.ts';
import { handleAdmin } from './admin.ts';
import { startDecapBackend, type DecapBackend } from './decap-backend.ts';
import { errorPage } from './error-page.ts';
import { MediaFiles } from './media-files.ts';
import { loadSchoolContent, type SchoolContent } from './school-content.ts';

export interface DevOptions {
  contentDir: string;
  school: string;
  port: number;
  host: string;
  lang: Lang;
  /** Start the browser editor (Decap CMS and its local backend). Default true. */
  cms?: boolean;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  url: string;
  stop(): Promise<void>;
}

/** Request paths that belong to Vite or Astro, never to the school. */
const INTERNAL = /^\/(@|__|node_modules\/|templates\/|src\/|_astro\/|\.astro\/)/;

const TEXT = {
  vi: {
    reloaded: (ms: number) => `Đã nạp lại nội dung (${Math.round(ms)} ms).`,
    invalid: 'Nội dung có lỗi: trình duyệt hiển thị trang báo lỗi cho đến khi sửa xong.',
    ready: (url: string) => `Xem trước: ${url}`,
    admin: (url: string) => `Soạn nội dung trên trình duyệt: ${url}admin/`,
    stop: 'Nhấn Ctrl+C để dừng.',
  },
  en: {
    reloaded: (ms: number) => `Content reloaded (${Math.round(ms)} ms).`,
    invalid: 'The content has errors: the browser shows an error page until they are fixed.',
    ready: (url: string) => `Preview: ${url}`,
    admin: (url: string) => `Edit in the browser: ${url}admin/`,
    stop: 'Press Ctrl+C to stop.',
  },
} as const;

export async function startDevServer(opts: DevOptions): Promise<RunningDevServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const t = TEXT[opts.lang];
  const contentDir = path.resolve(opts.contentDir);
  const schoolDir = path.join(contentDir, 'schools', opts.school);
  const watched = [schoolDir, path.join(contentDir, 'host'), path.join(contentDir, 'host.yaml')];
  const media = new MediaFiles();

  let state: SchoolContent = { issues: [], ms: 0 };
  const report = (s: SchoolContent, first: boolean) => {
    if (s.issues.length > 0) log(`\n${formatIssues(s.issues, opts.lang)}\n`);
    if (!s.school) log(t.invalid);
    else if (!first) log(t.reloaded(s.ms));
  };
  const load = async (first: boolean) => {
    state = await loadSchoolContent(contentDir, opts.school);
    media.update(state.school);
    report(state, first);
  };
  await load(true);
  // Requests wait for a reload in progress, so that nobody sees half-updated content.
  let loading: Promise<void> = Promise.resolve();

  // Started once the preview listens, so that its free port cannot be the one asked for.
  let backend: Promise<DecapBackend | undefined> = Promise.resolve(undefined);

  const admin = { schoolDir, schoolName: () => state.school?.config.name, backend: () => backend };
  const handle = async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    await loading;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const urlPath = url.pathname;
    if (INTERNAL.test(urlPath)) return next();
    if (await handleAdmin(admin, urlPath, req, res)) return;
    let decoded = urlPath;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      // Malformed escapes are left for Astro to answer with a 404.
    }
    if (await media.serve(decoded, req, res)) return;
    if (!state.school) {
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(errorPage(state.issues, opts.lang));
      return;
    }
    req.url = `/${opts.school}${urlPath}${url.search}`;
    next();
  };

  let reloadTimer: NodeJS.Timeout | undefined;
  const integration: AstroIntegration = {
    name: 'congtruong-dev',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const vite = server as unknown as ViteDevServer;
        // Runs after Astro's trailing-slash check, which thus sees the paths visitors typed.
        vite.middlewares.use((req, res, next) => {
          handle(req, res, next).catch((err: unknown) => {
            log(String(err instanceof Error ? (err.stack ?? err.message) : err));
            if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end(String(err));
          });
        });
        vite.watcher.add(watched);
        vite.watcher.on('all', (_event: string, file: string) => {
          if (!watched.some((w) => file === w || file.startsWith(w + path.sep))) return;
          // Editors save in several steps (temporary file, rename): wait for them to settle.
          clearTimeout(reloadTimer);
          reloadTimer = setTimeout(() => {
            loading = loading
              .then(async () => {
                await load(false);
                refresh(vite);
              })
              // A failed reload must not block the requests waiting on it, nor later reloads.
              .catch((err: unknown) => log(String(err instanceof Error ? (err.stack ?? err.message) : err)));
          }, 150);
        });
      },
    },
  };

  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  const cache = path.join(os.tmpdir(), 'congtruong-dev-cache');
  // Not node_modules/.vite: several previews (and tests) may run at once. Removed on stop.
  const viteCache = path.join(cache, `vite-${process.pid}`);
  const server = await dev({
    root: PACKAGE_ROOT,
    configFile: 'astro.config.mjs',
    cacheDir: path.join(cache, 'astro'),
    logLevel: 'warn',
    server: { port: opts.port, host: opts.host },
    integrations: [integration],
    vite: { cacheDir: viteCache, server: { strictPort: true } },
  });
  if (opts.cms !== false) {
    backend = startDecapBackend(schoolDir, log);
    try {
      await backend;
    } catch (err) {
      await server.stop();
      throw err;
    }
  }
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${server.address.port}/`;
  log(t.ready(url));
  if (opts.cms !== false) log(t.admin(url));
  log(t.stop);
  return {
    url,
    async stop() {
      clearTimeout(reloadTimer);
      await Promise.all([server.stop(), backend.then((b) => b?.stop())]);
      await rm(viteCache, { recursive: true, force: true });
    },
  };
}

/** Drops Astro's cached `getStaticPaths` results and reloads every open page. */
function refresh(vite: ViteDevServer): void {
  for (const [name, env] of Object.entries(vite.environments)) {
    if (name !== 'client') env.hot.send('astro:content-changed', {});
  }
  vite.environments.client.hot.send({ type: 'full-reload', path: '*' });
}
