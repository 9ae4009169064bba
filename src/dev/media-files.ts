/**
 * Serves the school's published files in the preview at the addresses the built site uses:
 * attachments as they are, images as the WebP variants the pages reference, encoded on
 * first request (the build encodes them all up front, which would slow every start).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import type { LoadedSchool } from '../content/load.ts';

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
};

type Target = { kind: 'file'; abs: string } | { kind: 'variant'; abs: string; width: number };

/** Site path → source file, for one load of the school's content. */
export class MediaFiles {
  private readonly targets = new Map<string, Target>();
  /** Encoded variants by source, modification time and width. */
  private readonly encoded = new Map<string, Promise<Buffer>>();

  update(school: LoadedSchool | undefined): void {
    this.targets.clear();
    for (const f of school?.files.values() ?? []) {
      if (f.image) for (const v of f.image.variants) this.targets.set(v.url, { kind: 'variant', abs: f.abs, width: v.width });
      else this.targets.set(f.url, { kind: 'file', abs: f.abs });
    }
  }

  has(urlPath: string): boolean {
    return this.targets.has(urlPath);
  }

  /** Answers a request for a published file; false when the path is not one. */
  async serve(urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const target = this.targets.get(urlPath);
    if (!target) return false;
    const st = await stat(target.abs).catch(() => null);
    if (!st) return false;
    res.setHeader('Cache-Control', 'no-cache');
    if (target.kind === 'file') {
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(target.abs).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(target.abs).pipe(res);
      return true;
    }
    const key = `${target.abs}:${st.mtimeMs}:${target.width}`;
    let encoding = this.encoded.get(key);
    if (!encoding) {
      // Same processing as the build (src/pipeline/images.ts): oriented, resized, metadata stripped.
      encoding = sharp(target.abs).autoOrient().resize({ width: target.width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      this.encoded.set(key, encoding);
      encoding.catch(() => this.encoded.delete(key));
    }
    const body = await encoding;
    res.writeHead(200, { 'Content-Type': 'image/webp', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}
