/**
 * Responsive WebP variants through sharp. Metadata is stripped (sharp's default): photos of
 * pupils must not publish the GPS position or camera owner in their EXIF. `autoOrient()`
 * applies the EXIF orientation first, or portrait phone photos would come out sideways.
 * Encoded variants are cached by content hash, because encoding dominates rebuild time.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { PublishedImage } from '../media/published-files.ts';

const QUALITY = 78;

export async function writeImageVariants(src: string, image: PublishedImage, siteDir: string, cacheDir: string): Promise<void> {
  const hash = createHash('sha256')
    .update(await readFile(src))
    .digest('hex')
    .slice(0, 20);
  await mkdir(cacheDir, { recursive: true });
  for (const v of image.variants) {
    const cached = path.join(cacheDir, `${hash}-${v.width}-q${QUALITY}.webp`);
    if (!(await stat(cached).catch(() => null))) {
      const tmp = `${cached}.${process.pid}.tmp`;
      await sharp(src)
        .autoOrient()
        .resize({ width: v.width, withoutEnlargement: true })
        .webp({ quality: QUALITY })
        .toFile(tmp)
        .catch((err: unknown) => {
          // The loader decoded it already; a file changed since then is named, not just libvips's words.
          throw new Error(
            `Không xử lý được ảnh ${src} / Cannot process the image ${src}: ${err instanceof Error ? err.message : String(err)}`,
          );
        });
      await rename(tmp, cached);
    }
    const dest = path.join(siteDir, v.url);
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(cached, dest);
  }
}
