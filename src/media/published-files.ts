/**
 * Where a school's files appear on its site. Every segment is slugged so that a file named
 * `Đơn xin nghỉ học.docx` is served as `/media/mau-don/don-xin-nghi-hoc.docx`: no spaces,
 * no percent-encoded Vietnamese in links that parents copy into Zalo.
 */
import { slugify, slugifyFileName } from '../util/slug.ts';

/** Widths of the responsive image variants, in CSS pixels. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
export { IMAGE_EXTENSIONS, isImage } from './file-policy.ts';

/** `media/Mẫu đơn/Đơn xin nghỉ học.DOCX` → `/media/mau-don/don-xin-nghi-hoc.docx`. */
export function publicFilePath(rel: string): string {
  const parts = rel.split('/');
  const name = parts.pop() ?? '';
  return `/${[...parts.map(slugify), slugifyFileName(name)].join('/')}`;
}

export interface ImageVariant {
  width: number;
  height: number;
  /** Site path of the WebP file. */
  url: string;
}

export interface PublishedImage {
  /** Intrinsic size of the largest variant, for `width`/`height` attributes (no layout shift). */
  width: number;
  height: number;
  variants: ImageVariant[];
}

/** The variants to produce for an image of the given (orientation-corrected) size. */
export function planImage(rel: string, width: number, height: number): PublishedImage {
  const base = publicFilePath(rel).replace(/\.[^./]+$/, '');
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w < width);
  if (widths.length < IMAGE_WIDTHS.length) widths.push(Math.min(width, IMAGE_WIDTHS.at(-1)!));
  const variants = widths.map((w) => ({ width: w, height: Math.round((height * w) / width), url: `${base}-${w}w.webp` }));
  const largest = variants.at(-1)!;
  return { width: largest.width, height: largest.height, variants };
}
