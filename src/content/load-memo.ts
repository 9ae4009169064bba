/**
 * What loading a site computed that the next load of the same files reuses (issue 19).
 *
 * The publishing server loads the school of every save twice, to validate it and then to build
 * it, and again at the next save, while an editor changes one file at a time. Parsing 200 front
 * matters, rendering 200 Markdown bodies and decoding every image again each time was most of a
 * save's load. A `LoadMemo` keeps, per site:
 *
 * - each Markdown file parsed and validated, keyed by its text, its path, its collection and
 *   the date limit of the load (the scheduling clock `now` is applied after, on every load);
 * - each body rendered, keyed by its text AND the answer of every media lookup it made (file
 *   address, image markup): an attachment that changes renders again the bodies that use it;
 * - each referenced file checked, keyed by its path, size, times and inode: an image replaced
 *   under the same name is decoded again.
 *
 * A load without a memo (`congtruong build`, `validate`, `check`) computes everything, as before.
 * Memory: only the sites loaded last are kept (`sites`), and of each only what its last load used.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { ContentIssue } from '../errors/content-issue.ts';
import type { PublishedImage } from '../media/published-files.ts';
import type { MediaResolver, RenderResult } from '../render/markdown.ts';

/** A file that the site publishes. */
export interface PublishedFile {
  /** Absolute path of the source. */
  abs: string;
  /** Site path, e.g. `/media/tep/ke-hoach.pdf`; for an image, its largest WebP variant. */
  url: string;
  bytes: number;
  /** For images: the variants to produce. */
  image?: PublishedImage;
}

/** A referenced file as checked: the file to publish, or why it is refused. */
export type FileCheck = PublishedFile | Omit<ContentIssue, 'file' | 'field'>;

/** A file reference written in an entry, and where. */
export interface EntryRef {
  ref: string;
  /** Field path, or `(nội dung / body)` for the Markdown body. */
  field: string;
  at?: { line: number; column: number } | undefined;
}

/** One Markdown file parsed and validated: what depends only on its text, path, collection and date limit. */
export interface ParsedEntryFile {
  /** Problems found, in the order the loader reports them; an error leaves the file out. */
  issues: ContentIssue[];
  /** The entry, when its front matter is valid. */
  entry?:
    | {
        slug: string;
        /** Only for disclosures: the school-year folder. */
        schoolYear?: string | undefined;
        data: unknown;
        /** Its publication date, when its collection has one (scheduling). */
        due?: string | undefined;
        /** File references of the front matter, then of the body. */
        refs: EntryRef[];
        /** Warnings reported once the entry is accepted (not a duplicate): dates beyond the limit. */
        warnings: ContentIssue[];
      }
    | undefined;
}

/** A body rendered to sanitised HTML, with its text. */
export interface RenderedBody extends RenderResult {
  text: string;
}

/** How much of the loads' work a memo saved: counted since it was made, for tests and logs. */
export interface LoadMemoStats {
  /** Markdown files parsed and validated (not found in the memo). */
  parsed: number;
  /** Markdown files taken from the memo. */
  parseReused: number;
  /** Bodies rendered. */
  rendered: number;
  /** Bodies taken from the memo. */
  renderReused: number;
  /** Referenced files checked (read, images decoded). */
  checked: number;
  /** Referenced files taken from the memo. */
  checkReused: number;
}

/** One media lookup a body made while rendering, and its answer. */
type Lookup = { kind: 'url'; ref: string; result: string | undefined } | { kind: 'image'; ref: string; alt: string; result: string | undefined };

interface RenderRecord {
  lookups: Lookup[];
  body: RenderedBody;
}

/** What the memo keeps of one site. */
interface SiteRecords {
  /** Absolute path of a Markdown file → its key and parse. */
  parsed: Map<string, { key: string; value: ParsedEntryFile }>;
  /** Hash of a body → its rendering and the lookups it depends on. */
  rendered: Map<string, RenderRecord>;
  /** Path of a referenced file in the site → its key (real path and what `stat` says of it) and check. */
  checked: Map<string, { key: string; value: FileCheck }>;
}

const emptyRecords = (): SiteRecords => ({ parsed: new Map(), rendered: new Map(), checked: new Map() });

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64');

/** Copies of what a caller may change (the loader adds the file and field to a problem). */
function copyCheck(c: FileCheck): FileCheck {
  return { ...c };
}
function copyParse(p: ParsedEntryFile): ParsedEntryFile {
  return {
    issues: p.issues.map((i) => ({ ...i })),
    entry: p.entry && { ...p.entry, refs: p.entry.refs.map((r) => ({ ...r })), warnings: p.entry.warnings.map((i) => ({ ...i })) },
  };
}

/** The memo of the loads of a long-running process (the publishing server). */
export class LoadMemo {
  readonly stats: LoadMemoStats = { parsed: 0, parseReused: 0, rendered: 0, renderReused: 0, checked: 0, checkReused: 0 };
  /** Sites by folder, the least recently loaded first. */
  readonly #sites = new Map<string, SiteRecords>();
  readonly #capacity: number;

  /**
   * @param options.sites How many sites are kept, the last loaded (default 64; the host
   *   portal's own content counts as one). Measured: 53 MB of heap for 100 synthetic schools of
   *   200 news items, whose bodies repeat; with every body different, about twice as much. The
   *   bound keeps a province (300 schools) at what its 64 last edited schools cost.
   */
  constructor(options: { sites?: number } = {}) {
    this.#capacity = Math.max(1, options.sites ?? 64);
  }

  /** How many sites the memo holds now. */
  get size(): number {
    return this.#sites.size;
  }

  /**
   * Starts the load of the site in `dir` (an absolute, real path). What the load uses is kept
   * for the next one when it calls `done`; a load that throws changes nothing.
   */
  site(dir: string): SiteLoadMemo {
    return new SiteLoadMemo(this.#sites.get(dir) ?? emptyRecords(), this.stats, (used, rendered) => {
      const before = this.#sites.get(dir);
      // A load without rendering (validation) keeps the renderings for the build after it.
      if (!rendered && before) used.rendered = before.rendered;
      this.#sites.delete(dir);
      this.#sites.set(dir, used);
      for (const oldest of this.#sites.keys()) {
        if (this.#sites.size <= this.#capacity) break;
        this.#sites.delete(oldest);
      }
    });
  }
}

/** One load of one site with its memo: answers from the last load, records what this one uses. */
export class SiteLoadMemo {
  readonly #last: SiteRecords;
  readonly #used = emptyRecords();
  readonly #stats: LoadMemoStats;
  readonly #keep: (used: SiteRecords, rendered: boolean) => void;

  constructor(last: SiteRecords, stats: LoadMemoStats, keep: (used: SiteRecords, rendered: boolean) => void) {
    this.#last = last;
    this.#stats = stats;
    this.#keep = keep;
  }

  /**
   * A Markdown file's parse: from the memo when `text` and `context` (what else the parse
   * depends on: collection, path shown, date limit) are those of the last load, else `parse()`.
   */
  parse(abs: string, text: string, context: string, parse: () => ParsedEntryFile): ParsedEntryFile {
    const key = `${sha1(text)}\0${context}`;
    const last = this.#last.parsed.get(abs);
    let value: ParsedEntryFile;
    if (last?.key === key) {
      this.#stats.parseReused++;
      value = last.value;
    } else {
      this.#stats.parsed++;
      value = parse();
    }
    this.#used.parsed.set(abs, { key, value });
    return copyParse(value);
  }

  /**
   * A body's rendering: from the memo when the body is the same and every media lookup it made
   * answers as it did, else `render(media)`, whose lookups are recorded.
   */
  render(body: string, media: Required<MediaResolver>, render: (media: Required<MediaResolver>) => RenderedBody): RenderedBody {
    const key = sha1(body);
    const last = this.#used.rendered.get(key) ?? this.#last.rendered.get(key);
    const same = (l: Lookup) => (l.kind === 'url' ? media.fileUrl(l.ref) : media.imageHtml(l.ref, l.alt)) === l.result;
    if (last && last.lookups.every(same)) {
      this.#stats.renderReused++;
      this.#used.rendered.set(key, last);
      return { ...last.body };
    }
    this.#stats.rendered++;
    const lookups: Lookup[] = [];
    const recording: Required<MediaResolver> = {
      fileUrl: (ref) => {
        const result = media.fileUrl(ref);
        lookups.push({ kind: 'url', ref, result });
        return result;
      },
      imageHtml: (ref, alt) => {
        const result = media.imageHtml(ref, alt);
        lookups.push({ kind: 'image', ref, alt, result });
        return result;
      },
    };
    const rendered = render(recording);
    this.#used.rendered.set(key, { lookups, body: rendered });
    return { ...rendered };
  }

  /**
   * A referenced file's check (`rel`, its path in the site; `abs`, its real path): from the memo
   * when the file has the size, times and inode it had (a file replaced under the same name has another inode or time), else
   * `check(size)`. A check that throws is not kept.
   */
  async check(abs: string, rel: string, check: (size: number) => Promise<FileCheck>): Promise<FileCheck> {
    const s = await stat(abs);
    const key = `${abs}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}`;
    const last = this.#last.checked.get(rel);
    let value: FileCheck;
    if (last?.key === key) {
      this.#stats.checkReused++;
      value = last.value;
    } else {
      this.#stats.checked++;
      value = await check(s.size);
    }
    this.#used.checked.set(rel, { key, value });
    return copyCheck(value);
  }

  /** The load ended: what it used is what the memo keeps of the site. */
  done(rendered: boolean): void {
    this.#keep(this.#used, rendered);
  }
}
