/**
 * Long-lived child process that keeps the theme compiled and renders jobs without Astro's
 * start-up (issue 19, item 4). A cold render of one school (`astro-worker.ts`) spends most of its
 * time starting Node and Astro and bundling the theme with Vite, although only the data changes
 * between two saves. This worker runs Astro's `build()` once, with no site to render, and keeps
 * the compiled prerender app that Astro's own page generation uses. Each job then only swaps the
 * data (`setBuildData`), forgets the static paths Astro remembered, and renders the paths with
 * Astro's `renderPath`, into a folder laid out as a cold run lays it out: pages under
 * `<school>/`, the theme's `_astro/` assets and public files at the top.
 *
 * Only the pages whose inputs changed are rendered again (issue 19, "≤ 1 s save-to-online"): each
 * render records what it read of the input (`src/site/render-tracking.ts`), and the worker keeps
 * each page's props, reads and output from the school's last job. A path whose props are the
 * same and whose every read finds the same value in the new input gets its kept output, byte for
 * byte. Anything unsure renders: the first job of a school, a job with the host portal, a theme
 * that writes to its input, a read no page owns.
 *
 * The theme's code cannot change while the server runs (an upgrade restarts it), so one build
 * per process is one build per theme fingerprint.
 *
 * Protocol (IPC, advanced serialization): the parent sends `{ id, jobFile }`; the worker answers
 * `{ id, ok, error?, steps, pages, maxRssKb }`. It first answers `{ ready: true }` or `{ ready: false, error }`.
 * Arguments: Vite's cache folder, then `--no-reuse` to render every page of every job.
 */
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'astro';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { readJob } from './astro-job.ts';
import { setRenderInput, type RenderInput } from '../site/render-input.ts';
import { ReadCheck, track, type Reads, type Tracking } from '../site/render-tracking.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';
import { syndicationOf } from '../site/syndication.ts';
import { limiter } from '../util/concurrency.ts';
import { nowInVietnam, todayInVietnam } from '../util/dates.ts';
import type { RenderedPages, WarmReply, WarmRequest } from './warm-protocol.ts';

/** Astro's default prerenderer (astro/dist/core/build/default-prerenderer.js) holds the compiled app. */
type Prerenderer = AstroPrerenderer & { app?: BuildApp };
interface BuildApp {
  routeCache: {
    clearAll(): void;
    /** What the route's `getStaticPaths` returned, by path (Astro's `callGetStaticPaths`). */
    get(route: RouteData): { staticPaths?: { keyed: Map<string, { props?: unknown }> } } | undefined;
  };
  getOptions(): StaticBuildOptions;
}
interface StaticBuildOptions {
  settings: { config: { outDir: URL } };
  logger: unknown;
}
type RenderPath = (payload: {
  prerenderer: Prerenderer;
  pathname: string;
  route: RouteData;
  options: StaticBuildOptions;
  logger: unknown;
  collectMetadata: boolean;
}) => Promise<{ body: Buffer | string; outFile: URL; outFolder: URL } | null>;

/**
 * Astro's own function that renders one path and says where its file goes: the warm render then
 * names and fills files exactly as `astro build` does. Not exported by the package: imported by
 * its file, from the Astro version this project pins (7.3.5).
 */
const astroFile = (...parts: string[]) => pathToFileURL(path.join(PACKAGE_ROOT, 'node_modules', 'astro', 'dist', ...parts)).href;
const { renderPath } = (await import(astroFile('core', 'build', 'generate.js'))) as { renderPath: RenderPath };
/** Where Astro writes the compiled prerender app, which it removes after the build. */
const { getPrerenderOutputDirectory } = (await import(astroFile('prerender', 'utils.js'))) as {
  getPrerenderOutputDirectory: (settings: StaticBuildOptions['settings']) => URL;
};

/** Where the one build writes: inside the package, as `astro-worker.ts` explains. */
const home = path.join(PACKAGE_ROOT, '.astro', 'warm', String(process.pid));
/** The theme's client assets and public files, as the build left them before any page. */
const staticDir = path.join(home, 'static');
/**
 * Astro removes its compiled prerender app after the build, but the app imports some of its
 * chunks on first use (the middleware, pages): a copy is kept and put back where the app expects it.
 */
const appCopy = path.join(home, 'app');
let appDir: string | undefined;

let captured: Prerenderer | undefined;

/** Keeps Astro's default prerenderer (and its app) after the build, and the static files it found. */
const keepPrerenderer: AstroIntegration = {
  name: 'congtruong:warm-renderer',
  hooks: {
    'astro:build:start': ({ setPrerenderer }) => {
      setPrerenderer((defaults: Prerenderer) => {
        const wrapped: Prerenderer = {
          ...defaults,
          name: 'congtruong:warm',
          async setup() {
            await defaults.setup?.();
            // At this point the client build is done and no page is written yet: the output
            // folder holds exactly what every job's output needs besides its pages.
            const settings = defaults.app!.getOptions().settings;
            appDir = fileURLToPath(getPrerenderOutputDirectory(settings));
            await cp(appDir, appCopy, { recursive: true });
            await cp(settings.config.outDir, staticDir, {
              recursive: true,
              filter: (src) => path.resolve(src) !== path.resolve(appDir!),
            });
            captured = defaults;
          },
        };
        return wrapped;
      });
    },
  },
};

/** Removes the folders of warm renderers whose server was killed (their process is gone). */
async function removeStale(parent: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    let alive: boolean;
    try {
      alive = process.kill(pid, 0);
    } catch (err) {
      // EPERM: the process exists but belongs to another user.
      alive = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

async function warmUp(cacheDir: string): Promise<void> {
  await removeStale(path.dirname(home));
  await rm(home, { recursive: true, force: true });
  // Nothing to render: the build compiles the theme and generates no page.
  setRenderInput({ schools: [], directory: [], builtAt: new Date().toISOString(), date: todayInVietnam(), now: nowInVietnam() });
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await build({
    root: PACKAGE_ROOT,
    configFile: 'astro.config.mjs',
    outDir: path.join(home, 'first'),
    cacheDir,
    logLevel: 'error',
    mode: 'production',
    integrations: [keepPrerenderer],
  });
  if (!captured?.app || !appDir) throw new Error('Astro did not set up its prerenderer: the warm renderer cannot start.');
  await rm(appDir, { recursive: true, force: true });
  await rename(appCopy, appDir);
}

/** One page of a job, as the next job of the same school may reuse it. */
interface KeptPage {
  /** The route's component: the same path from another route is another page. */
  component: string;
  /** `Tracking.propsKey` of the page's props. */
  props: string;
  reads: Reads;
  /**
   * The raw output (before the search index fills anything in) and where it goes in the job's
   * folder; null when Astro wrote nothing for the path.
   */
  file: { rel: string; body: Buffer | string } | null;
}

/**
 * The pages of the last job of each set of schools (a save renders one school), most recent
 * last. Kept in memory rather than as files: the staging folders are the build's to rewrite and
 * remove, and writing a kept page is then one write.
 */
const kept = new Map<string, { pages: Map<string, KeptPage>; bytes: number }>();
/**
 * Memory for kept pages (a school of 200 news keeps a few MB of pages and reads): the schools
 * saved least recently are forgotten first, and their next save renders every page.
 */
const KEPT_BYTES = 256 * 1024 * 1024;
const reuse = !process.argv.includes('--no-reuse');
let reportedUntrackable = false;

function keep(key: string, pages: Map<string, KeptPage>): void {
  let bytes = 0;
  for (const p of pages.values()) bytes += (p.file?.body.length ?? 0) + 4 * p.reads.ids.length;
  kept.set(key, { pages, bytes });
  let total = 0;
  for (const k of kept.values()) total += k.bytes;
  for (const [k, v] of kept) {
    if (total <= KEPT_BYTES || k === key) break;
    kept.delete(k);
    total -= v.bytes;
  }
}

/** The props key of each path once `getStaticPaths` has run; undefined when its props are unknown. */
function propsKeys(app: BuildApp, paths: { pathname: string; route: RouteData }[], tracking: Tracking): Map<string, string | undefined> {
  const keys = new Map<string, string | undefined>();
  for (const { pathname, route } of paths) {
    // A route without parameters has no `getStaticPaths` and no props.
    if (route.pathname) keys.set(pathname, '');
    else {
      const entry = app.routeCache.get(route)?.staticPaths?.keyed.get(pathname);
      keys.set(pathname, entry ? tracking.propsKey(entry.props ?? {}) : undefined);
    }
  }
  return keys;
}

async function render({ jobFile, failSchool }: WarmRequest, steps: Record<string, number>, pagesOut: RenderedPages): Promise<void> {
  const started = performance.now();
  const step = (name: string) => (steps[name] = (performance.now() - started) / 1000);
  const prerenderer = captured!;
  const app = prerenderer.app!;
  const job = await readJob(jobFile);
  if (!job.content) throw new Error('A warm render needs the loaded content in its job.');
  step('content loaded');
  const input: RenderInput = {
    schools: job.content.schools,
    host: job.includeHost ? job.content.host : undefined,
    directory: job.directory,
    builtAt: new Date().toISOString(),
    date: job.date ?? todayInVietnam(),
    now: job.now ?? nowInVietnam(),
    syndication: job.content.host && syndicationOf(job.content.host),
  };
  // The host portal reads the whole directory: its jobs are rare (full builds) and render everything.
  const tracked = reuse && !job.includeHost;
  const jobKey = JSON.stringify(job.schoolIds);
  const previous = tracked ? kept.get(jobKey) : undefined;
  // Taken out: a job that fails leaves nothing to reuse.
  kept.delete(jobKey);
  const tracking = tracked ? track(input) : undefined;
  setRenderInput(tracking?.input ?? input);
  try {
    // Lets tests prove that a failed warm render falls back to a cold build (or fails cleanly).
    if (failSchool && job.schoolIds.includes(failSchool)) throw new Error(`Simulated warm render failure of ${failSchool}.`);
    // Astro remembers each route's `getStaticPaths` result; they come from the previous job's data.
    app.routeCache.clearAll();
    const options = app.getOptions();
    options.settings.config.outDir = pathToFileURL(`${path.resolve(job.outDir)}${path.sep}`);
    await mkdir(job.outDir, { recursive: true });
    for (const name of await readdir(staticDir)) await cp(path.join(staticDir, name), path.join(job.outDir, name), { recursive: true });
    const paths = await prerenderer.getStaticPaths();
    const keys = tracking && propsKeys(app, paths, tracking);
    tracking?.rendering();
    step('paths');
    const check = previous && new ReadCheck(input);
    const pages = new Map<string, KeptPage>();
    const rendered: string[] = [];
    const reused: string[] = [];
    // As many pages at a time as `build.concurrency` in astro.config.mjs.
    const limit = limiter(4);
    const madeDirs = new Set<string>();
    const write = async (file: string, body: Buffer | string) => {
      const dir = path.dirname(file);
      if (!madeDirs.has(dir)) await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
      await writeFile(file, body);
    };
    const renderOne = async (pathname: string, route: RouteData) => {
      // Astro appends each written file to its route; a server that renders all day must not grow it.
      route.distURL = [];
      const go = () => renderPath({ prerenderer, pathname, route, options, logger: options.logger, collectMetadata: false });
      const { result, reads } = tracking ? await tracking.record(go) : { result: await go(), reads: undefined };
      let file: KeptPage['file'] = null;
      if (result) {
        const out = fileURLToPath(result.outFile);
        file = { rel: path.relative(job.outDir, out), body: result.body };
        await write(out, result.body);
      }
      rendered.push(pathname);
      const props = keys?.get(pathname);
      if (reads && props !== undefined) pages.set(pathname, { component: route.component, props, reads, file });
    };
    await Promise.all(
      paths.map(({ pathname, route }) =>
        limit(async () => {
          const old = previous?.pages.get(pathname);
          const props = keys?.get(pathname);
          if (old && props !== undefined && old.props === props && old.component === route.component && !check!.changed(old.reads)) {
            if (old.file) await write(path.join(job.outDir, old.file.rel), old.file.body);
            reused.push(pathname);
            pages.set(pathname, old);
            return;
          }
          await renderOne(pathname, route);
        }),
      ),
    );
    if (tracking?.untrackable) {
      // The reads of this job cannot be trusted, and the theme does the same on every job: the
      // pages taken from the last job are rendered after all, and nothing is kept.
      // Said once: the server's log would repeat it at every save.
      if (!reportedUntrackable) pagesOut.untrackable = tracking.untrackable;
      reportedUntrackable = true;
      const again = new Set(reused);
      reused.length = 0;
      await Promise.all(paths.filter((p) => again.has(p.pathname)).map(({ pathname, route }) => limit(() => renderOne(pathname, route))));
    } else if (tracking) keep(jobKey, pages);
    pagesOut.rendered = rendered.sort();
    pagesOut.reused = reused.length;
    step('Astro done');
  } finally {
    tracking?.stop();
  }
}

const send = (reply: WarmReply) => process.send!(reply);

process.on('disconnect', () => {
  // The server went away: nothing left to render for.
  void rm(home, { recursive: true, force: true }).finally(() => process.exit(0));
});

const cacheDir = process.argv[2] ?? path.join(home, 'cache');
try {
  await warmUp(cacheDir);
  send({ ready: true });
} catch (err) {
  send({ ready: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
}

// One job at a time: Astro's route cache and the build data are global to the process.
let queue: Promise<void> = Promise.resolve();
process.on('message', (req: WarmRequest) => {
  queue = queue.then(async () => {
    const steps: Record<string, number> = {};
    const pages: RenderedPages = { rendered: [], reused: 0 };
    try {
      await render(req, steps, pages);
      send({ id: req.id, ok: true, steps, pages, maxRssKb: process.resourceUsage().maxRSS });
    } catch (err) {
      send({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
});
