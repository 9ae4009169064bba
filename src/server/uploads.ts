/**
 * Files uploaded in the editor are checked as `congtruong new` checks attachments
 * (`src/scaffold/attachments.ts`): the extension must be one the folder accepts, the content
 * (its magic bytes) must be of that type, the size within the folder's limit, and the name safe.
 * A `.pdf` that is really a web page never reaches a school site.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { Localized } from '../errors/content-issue.ts';
import { ATTACHMENT_POLICIES, FILE_TYPES, type AttachmentPolicy, type FileExtension } from '../scaffold/attachments.ts';
import { extensionOf, safeAttachmentName } from '../scaffold/names.ts';
import { formatBytes } from '../scaffold/scaffold-error.ts';

/** The policy of the folder a file goes to (`media/anh/…` → photos); other folders take documents and photos. */
export function policyFor(rel: string): AttachmentPolicy {
  const folder = rel.split('/').slice(0, -1).join('/');
  const known = Object.values(ATTACHMENT_POLICIES).find((p) => p.folder === folder && p !== ATTACHMENT_POLICIES.annualReport);
  if (known) return known;
  return {
    folder,
    extensions: [...new Set([...ATTACHMENT_POLICIES.document.extensions, ...ATTACHMENT_POLICIES.image.extensions])],
    maxBytes: ATTACHMENT_POLICIES.document.maxBytes,
  };
}

/** Why an upload is refused, in both languages; undefined when it is accepted. */
export async function checkUpload(rel: string, data: Buffer): Promise<Localized | undefined> {
  const policy = policyFor(rel);
  const name = rel.split('/').pop()!;
  const ext = extensionOf(name);
  const allowed = policy.extensions.map((e) => `.${e}`).join(', ');
  if (!(policy.extensions as readonly string[]).includes(ext)) {
    return {
      vi: `Tệp ${name}: loại tệp ${ext ? `.${ext}` : '(không có đuôi)'} không được nhận trong thư mục ${policy.folder}. Cần một trong: ${allowed}. Cách sửa: lưu tệp thành một trong các định dạng đó (ví dụ "Lưu thành PDF" trong Word).`,
      en: `File ${name}: ${ext ? `.${ext}` : '(no extension)'} files are not accepted in ${policy.folder}. Expected one of: ${allowed}. Fix: save the file in one of those formats (e.g. "Save as PDF" in Word).`,
    };
  }
  if (data.length === 0) {
    return {
      vi: `Tệp ${name}: tệp rỗng (0 byte). Hãy lưu lại tệp rồi tải lên lại.`,
      en: `File ${name}: the file is empty (0 bytes). Save it again and upload it again.`,
    };
  }
  if (data.length > policy.maxBytes) {
    return {
      vi: `Tệp ${name}: nặng ${formatBytes(data.length, 'vi')}, vượt giới hạn ${formatBytes(policy.maxBytes, 'vi')}. Cách sửa: nén PDF, giảm kích thước ảnh hoặc tách thành nhiều tệp.`,
      en: `File ${name}: ${formatBytes(data.length, 'en')}, over the ${formatBytes(policy.maxBytes, 'en')} limit. Fix: compress the PDF, shrink the image or split the file.`,
    };
  }
  const detected = await fileTypeFromBuffer(data).catch(() => undefined);
  if (detected?.ext !== FILE_TYPES[ext as FileExtension]) {
    const what = detected ? `${detected.ext} (${detected.mime})` : undefined;
    return {
      vi: `Tệp ${name}: tên có đuôi .${ext} nhưng nội dung là ${what ?? 'loại không nhận ra (văn bản, HTML hoặc tệp hỏng)'}. Cần một tệp .${ext} thật. Cách sửa: mở tệp gốc và lưu lại đúng định dạng; không đổi tên đuôi tệp bằng tay.`,
      en: `File ${name}: the name ends in .${ext} but the content is ${what ?? 'unrecognised (text, HTML or damaged)'}. Expected a real .${ext} file. Fix: open the original and save it in that format; do not just rename the extension.`,
    };
  }
  if (safeAttachmentName(name, ext) !== name) {
    return {
      vi: `Tệp ${name}: tên tệp cần viết không dấu, chữ thường, nối bằng dấu gạch ngang, ví dụ ${safeAttachmentName(name, ext)}. Cách sửa: đổi tên tệp rồi tải lên lại.`,
      en: `File ${name}: the name must be lower case without diacritics or spaces, e.g. ${safeAttachmentName(name, ext)}. Fix: rename the file and upload it again.`,
    };
  }
  return undefined;
}
