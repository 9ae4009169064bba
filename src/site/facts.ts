/**
 * What the checker knows about one site, whatever it was read from: the content folders
 * (`facts-from-content.ts`) or a site's HTML (`facts-from-html.ts`). Rules only read facts,
 * so one rule set serves both inputs. A field left `undefined` means "unknown from this
 * input" and makes the rules that need it not applicable, rather than failing.
 */
import type { DisclosureItemId } from '../schemas/disclosure-items.ts';
import type { Level } from '../schemas/level.ts';
import { MANIFEST_KEYS, type ManifestKey } from './sections.ts';

/** Where a fact was seen: a file of the content folder, or a page URL with the text found. */
export interface Evidence {
  file?: string | undefined;
  url?: string | undefined;
  line?: number | undefined;
  /** The text or element found, shortened. */
  text?: string | undefined;
}

/**
 * Sections a school portal is expected to have (TT 37/2020 Điều 9 and TT 32/2017 Điều 16): the
 * manifest keys of the table of sections (`src/site/sections.ts`).
 */
export const SECTION_KEYS = MANIFEST_KEYS;
export type SectionKey = ManifestKey;

export interface PersonFacts {
  name?: string | undefined;
  title?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  duties?: string | undefined;
  evidence: Evidence;
}

export interface DatedFacts {
  title?: string | undefined;
  /** Publication date `YYYY-MM-DD`. */
  published?: string | undefined;
  evidence: Evidence;
}

export interface DisclosureFacts extends DatedFacts {
  schoolYear: string;
  item: DisclosureItemId;
  updated?: string | undefined;
  /** When the disclosed information changed (for the 10-working-day rule). */
  changed?: string | undefined;
  /** When official information first existed, if it did not by 30 June (10 working days from it). */
  officialInfo?: string | undefined;
  /** For the annual report: the calendar year it covers. */
  reportYear?: number | undefined;
  /** File types of the attachments, lower case (`pdf`, `docx`). */
  attachmentTypes: string[];
}

export interface ScheduleFacts extends DatedFacts {
  kind: 'lich-cong-tac' | 'thoi-khoa-bieu' | 'thuc-don' | 'ke-hoach-thang' | 'ke-hoach-tuan' | 'ke-hoach-ngay';
  from: string;
  to: string;
}

export interface AdmissionFacts extends DatedFacts {
  schoolYear?: string | undefined;
  kind?: string | undefined;
  /** Intake levels the item is about; unknown (undefined) when not stated. */
  levels?: Level[] | undefined;
  /** Which of the seven notice fields are stated (TT 37/2020 Điều 9). */
  details: string[];
  registrationUrl?: string | undefined;
}

/** Technical facts, only known from HTML. */
export interface TechnicalFacts {
  https: boolean;
  pages: PageFacts[];
  sitemapXml: boolean;
  rssFeeds: string[];
}

export interface PageFacts {
  url: string;
  charset?: string | undefined;
  lang?: string | undefined;
  viewport: boolean;
  /** Dublin Core element names present with a value (`title`, `creator` …). */
  dublinCore: string[];
  imagesWithoutAlt: number;
  h1Count: number;
  tablesWithoutHeaders: number;
  rssLinked: boolean;
  printStylesheet: boolean;
  /** Text is in Unicode NFC. */
  nfc: boolean;
  isContentPage: boolean;
}

export interface SiteFacts {
  /** School id (content) or host name (HTML). */
  id: string;
  input: 'source' | 'html';
  name?: string | undefined;
  levels: Level[];
  domain?: string | undefined;
  hasMeals?: boolean | undefined;
  /** GDTX: runs foreign or integrated programmes (TT 09/2024 Điều 10 k4); unknown from HTML. */
  foreignPrograms?: boolean | undefined;
  /** Contact e-mail addresses of the school itself. */
  emails: string[];
  governingBody?: { name: string; url?: string | undefined } | undefined;
  /** Header: unit name and governing body shown (HTML), or known (content). */
  header?: { name: boolean; governingBody: boolean; evidence: Evidence } | undefined;
  /** Footer fields found. */
  footer?:
    { unitName: boolean; responsiblePerson: boolean; address: boolean; phone: boolean; email: boolean; evidence: Evidence } | undefined;
  sections: Partial<Record<SectionKey, Evidence>>;
  leaders?: PersonFacts[] | undefined;
  news: (DatedFacts & { category?: string | undefined })[];
  documents: (DatedFacts & { number?: string | undefined; issuer?: string | undefined; hasFile: boolean })[];
  disclosures: DisclosureFacts[];
  schedules: ScheduleFacts[];
  forms: DatedFacts[];
  admissions: AdmissionFacts[];
  consultations: DatedFacts[];
  /** Public texts, for the privacy guard. */
  texts: { text: string; evidence: Evidence }[];
  technical?: TechnicalFacts | undefined;
}
