/**
 * Which files a school site may publish, checked by content rather than by name.
 *
 * A published file is served from the school's origin (in path mode, from the host portal's
 * origin, shared by every school), and the web server picks its Content-Type from the
 * extension. An HTML page, a script or an SVG image published there would run with that
 * origin's rights, so:
 * - attachments must have an allowed extension AND magic bytes of that type (`file-type`):
 *   office documents and PDF only; a `.pdf` that is really an HTML page is refused;
 * - images are never copied as they are: every image extension goes through sharp (WebP
 *   variants, metadata such as the GPS position stripped); one sharp cannot decode is refused.
 *
 * ZIP archives are accepted: a browser downloads them (application/zip) and never runs what
 * they hold on the school's origin, and schools do bundle several forms in one archive.
 *
 * Every limit is here, in one place, as data.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from '../errors/content-issue.ts';

const MB = 1024 * 1024;

/**
 * Size limits, the same for every way a file arrives: `congtruong new`, the editor's upload and
 * a file copied into the folder by hand (checked by the loader). One number per kind, so a file
 * the loader publishes can always be uploaded again, and one the editor accepts always builds.
 */
export const FILE_LIMITS = {
  /**
   * Largest attachment: 20 MB. Attachments are published as they are and parents download them
   * on phones, often on mobile data; a scanned, signed PDF of 30 pages at 150 dpi is 5 to 15 MB,
   * and a larger file is almost always a scan at photo resolution that shrinks tenfold when
   * printed again to PDF (the fix the messages give).
   */
  attachmentBytes: 20 * MB,
  /**
   * Largest source image: 30 MB. Images are never published as they are (the site serves small
   * WebP copies), so the limit guards only the build's memory; a JPEG at the 50-megapixel cap
   * below is 15 to 30 MB, and a photo straight from a phone must not be refused.
   */
  imageBytes: 30 * MB,
  /** Largest image in pixels (width × height): 50 megapixels, above any phone's normal mode. */
  imagePixels: 50_000_000,
  /** Largest Markdown file: a long article is a few hundred KB; more is a pasted document. */
  markdownBytes: 2 * MB,
  /** Largest school.yaml or host.yaml. */
  yamlBytes: 512 * 1024,
} as const;

/**
 * Largest request the editor sends: the largest accepted file in base64 (4/3 of its size) plus
 * 1 MB for the entry. The publishing server and its nginx block both allow this much.
 */
export const UPLOAD_BODY_BYTES = Math.ceil((Math.max(FILE_LIMITS.attachmentBytes, FILE_LIMITS.imageBytes) * 4) / 3) + MB;

/**
 * Attachment extensions → the type `file-type` reports for that content. Old Office files
 * (`.doc`, `.xls`, `.ppt`) are OLE compound files, reported as `cfb`.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ['pdf'],
  // Word's "Rich Text" saved with a .doc name is common in old templates, and as inert as RTF.
  doc: ['cfb', 'rtf'],
  rtf: ['rtf'],
  docx: ['docx'],
  xls: ['cfb'],
  xlsx: ['xlsx'],
  ppt: ['cfb'],
  pptx: ['pptx'],
  odt: ['odt'],
  ods: ['ods'],
  odp: ['odp'],
  // Office files are ZIP archives inside: a .zip may hold one.
  zip: ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub'],
};

/** Image extensions, any case: each is decoded by sharp and published as WebP, never raw. */
export const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.jpe',
  '.jfif',
  '.png',
  '.webp',
  '.gif',
  '.heic',
  '.heif',
  '.avif',
  '.tif',
  '.tiff',
]);

/** Formats sharp may report for an image it publishes (an SVG renamed `.png` is not one). */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif', 'tiff']);

/** Extensions that would run as code on the school's origin: refused with their own advice. */
const ACTIVE = new Set(['html', 'htm', 'xhtml', 'shtml', 'js', 'mjs', 'svg', 'svgz', 'xml', 'xsl', 'swf', 'php', 'css']);

export const extensionOf = (rel: string) => path.extname(rel).slice(1).toLowerCase();

export function isImage(rel: string): boolean {
  return IMAGE_EXTENSIONS.has(path.extname(rel).toLowerCase());
}

const allowedList = () =>
  [...Object.keys(ATTACHMENT_TYPES), ...[...IMAGE_EXTENSIONS].map((e) => e.slice(1))].map((e) => `.${e}`).join(', ');

const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0).replace('.', ',')} MB`;

type Problem = Omit<ContentIssue, 'file' | 'field'>;

/**
 * Checks an attachment (anything but an image) that a school refers to. Returns the problem
 * or undefined when the file may be published.
 */
export async function checkAttachment(abs: string, rel: string, bytes: number): Promise<Problem | undefined> {
  const ext = extensionOf(rel);
  const expected = ATTACHMENT_TYPES[ext];
  if (!expected) {
    return {
      name: ACTIVE.has(ext) ? 'activeFile' : 'fileTypeRefused',
      severity: 'error',
      found: JSON.stringify(rel),
      args: { ext: ext ? `.${ext}` : '(không có đuôi / no extension)', allowed: allowedList() },
    };
  }
  if (bytes === 0) return { name: 'fileEmpty', severity: 'error', found: JSON.stringify(rel) };
  if (bytes > FILE_LIMITS.attachmentBytes) {
    return {
      name: 'fileTooLarge',
      severity: 'error',
      found: JSON.stringify(rel),
      args: { size: mb(bytes), max: mb(FILE_LIMITS.attachmentBytes) },
    };
  }
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(abs).catch(() => undefined);
  if (!detected || !expected.includes(detected.ext)) {
    const text = detected ? undefined : await looksLikeMarkup(abs);
    return {
      name: 'fileContentMismatch',
      severity: 'error',
      found: JSON.stringify(rel),
      args: {
        ext: `.${ext}`,
        detected: detected
          ? `${detected.ext} (${detected.mime})`
          : text
            ? { vi: 'một trang web (HTML) hoặc văn bản', en: 'a web page (HTML) or text' }
            : { vi: 'không nhận ra (tệp hỏng hoặc không phải tài liệu)', en: 'unrecognised (damaged, or not a document)' },
      },
    };
  }
  return undefined;
}

/** Whether the first bytes of a file are text starting with markup (an HTML page saved as .pdf). */
async function looksLikeMarkup(abs: string): Promise<boolean> {
  const fh = await open(abs, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(512), 0, 512, 0);
    return /^\s*</.test(
      buffer
        .subarray(0, bytesRead)
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, ''),
    );
  } finally {
    await fh.close();
  }
}

/** A decoded image's displayed size (EXIF orientation applied). */
export interface CheckedImage {
  width: number;
  height: number;
}

/**
 * Decodes an image completely (at a small scale: JPEG decoding still reads every byte), so
 * that a truncated or disguised file is reported here, with its file and field, rather than
 * failing the render with a bare `VipsJpeg: premature end of input`.
 */
export async function checkImage(abs: string, rel: string, bytes: number): Promise<CheckedImage | Problem> {
  const found = JSON.stringify(rel);
  if (bytes === 0) return { name: 'fileEmpty', severity: 'error', found };
  if (bytes > FILE_LIMITS.imageBytes) {
    return { name: 'fileTooLarge', severity: 'error', found, args: { size: mb(bytes), max: mb(FILE_LIMITS.imageBytes) } };
  }
  // sharp is loaded only when a school has images: it is the slowest module to start.
  const { default: sharp } = await import('sharp');
  let meta;
  try {
    meta = await sharp(abs, { limitInputPixels: false }).metadata();
  } catch (err) {
    return imageProblem(rel, err);
  }
  if (!meta.width || !meta.height || !IMAGE_FORMATS.has(meta.format)) return imageProblem(rel, new Error(`format ${meta.format}`));
  if (meta.width * meta.height > FILE_LIMITS.imagePixels) {
    return {
      name: 'imageTooLarge',
      severity: 'error',
      found,
      args: { size: `${meta.width} × ${meta.height}`, max: String(Math.round(FILE_LIMITS.imagePixels / 1_000_000)) },
    };
  }
  try {
    await sharp(abs, { limitInputPixels: FILE_LIMITS.imagePixels }).resize({ width: 8, height: 8, fit: 'inside' }).raw().toBuffer();
  } catch (err) {
    return imageProblem(rel, err);
  }
  // EXIF orientations 5–8 are rotated by 90°: the displayed size is swapped.
  const rotated = (meta.orientation ?? 1) >= 5;
  return rotated ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

function imageProblem(rel: string, err: unknown): Problem {
  const message = err instanceof Error ? err.message : String(err);
  // libvips's own words, first line only: "VipsJpeg: premature end of input file".
  const detail = message.split('\n')[0]!.slice(0, 160);
  return { name: 'imageUnreadable', severity: 'error', found: JSON.stringify(rel), args: { detail } };
}
