/**
 * Which of a site's Pagefind index chunks hold the words of a query, worked out in the page from
 * the chunk list the indexer writes into it (src/search/pagefind-meta.ts). The search page opened
 * with a query fetches those chunks at once, while Pagefind's worker is still starting; the
 * worker then finds them in the browser's cache instead of asking one round trip later.
 *
 * Words are prepared as Pagefind prepares them before it picks chunks (lower case, punctuation
 * dropped, tone marks removed, `đ` kept), and each is looked up as typed and folded (`đ` → `d`),
 * as the search page searches both. A word outside every chunk is left to Pagefind. Pure
 * functions, shared by the search page and its tests.
 */
import { foldDiacritics } from '../../src/util/slug.ts';

/** `[first word, last word, hash]`: Pagefind's words from first to last are in chunk `hash`. */
export type ChunkRange = [string, string, string];

/** Punctuation Pagefind removes from a query. */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A word as Pagefind looks it up: lower case, without punctuation or tone marks. */
export function pagefindWord(word: string): string {
  return word.toLowerCase().replace(PUNCTUATION, '').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Compares by code point, as Pagefind (Rust strings) does; JavaScript's `<` compares UTF-16 units. */
function compare(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Hashes of the chunks that hold the words of `query` (as typed and folded), without duplicates. */
export function chunksFor(query: string, chunks: ChunkRange[]): string[] {
  const words = new Set<string>();
  for (const form of [query, foldDiacritics(query)]) {
    for (const w of form.split(/\s+/)) {
      const word = pagefindWord(w);
      if (word) words.add(word);
    }
  }
  const hashes = new Set<string>();
  for (const word of words) {
    const chunk = chunks.find(([from, to]) => compare(word, from) >= 0 && compare(word, to) <= 0);
    if (chunk) hashes.add(chunk[2]);
  }
  return [...hashes];
}
