/**
 * `/cong-truong.json`: a machine-readable summary that sites built with Cổng Trường publish at
 * their root, so that a ranking job reads sections, công khai and feeds from data instead of
 * guessing them from menus. Other sites do not have it; the crawler then falls back to HTML.
 * URLs are root-relative so that the file stays true wherever the site is served.
 */
import { z } from 'zod';
import { SECTION_KEYS } from '../site/facts.ts';
import { DISCLOSURE_ITEM_IDS } from '../schemas/disclosure-items.ts';
import { levelSchema } from '../schemas/level.ts';

export const MANIFEST_PATH = '/cong-truong.json';
export const MANIFEST_VERSION = 1;

const link = z.object({ title: z.string(), url: z.string() });

export const manifestSchema = z.object({
  version: z.literal(MANIFEST_VERSION),
  generator: z.string(),
  school: z.object({
    name: z.string(),
    domain: z.string(),
    levels: z.array(levelSchema),
    email: z.string().optional(),
    governingBody: z.string().optional(),
  }),
  sections: z.array(link.extend({ key: z.enum(SECTION_KEYS) })),
  disclosures: z.object({
    /** The school year the site considers current when it was built. */
    currentSchoolYear: z.string(),
    years: z.array(
      z.object({
        schoolYear: z.string(),
        url: z.string(),
        items: z.array(
          z.object({
            item: z.enum(DISCLOSURE_ITEM_IDS),
            title: z.string(),
            url: z.string(),
            published: z.string().optional(),
            attachments: z.array(z.string()),
          }),
        ),
      }),
    ),
  }),
  feeds: z.array(link),
  search: z.string().optional(),
  htmlSitemap: z.string().optional(),
  sitemapXml: z.string().optional(),
  /** Latest news, newest first (at most 100). */
  news: z.array(z.object({ title: z.string(), url: z.string(), date: z.string() })),
});
export type Manifest = z.infer<typeof manifestSchema>;
