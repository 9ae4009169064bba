/**
 * The ranking report contract (JSON). Versioned: fields are only added within a version;
 * renaming or removing one bumps `version`. docs/ranking.md documents every field.
 */
import { z } from 'zod';
import { levelSchema } from '../../schemas/level.ts';
import { verificationSchema } from '../../schemas/verification.ts';
import { crawlStepSchema } from '../crawler.ts';
import { scanStatusSchema } from '../fetcher.ts';

export const RANKING_REPORT_VERSION = 1;

const localized = z.object({ vi: z.string(), en: z.string() });
const evidence = z.object({ url: z.string().optional(), text: z.string().optional() });

export const criterionMetaSchema = z.object({
  id: z.string(),
  category: z.string(),
  title: localized,
  signal: z.string(),
  weight: z.number(),
  params: z.record(z.string(), z.unknown()),
  levels: z.array(levelSchema).optional(),
  basis: z.array(z.object({ ref: z.string(), number: z.string(), article: z.string().optional() })),
  source: z.string(),
  verification: verificationSchema,
});

export const siteRankingSchema = z.object({
  /** 1 = best; equal scores share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
  id: z.string(),
  name: z.string(),
  url: z.string(),
  domain: z.string(),
  unit: z.string().optional(),
  levels: z.array(levelSchema),
  score: z.number().min(0).max(100),
  band: z.object({ id: z.string(), label: localized }),
  scan: z.object({
    status: scanStatusSchema,
    stop: z.enum(['done', 'budget', 'deadline', 'failed']),
    ms: z.number().int(),
    manifest: z.boolean(),
    pages: z.number().int(),
    /** Addresses of the HTML pages read (answered 200), in crawl order (added within version 1). */
    pagesRead: z.array(z.string()).optional(),
    steps: z.array(crawlStepSchema),
  }),
  categories: z.array(z.object({ id: z.string(), points: z.number(), max: z.number() })),
  criteria: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      status: z.enum(['pass', 'partial', 'fail', 'not-applicable']),
      score: z.number().min(0).max(1).nullable(),
      points: z.number(),
      max: z.number(),
      detail: localized,
      evidence: z.array(evidence),
    }),
  ),
  metrics: z.object({
    newestPost: z.string().optional(),
    postsLast30Days: z.number().int(),
    postsSchoolYear: z.number().int(),
    disclosureYears: z.array(z.string()),
    pageWeightBytes: z.number().int(),
    brokenLinks: z.number().int(),
  }),
});

export const rankingReportSchema = z.object({
  kind: z.literal('congtruong-ranking'),
  version: z.literal(RANKING_REPORT_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  /** Scoring date (YYYY-MM-DD, Vietnam) and its school year. */
  date: z.string(),
  schoolYear: z.string(),
  /** Vietnam date of the crawl the scores come from. */
  crawledOn: z.string(),
  criteria: z.object({
    id: z.string(),
    title: localized,
    source: z.string(),
    bands: z.array(z.object({ id: z.string(), label: localized, min: z.number() })),
    categories: z.array(z.object({ id: z.string(), title: localized, weight: z.number(), source: z.string() })),
    criteria: z.array(criterionMetaSchema),
  }),
  sites: z.array(siteRankingSchema),
});
export type RankingReport = z.infer<typeof rankingReportSchema>;
export type SiteRanking = z.infer<typeof siteRankingSchema>;
