/**
 * Text of attached PDF and DOCX files (công khai reports, mẫu đơn, văn bản), so that search
 * finds them through the page that links them. unpdf (pdf.js) reads PDFs, mammoth reads DOCX.
 * Results are cached by content hash: extraction is the slow part of indexing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/** At most this many characters per file go into the index. */
const MAX_CHARS = 20_000;

export async function attachmentText(file: string, cacheDir: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.pdf' && ext !== '.docx') return '';
  const bytes = await readFile(file);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const cached = path.join(cacheDir, `${hash}.txt`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not extracted yet.
  }
  const raw = await extract(ext, bytes).catch(() => '');
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, text);
  return text;
}

/** A damaged or encrypted file is published as it is, just not searchable (the caller catches). */
async function extract(ext: string, bytes: Buffer): Promise<string> {
  if (ext === '.pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    return String((await extractText(pdf, { mergePages: true })).text);
  }
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}
