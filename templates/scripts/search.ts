/**
 * The search page, as a progressive enhancement over a plain GET form. Vietnamese is searched
 * as a phrase first (syllables are words), in this order, without duplicates:
 *   1. the phrase as typed, with exact diacritics (exact matches rank first);
 *   2. the phrase folded (no tone marks, đ → d), which meets the folded copy of every page;
 *   3. the words of both, when the phrases found little.
 * Pagefind ships no đ folding, hence the folded copy in the index (src/search/index-site.ts).
 *
 * Pagefind's script downloads with the search page (Search.astro preloads it; other pages only
 * once the visitor uses the header's search box, see search-prefetch.ts), with the files its
 * worker needs to start; the index starts loading once the visitor is about to search: when the page opens with a query, or when the
 * search box gets focus. Results come ten at a time, with a
 * button for more; the filters chosen stay in the address, so a reload or a shared link keeps them.
 */
import { foldDiacritics } from '../../src/util/slug.ts';
import { fill } from '../lib/fill.ts';
import { excerptAround, originalText, type ExcerptPart } from './excerpt.ts';
import { chunksFor, type ChunkRange } from './index-chunks.ts';

interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  preload(q: string, o?: Record<string, unknown>): Promise<void>;
}

/** Results shown at once; each press of "more" shows as many again. */
const PAGE = 10;
/** Words in an excerpt. */
const EXCERPT_WORDS = 30;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setup(root);

function setup(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const text = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
  const merges = JSON.parse(root.dataset.merge ?? '[]') as { path: string; baseUrl?: string; name?: string }[];
  const params = new URL(location.href).searchParams;
  const selects = new Map<string, HTMLSelectElement>();

  let loading: Promise<Pagefind> | undefined;
  const load = () =>
    (loading ??= (async () => {
      // Started first: these requests need nothing from Pagefind's script.
      const tag = String(Date.now());
      for (const m of merges) warmUp(m.path, tag);
      // The bundle's URL is an attribute so that a site served under a path prefix gets it rewritten.
      const pagefind = (await import(/* @vite-ignore */ root.dataset.pagefindBundle ?? '/pagefind/pagefind.js')) as Pagefind;
      // Set before Pagefind starts, so that its worker asks for the entry at the address the page
      // preloaded (by default the address changes on every visit, against caching). No hash: the
      // site has no page of its own to index (a host portal whose own news are none yet); the
      // first other index is then the one Pagefind starts from.
      const metaCacheTag = root.dataset.pagefindMeta;
      const first = metaCacheTag ? undefined : merges[0];
      await pagefind.options({
        excerptLength: EXCERPT_WORDS,
        ...(metaCacheTag ? { metaCacheTag } : {}),
        ...(first ? { basePath: first.path, metaCacheTag: tag, ...(first.baseUrl ? { baseUrl: first.baseUrl } : {}) } : {}),
      });
      // The other indexes load side by side, not one after the other, and their first files
      // are on their way before Pagefind is ready to ask for them (see `warmUp`).
      await Promise.all(
        merges
          .filter((m) => m !== first)
          .map((m) =>
            pagefind.mergeIndex(m.path, {
              ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
              ...(m.name ? { mergeFilter: { [text.school!]: m.name } } : {}),
              metaCacheTag: tag,
            }),
          ),
      );
      // The filters load beside the first search rather than before it: on a slow phone every
      // round trip saved shows the results sooner. The search reads the chosen values from the
      // address until the selects exist.
      void pagefind.filters().then(showFilters);
      return pagefind;
    })());

  /** Filters (category, school year, and the school on the host portal) as selects, set from the address. */
  const showFilters = (filters: Record<string, Record<string, number>>) => {
    for (const [name, values] of Object.entries(filters)) {
      const label = document.createElement('label');
      label.textContent = name;
      const select = document.createElement('select');
      select.name = `f-${name}`;
      select.append(new Option(text.all!, ''));
      for (const v of Object.keys(values).sort((a, b) => b.localeCompare(a, 'vi'))) select.append(new Option(v, v));
      select.value = params.get(select.name) ?? '';
      select.addEventListener('change', () => void run());
      label.append(select);
      filterBox.append(label);
      selects.set(name, select);
    }
    root.removeAttribute('data-search-pending');
  };

  /** Filter values: from the selects once they exist, else from the address the page was opened with. */
  const chosenFilters = (): Record<string, string> => {
    const values: Record<string, string> = {};
    if (selects.size > 0) {
      for (const [name, s] of selects) if (s.value) values[name] = s.value;
    } else for (const [key, value] of params) if (key.startsWith('f-') && value) values[key.slice(2)] = value;
    return values;
  };

  let found: PagefindResult[] = [];
  let query = '';
  let runs = 0;

  const run = async () => {
    const run = ++runs;
    const q = input.value.normalize('NFC').trim();
    list.replaceChildren();
    // Busy until the page of results is complete (screen readers wait; so do the browser tests).
    list.setAttribute('aria-busy', 'true');
    more.hidden = true;
    found = [];
    query = q;
    if (!q) {
      list.setAttribute('aria-busy', 'false');
      return void (status.textContent = '');
    }
    status.textContent = text.loading!;
    const pagefind = await load();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    const filterValues = chosenFilters();
    for (const key of [...url.searchParams.keys()]) if (key.startsWith('f-')) url.searchParams.delete(key);
    for (const [name, value] of Object.entries(filterValues)) url.searchParams.set(`f-${name}`, value);
    history.replaceState(null, '', url);
    const folded = foldDiacritics(q);
    const plan: [string, boolean][] = [
      [`"${q}"`, true],
      [`"${folded}"`, false],
      [q, true],
      [folded, false],
    ];
    const seen = new Set<string>();
    const all: PagefindResult[] = [];
    for (const [i, [terms, exact]] of plan.entries()) {
      // Words-only queries are a fallback for phrases that found little.
      if (i === 2 && all.length >= 5) break;
      // A query typed without diacritics is its own folded form: the folded copy of every page
      // already answered it.
      if (!exact && terms === plan[i - 1]?.[0]) continue;
      await pagefind.options({ exactDiacritics: exact });
      const res = await pagefind.search(terms, { filters: filterValues });
      for (const r of res?.results ?? []) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        all.push(r);
      }
    }
    if (run !== runs) return; // a newer search started meanwhile
    found = all;
    status.textContent = fill(found.length ? text.results! : text.none!, { n: found.length, q });
    await showMore();
  };

  /**
   * Shows the next page of results; after the first page, focus goes to the first new one. All
   * the page's fragments are asked for at once, and each result shows as soon as it and those
   * before it have arrived: the first one does not wait for the slowest of ten.
   */
  const showMore = async () => {
    const run = runs;
    // Hidden while the page loads: a second press would ask for the same results again.
    more.hidden = true;
    list.setAttribute('aria-busy', 'true');
    const from = list.children.length;
    const next = found.slice(from, from + PAGE).map((r) => r.data());
    let first: HTMLLIElement | undefined;
    for (const pending of next) {
      const item = resultItem(await pending, query, text);
      if (run !== runs) return;
      first ??= item;
      list.append(item);
    }
    more.hidden = list.children.length >= found.length;
    list.setAttribute('aria-busy', 'false');
    if (from > 0) first?.querySelector('a')?.focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  more.addEventListener('click', () => void showMore());
  // The page has downloaded Pagefind's script already; the index starts loading when the
  // visitor comes to the box (or types, or the page opened with a query).
  input.addEventListener('focus', () => void load(), { once: true });
  // While the visitor types, the index chunks of the words so far load (as typed and folded, as
  // the search will ask): on a slow line, Enter then waits for no chunk.
  input.addEventListener('input', () => {
    const typed = input.value.normalize('NFC').trim();
    void load().then((pagefind) => (typed ? pagefind.preload(`${typed} ${foldDiacritics(typed)}`) : undefined));
  });
  const initial = params.get('q');
  if (initial) {
    preloadChunks(root, initial.normalize('NFC'));
    input.value = initial;
    void run();
  }
}

/**
 * Asks for the index chunks that hold the words of `query` (the page's own chunk list, written in
 * by the indexer; see index-chunks.ts), so that they are in the browser's cache when Pagefind's
 * worker, still starting, asks for them. At low priority: Pagefind's script and worker, needed
 * first, keep the line. A wrong or empty list only costs the bytes of a chunk.
 */
function preloadChunks(root: HTMLElement, query: string): void {
  let chunks: ChunkRange[];
  try {
    chunks = JSON.parse(root.dataset.pagefindChunks ?? '[]') as ChunkRange[];
  } catch {
    return; // a page whose index was not written (the placeholder is still there)
  }
  const base = (root.dataset.pagefindBundle ?? '/pagefind/pagefind.js').replace(/[^/]*$/, '');
  for (const hash of chunksFor(query, Array.isArray(chunks) ? chunks : [])) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.setAttribute('fetchpriority', 'low');
    link.href = `${base}index/${hash}.pf_index`;
    document.head.append(link);
  }
}

/**
 * Fetches the entry file and metadata of an index that Pagefind's worker will merge (a school's
 * index on the host portal), so that they are in the browser's cache, or on their way, when the
 * worker asks for them: otherwise it asks only once its own index is loaded, one round trip for
 * the entry and another for the metadata. The entry's address carries `tag`, the `metaCacheTag`
 * the worker is given for the same index. A failure here changes nothing: the worker fetches the
 * files itself.
 */
function warmUp(base: string, tag: string): void {
  void fetch(`${base}pagefind-entry.json?ts=${tag}`)
    .then((r) => r.json() as Promise<{ languages?: Record<string, { hash?: string }> }>)
    .then((entry) => {
      // The index Pagefind picks: the page's language, else the first.
      const hash = (entry.languages?.[document.documentElement.lang] ?? Object.values(entry.languages ?? {})[0])?.hash;
      if (hash) return fetch(`${base}pagefind.${hash}.pf_meta`).then((r) => r.arrayBuffer());
      return undefined;
    })
    .catch(() => undefined);
}

/** One result: title link, date and category (and school), excerpt in the page's own words. */
function resultItem(d: PagefindData, q: string, text: Record<string, string>): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [d.meta.date, ...(d.filters[text.category!] ?? []), ...(d.filters[text.school!] ?? [])].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  const parts: ExcerptPart[] | undefined = excerptAround(originalText(d.content), q, EXCERPT_WORDS);
  if (parts) {
    for (const p of parts) {
      if (!p.mark) excerpt.append(p.text);
      else excerpt.append(Object.assign(document.createElement('mark'), { textContent: p.text }));
    }
  } else {
    // The match was in the title or in the name of a file: the page's own summary says more.
    excerpt.textContent = d.meta.description ?? '';
  }
  li.append(h, meta, excerpt);
  // A school's news on the host portal: its own site's search holds its full text and older news.
  if (d.meta.schoolSearch) {
    const p = document.createElement('p');
    const link = document.createElement('a');
    const url = new URL(d.meta.schoolSearch);
    url.searchParams.set('q', q);
    link.href = url.href;
    link.textContent = fill(text.inSchool!, { q, school: d.filters[text.school!]?.[0] ?? '' });
    p.append(link);
    li.append(p);
  }
  return li;
}
