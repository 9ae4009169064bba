/**
 * The search page, as a progressive enhancement over a plain GET form. Vietnamese is searched
 * as a phrase first (syllables are words), in this order, without duplicates:
 *   1. the phrase as typed, with exact diacritics (exact matches rank first);
 *   2. the phrase folded (no tone marks, đ → d), which meets the folded copy of every page;
 *   3. the words of both, when the phrases found little.
 * Pagefind ships no đ folding, hence the folded copy in the index (src/search/index-site.ts).
 */
import { foldDiacritics } from '../../src/util/slug.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

const MAX = 30;
const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void setup(root);

async function setup(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const text = JSON.parse(root.dataset.text ?? '{}') as Record<string, string>;
  const merges = JSON.parse(root.dataset.merge ?? '[]') as { path: string; baseUrl: string; name: string }[];
  // The bundle's URL is an attribute so that a site served under a path prefix gets it rewritten.
  const path = root.dataset.pagefindBundle ?? '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ path)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  for (const m of merges) await pagefind.mergeIndex(m.path, { baseUrl: m.baseUrl, mergeFilter: { [text.school!]: m.name } });

  // Filters (category, school year, and the school on the host portal) as selects.
  const filters = await pagefind.filters();
  const selects = new Map<string, HTMLSelectElement>();
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  for (const [name, values] of Object.entries(filters)) {
    const label = document.createElement('label');
    label.textContent = name;
    const select = document.createElement('select');
    select.name = `f-${name}`;
    select.append(new Option(text.all!, ''));
    for (const v of Object.keys(values).sort((a, b) => b.localeCompare(a, 'vi'))) select.append(new Option(v, v));
    label.append(select);
    filterBox.append(label);
    selects.set(name, select);
  }
  root.removeAttribute('data-search-pending');

  const run = async () => {
    const q = input.value.normalize('NFC').trim();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    history.replaceState(null, '', url);
    list.replaceChildren();
    if (!q) return void (status.textContent = '');
    status.textContent = text.loading!;
    const filterValues: Record<string, string> = {};
    for (const [name, s] of selects) if (s.value) filterValues[name] = s.value;
    const folded = foldDiacritics(q);
    const plan: [string, boolean][] = [
      [`"${q}"`, true],
      [`"${folded}"`, false],
      [q, true],
      [folded, false],
    ];
    const seen = new Set<string>();
    const found: PagefindResult[] = [];
    for (const [i, [query, exact]] of plan.entries()) {
      if (found.length >= MAX) break;
      await pagefind.options({ exactDiacritics: exact });
      const res = await pagefind.search(query, { filters: filterValues });
      for (const r of res?.results ?? []) {
        if (seen.has(r.id) || found.length >= MAX) continue;
        seen.add(r.id);
        found.push(r);
      }
      // Words-only queries are a fallback for phrases that found little.
      if (i === 1 && found.length >= 5) break;
    }
    const items = await Promise.all(found.map((r) => r.data()));
    status.textContent = (items.length ? text.results! : text.none!).replace('{n}', String(items.length)).replace('{q}', q);
    for (const d of items) {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta.title ?? d.url;
      h.append(a);
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [d.meta.date, ...(d.filters[text.category!] ?? []), ...(d.filters[text.school!] ?? [])]
        .filter(Boolean)
        .join(' · ');
      const excerpt = document.createElement('p');
      const plain = d.excerpt.replace(/<[^>]+>/g, '');
      if (foldDiacritics(plain) === plain && d.meta.description && foldDiacritics(d.meta.description) !== d.meta.description) {
        // The match was in the folded copy of the page: show the page's own summary instead.
        excerpt.textContent = d.meta.description;
      } else {
        // Pagefind's excerpt is escaped text with <mark> around the matches.
        excerpt.innerHTML = d.excerpt;
      }
      li.append(h, meta, excerpt);
      list.append(li);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  for (const s of selects.values()) s.addEventListener('change', () => void run());
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    await run();
  }
}
