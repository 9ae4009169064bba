/**
 * Bytes → text for crawled pages. Many older school sites (NukeViet 3, hand-made ASP pages)
 * still serve windows-1258 or TCVN3, declared in the Content-Type header or in a `<meta>`.
 * Order of precedence follows the HTML encoding-sniffing algorithm in spirit: byte-order mark,
 * HTTP header, `<meta charset>` / `http-equiv` in the first 2 KB, XML declaration, then UTF-8.
 *
 * windows-1258 writes tone marks as combining characters, so decoded text is normalised to NFC
 * before anything compares it with Vietnamese keywords.
 */
import iconv from 'iconv-lite';

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function sniffCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1]?.toLowerCase();
}

/** Decodes a response body; returns the text (NFC) and the charset actually used. */
export function decodeBody(bytes: Buffer, contentType: string | undefined): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8').normalize('NFC'), charset: 'utf-8' };
  const declared = charsetFromContentType(contentType) ?? sniffCharset(bytes);
  let charset = declared && iconv.encodingExists(declared) ? declared : 'utf-8';
  // Browsers treat a declared latin-1 as windows-1252; Vietnamese pages mislabelled that way are rare.
  if (charset === 'iso-8859-1' || charset === 'latin1') charset = 'windows-1252';
  const text = charset === 'utf-8' || charset === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, charset);
  return { text: text.normalize('NFC'), charset };
}
