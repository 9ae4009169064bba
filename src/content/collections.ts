/**
 * The Markdown collections of a school folder: folder name → schema. One place to look when
 * asking "which folders does a school have?".
 */
import type { z } from 'zod';
import {
  admissionSchema,
  albumSchema,
  consultationSchema,
  disclosureSchema,
  documentSchema,
  formSchema,
  newsSchema,
  pageSchema,
  scheduleSchema,
} from '../schemas/collections.ts';

export const COLLECTIONS = {
  pages: pageSchema,
  news: newsSchema,
  documents: documentSchema,
  disclosures: disclosureSchema,
  forms: formSchema,
  admissions: admissionSchema,
  consultations: consultationSchema,
  schedules: scheduleSchema,
  albums: albumSchema,
} as const satisfies Record<string, z.ZodType>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** Collections a host folder may have (its own notices and văn bản, syndicated to schools). */
export const HOST_COLLECTIONS = ['pages', 'news', 'documents'] as const satisfies readonly CollectionName[];
