/**
 * HTML for a published image: WebP variants in `srcset`, intrinsic size set, lazy by default.
 */
import type { PublishedImage } from './published-files.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface ImageHtmlOptions {
  /** `sizes` attribute; default: full width up to 960 px. */
  sizes?: string;
  /** Above-the-fold images load eagerly. */
  eager?: boolean;
  className?: string;
}

export function imageHtml(img: PublishedImage, alt: string, opts: ImageHtmlOptions = {}): string {
  const src = img.variants.find((v) => v.width >= 960) ?? img.variants.at(-1)!;
  const srcset = img.variants.map((v) => `${v.url} ${v.width}w`).join(', ');
  const attrs = [
    `src="${esc(src.url)}"`,
    `srcset="${esc(srcset)}"`,
    `sizes="${esc(opts.sizes ?? '(max-width: 960px) 100vw, 960px')}"`,
    `width="${img.width}"`,
    `height="${img.height}"`,
    `alt="${esc(alt)}"`,
    `loading="${opts.eager ? 'eager' : 'lazy'}"`,
    'decoding="async"',
  ];
  if (opts.className) attrs.push(`class="${esc(opts.className)}"`);
  return `<img ${attrs.join(' ')}>`;
}
