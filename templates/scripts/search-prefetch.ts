/**
 * The header's search box, on every page (issue 18): a parent taps it, types, presses Enter and
 * lands on the search page. Until they tap it, nothing of Pagefind loads. When the box gets focus
 * (or the first key), the search page is read once, in the background, and what it preloads
 * itself (its own script, Pagefind's script, worker, entry, metadata and WebAssembly) is
 * prefetched into the browser's HTTP cache; as words are typed, so are the index chunks that hold
 * them (the chunk list the indexer writes into the search page). After Enter the search page, its
 * script and Pagefind's worker then find those files in the cache instead of asking one round
 * trip after another on a slow line.
 *
 * Prefetches are `<link rel="prefetch">`: at the lowest priority, so the page the parent is
 * reading keeps the line, and carried on by the browser across the navigation that Enter starts
 * (a `fetch()` would be cancelled with the page). They are asked for as the search page asks for
 * the same files (CORS mode, same-origin credentials: `crossorigin="anonymous"`), so the cache
 * entries are the ones its requests and the worker's look up. The server's cache headers for
 * `/pagefind/` let them stay (src/hosting/nginx.ts).
 *
 * Copying the search page's own preloads keeps one list of what the search needs (Search.astro),
 * with the index's hash in it (the entry's address), which no other page knows.
 */
import { chunksFor, type ChunkRange } from './index-chunks.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[role=search][action]')) {
  // The search page preloads all this itself.
  if (document.querySelector('[data-search]')) break;
  const input = form.querySelector<HTMLInputElement>('input[name=q]');
  if (input) watch(form, input);
}

function watch(form: HTMLFormElement, input: HTMLInputElement): void {
  const asked = new Set<string>();
  const prefetch = (url: string) => {
    if (asked.has(url)) return;
    asked.add(url);
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.crossOrigin = 'anonymous';
    link.href = url;
    document.head.append(link);
  };

  let searchPage: Promise<{ chunks: ChunkRange[]; base: string } | undefined> | undefined;
  const start = () =>
    (searchPage ??= fetch(form.action, { priority: 'low' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((html) => {
        const page = new DOMParser().parseFromString(html, 'text/html');
        const url = (href: string) => new URL(href, form.action).href;
        for (const el of page.querySelectorAll<HTMLElement>('script[type=module][src], link[rel=modulepreload], link[rel=preload]')) {
          const href = el.getAttribute('src') ?? el.getAttribute('href');
          if (href) prefetch(url(href));
        }
        const root = page.querySelector<HTMLElement>('[data-search]');
        if (!root) return undefined;
        let chunks: unknown;
        try {
          chunks = JSON.parse(root.dataset.pagefindChunks ?? '[]');
        } catch {
          chunks = []; // a page whose index was not written: Pagefind finds its chunks itself
        }
        const base = url(root.dataset.pagefindBundle ?? '/pagefind/pagefind.js').replace(/[^/]*$/, '');
        return { chunks: Array.isArray(chunks) ? (chunks as ChunkRange[]) : [], base };
      })
      .catch(() => undefined));

  /** The chunks of the words typed so far: all of them on Enter, else those already ended by a space. */
  const prefetchChunks = (complete: boolean) => {
    const typed = input.value.normalize('NFC');
    const words = complete ? typed : typed.slice(0, typed.search(/\s\S*$/) + 1);
    if (!words.trim()) return;
    void start().then((page) => {
      if (page) for (const hash of chunksFor(words, page.chunks)) prefetch(`${page.base}index/${hash}.pf_index`);
    });
  };

  input.addEventListener('focus', () => void start(), { once: true });
  input.addEventListener('input', () => {
    void start();
    prefetchChunks(false);
  });
  form.addEventListener('submit', () => prefetchChunks(true));
}
