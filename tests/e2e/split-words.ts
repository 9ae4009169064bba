/**
 * Finds the words a browser breaks across two lines. A parent reading "C h ư a" one letter per
 * line on a phone cannot read the page, so every word of a page's visible text must sit on one
 * line; only web addresses and e-mail addresses, which have no spaces to break at, may wrap.
 */
import type { Page } from 'playwright-core';

/** A word drawn on more than one line, with where it was found. */
export interface SplitWord {
  word: string;
  /** The tag and class of the element holding the word, e.g. `td.status`. */
  where: string;
}

/**
 * Every word of the page's rendered text that the layout draws on more than one line. A word is
 * a run of non-space characters inside one text node; it is split when its boxes
 * (`Range.getClientRects`) lie on different lines.
 */
export function findSplitWords(page: Page): Promise<SplitWord[]> {
  return page.evaluate(() => {
    const found: { word: string; where: string }[] = [];
    // Addresses have no break opportunity of their own: wrapping them is the lesser evil.
    const mayWrap = (w: string) => /@|:\/\/|^www\.|^\/|\.(vn|com|net|org)\b/i.test(w);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || !text.trim()) continue;
      for (const token of text.matchAll(/\S+/g)) {
        if (mayWrap(token[0])) continue;
        // A word is a run of letters and digits ("trường", "4.200", "26,9"): a line may end
        // after a hyphen or a slash ("2026-|2027"), never inside the run.
        for (const m of token[0].matchAll(/[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*/gu)) {
          if (m[0].length < 2) continue;
          const start = token.index + m.index;
          range.setStart(node, start);
          range.setEnd(node, start + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
          if (rects.length < 2) continue;
          const tops = rects.map((r) => r.top);
          // Boxes of one line share a top; a second line starts at least half a line lower.
          if (Math.max(...tops) - Math.min(...tops) > rects[0]!.height / 2) {
            const cls = typeof parent.className === 'string' && parent.className ? `.${parent.className.split(' ')[0]}` : '';
            found.push({ word: m[0], where: `${parent.tagName.toLowerCase()}${cls}` });
          }
        }
      }
    }
    return found;
  });
}
