/**
 * Search excerpts in the page's own words. Each page is indexed with a folded copy of its text
 * after the text itself (src/search/index-site.ts), so Pagefind's excerpt of a query typed
 * without diacritics comes from the copy: "Don xin chuyen truong". Here the excerpt is cut from
 * the original text instead, around the words that match the folded query, with those words
 * marked. Pure functions, shared by the search page and its tests.
 */
import { foldDiacritics } from '../../src/util/slug.ts';

/** A piece of an excerpt: text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const fold = (s: string) => foldDiacritics(s).toLowerCase();

/**
 * The page's own text from the content Pagefind stores for it (its text, then the folded copy).
 * Without whitespace the content is `text + fold(text)`, two halves of equal length; the text
 * is the content up to the character where the second half starts. Content without a folded
 * copy (a page with no diacritics) comes back unchanged.
 */
export function originalText(content: string): string {
  const letters = content.replace(/\s+/g, '');
  if (letters.length % 2 !== 0) return content;
  const half = letters.length / 2;
  if (foldDiacritics(letters.slice(0, half)) !== letters.slice(half)) return content;
  let seen = 0;
  for (let i = 0; i < content.length; i++) {
    if (/\s/.test(content[i]!)) continue;
    if (seen === half) return content.slice(0, i).trim();
    seen++;
  }
  return content;
}

/** Query words, folded and lower-cased, without quotes and punctuation. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** True when a word of the page matches a query word: the same word, or a longer one it starts. */
function matches(word: string, terms: string[]): boolean {
  const w = fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return w !== '' && terms.some((t) => w === t || (t.length >= 3 && w.startsWith(t)));
}

/**
 * About `length` words of `text` around the best match of `query`: the query's words in a row
 * if they occur, else the window holding the most different query words, starting a few words
 * before it. The
 * matched words are marked; `…` stands for the text left out. Undefined when nothing matches.
 */
export function excerptAround(text: string, query: string, length = 30): ExcerptPart[] | undefined {
  const terms = queryTerms(query);
  const words = text.split(/\s+/).filter(Boolean);
  if (terms.length === 0 || words.length === 0) return undefined;
  const hit = words.map((w) => matches(w, terms));
  if (!hit.includes(true)) return undefined;
  // The window whose matched words cover the most query terms, then the most matched words.
  let best = { start: 0, score: -1 };
  for (let i = 0; i < words.length; i++) {
    if (!hit[i]) continue;
    const covered = new Set<string>();
    let count = 0;
    for (let j = i; j < Math.min(words.length, i + length); j++) {
      if (!hit[j]) continue;
      count++;
      const w = fold(words[j]!).replace(/[^\p{L}\p{N}]+/gu, '');
      for (const t of terms) if (w === t || (t.length >= 3 && w.startsWith(t))) covered.add(t);
    }
    // The query's words in a row, in its order, beat any scattered match; the first such row wins.
    const phrase = terms.every((t, k) => i + k < words.length && matches(words[i + k]!, [t]));
    const score = phrase ? 1_000_000_000 - i : covered.size * 1000 + count;
    if (score > best.score) best = { start: i, score };
  }
  const start = Math.max(0, best.start - Math.floor(length / 5));
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    // The space inside a run of matched words is marked with them: one highlight per phrase.
    if (i > start) push(' ', hit[i - 1]! && hit[i]!);
    push(words[i]!, hit[i]!);
  }
  if (end < words.length) push(' …', false);
  return parts;
}
