/**
 * Copying attachments into a school's folder. A file is accepted only when its content (the
 * magic bytes read by `file-type`) matches its extension and that type is allowed for the
 * field, and when it is within the size limit: a `.pdf` that is really a program or a web
 * page never reaches a school site.
 *
 * Existing files are never overwritten: the same content is reused, a different file with the
 * same name gets a `-2`, `-3` … suffix.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { FILE_LIMITS } from '../media/file-policy.ts';
import { extensionOf, safeAttachmentName } from './names.ts';
import { bytesText, ScaffoldError } from './scaffold-error.ts';

/**
 * Extensions we accept → the type `file-type` reports for such a file. Old Office files
 * (`.doc`, `.xls`) are OLE compound files and are reported as `cfb`.
 */
export const FILE_TYPES = {
  pdf: 'pdf',
  docx: 'docx',
  doc: 'cfb',
  xlsx: 'xlsx',
  xls: 'cfb',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
} as const;
export type FileExtension = keyof typeof FILE_TYPES;

export interface AttachmentPolicy {
  /** Folder inside the school folder where copies go. */
  folder: string;
  extensions: readonly FileExtension[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
}

const OFFICE: readonly FileExtension[] = ['pdf', 'docx', 'doc', 'xlsx', 'xls', 'odt', 'ods'];

/**
 * What each kind of attachment accepts. The size limits are the loader's (`FILE_LIMITS` in
 * `src/media/file-policy.ts`, where the reasons for the numbers are).
 */
export const ATTACHMENT_POLICIES = {
  /** Văn bản, công khai, tuyển sinh, lịch: signed documents and tables. */
  document: { folder: 'media/tep', extensions: [...OFFICE, 'pptx'], maxBytes: FILE_LIMITS.attachmentBytes },
  /** Mẫu đơn: forms parents download and fill in. */
  form: { folder: 'media/mau-don', extensions: OFFICE, maxBytes: FILE_LIMITS.attachmentBytes },
  /** Báo cáo thường niên: PDF only (TT 09/2024/TT-BGDĐT Điều 14; rule CK-008). */
  annualReport: { folder: 'media/tep', extensions: ['pdf'], maxBytes: FILE_LIMITS.attachmentBytes },
  /** Photos and illustrations. */
  image: { folder: 'media/anh', extensions: ['jpg', 'jpeg', 'png', 'webp'], maxBytes: FILE_LIMITS.imageBytes },
} as const satisfies Record<string, AttachmentPolicy>;
export type AttachmentKind = keyof typeof ATTACHMENT_POLICIES;

export interface CheckedAttachment {
  /** The file as given on the command line, resolved. */
  source: string;
  /** Safe file name to copy to (before any `-2` suffix). */
  name: string;
  ext: FileExtension;
  bytes: number;
  policy: AttachmentPolicy;
}

/** Checks one file before anything is written. Throws a `ScaffoldError` that says what to do. */
export async function checkAttachment(given: string, kind: AttachmentKind, flag = '--file'): Promise<CheckedAttachment> {
  const policy: AttachmentPolicy = ATTACHMENT_POLICIES[kind];
  const source = path.resolve(given);
  const st = await stat(source).catch(() => null);
  if (!st || !st.isFile()) {
    throw new ScaffoldError('fileNotFound', { flag, given });
  }
  const allowed = policy.extensions.map((e) => `.${e}`).join(', ');
  const ext = extensionOf(given);
  if (!(policy.extensions as readonly string[]).includes(ext)) {
    throw new ScaffoldError('fileTypeNotAccepted', {
      flag,
      given,
      ext: ext ? `.${ext}` : { vi: '(không có đuôi)', en: '(no extension)' },
      allowed,
    });
  }
  if (st.size === 0) {
    throw new ScaffoldError('fileEmpty', { flag, given });
  }
  if (st.size > policy.maxBytes) {
    throw new ScaffoldError('fileTooLarge', { flag, given, size: bytesText(st.size), max: bytesText(policy.maxBytes) });
  }
  const detected = await fileTypeFromFile(source).catch(() => undefined);
  const expected = FILE_TYPES[ext as FileExtension];
  if (detected?.ext !== expected) {
    const detectedText = detected
      ? `${detected.ext} (${detected.mime})`
      : { vi: 'không nhận ra (văn bản, trang web hoặc tệp hỏng)', en: 'unrecognised (text, HTML or damaged)' };
    throw new ScaffoldError('fileContentMismatch', { flag, given, ext: `.${ext}`, detected: detectedText });
  }
  return { source, name: safeAttachmentName(given, ext), ext: ext as FileExtension, bytes: st.size, policy };
}

const digest = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/**
 * Copies a checked file into `schoolDir/<policy folder>/` and returns its reference relative
 * to the school folder (`media/tep/ke-hoach.pdf`), as written in front matter.
 */
export async function copyAttachment(schoolDir: string, file: CheckedAttachment): Promise<{ ref: string; reused: boolean }> {
  const dir = path.join(schoolDir, file.policy.folder);
  await mkdir(dir, { recursive: true });
  const stem = file.name.slice(0, -(file.ext.length + 1));
  let sourceDigest: string | undefined;
  for (let n = 1; ; n++) {
    const name = n === 1 ? file.name : `${stem}-${n}.${file.ext}`;
    const target = path.join(dir, name);
    const existing = await stat(target).catch(() => null);
    const ref = `${file.policy.folder}/${name}`;
    if (existing) {
      // The same file attached twice (a form in Word and in a news post) is stored once.
      if (existing.isFile() && existing.size === file.bytes) {
        sourceDigest ??= await digest(file.source);
        if ((await digest(target)) === sourceDigest) return { ref, reused: true };
      }
      continue;
    }
    // Copied beside it first, then linked into place: the file appears whole (another command
    // adding the same file at the same moment sees it complete and reuses it), and `link`
    // never replaces a file that appeared in the meantime.
    const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
    try {
      await unlink(temp).catch(() => {}); // left by a command that was killed
      await copyFile(file.source, temp);
      await link(temp, target);
      return { ref, reused: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      n--; // the same name again: it may be the same file, now complete
    } finally {
      await unlink(temp).catch(() => {});
    }
  }
}
