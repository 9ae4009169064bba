/**
 * The sites to rank: a CSV or YAML list written by the Sở/Phòng (name, URL, level, optional
 * unit and domain), or every school of a Cổng Trường content folder. Problems are reported
 * like content problems: file, line, field, what was expected, how to fix it.
 *
 * `resolve` (`--resolve domain=IP:PORT`, as in curl) is applied by the fetcher: the site is
 * requested at its own URL, with its own `Host` header and TLS name, over a connection to that
 * address, so every URL of the report is the school's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { loadContent } from '../content/load.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import { parseWithFriendlyErrors } from '../content/validate.ts';
import { parseYaml } from '../content/yaml-source.ts';
import { domain, optionalText, text, url } from '../schemas/fields.ts';
import { LEVELS, levelSchema, type Level } from '../schemas/level.ts';

/** Levels as one code or several separated by `;`, `,`, `|` or spaces ("th; thcs"). */
const levelsField = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[;,|\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      : v,
  z.array(levelSchema).min(1),
);

export const siteEntrySchema = z.strictObject({
  name: text(),
  url: url(),
  level: levelsField,
  /** Governing unit (Phòng/Sở, xã) for grouping in the report. */
  unit: optionalText(),
  /** The school's own domain when `url` is not on it (a staging copy, a test server). */
  domain: domain().optional(),
});
export type SiteEntry = z.infer<typeof siteEntrySchema>;

export const sitesFileSchema = z.union([z.array(siteEntrySchema), z.strictObject({ sites: z.array(siteEntrySchema) })]);

export interface RankSite {
  /** Stable id: the domain, used in file names and snapshots. */
  id: string;
  name: string;
  /** URL as declared (what the public visits). */
  url: string;
  /** URL fetched: the declared one (kept for snapshots of older versions, where it could differ). */
  fetchUrl: string;
  domain: string;
  levels: Level[];
  unit?: string | undefined;
}

export type SitesResult = { ok: true; sites: RankSite[] } | { ok: false; issues: ContentIssue[] };

function toSite(e: SiteEntry): RankSite {
  const u = new URL(e.url);
  const dom = e.domain ?? u.hostname.toLowerCase();
  return {
    id: dom,
    name: e.name.normalize('NFC'),
    url: u.href,
    fetchUrl: u.href,
    domain: dom,
    levels: e.level,
    unit: e.unit?.normalize('NFC'),
  };
}

/**
 * Splits CSV text into rows of cells, with the line each row starts on. RFC 4180 quoting by
 * csv-parse; the separator is `,` or `;` (Excel writes `;` where the decimal mark is a comma),
 * whichever the header line has more of. A stray quote inside a cell (`TH "Sao Mai"`) is kept as
 * text; a quote never closed is a `CsvSyntaxError` with its line, since it would otherwise swallow
 * every row after it.
 */
export function parseCsv(textIn: string): { line: number; cells: string[] }[] {
  const firstLine = textIn.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  type Row = { record: string[]; info: { lines: number }; raw: string };
  const options = { bom: true, delimiter, relax_column_count: true, relax_quotes: true, info: true, raw: true } as const;
  let records: Row[];
  try {
    records = parse(textIn, options) as unknown as Row[];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // The parser reports where it gave up (the end of the file); the cell at fault starts on the
    // line after the last complete row, which is what the webmaster has to look at.
    const complete = (err as CsvError & { records?: number }).records ?? 0;
    const before = complete > 0 ? (parse(textIn, { ...options, to: complete }) as unknown as Row[]).at(-1)!.info.lines : 0;
    throw new CsvSyntaxError(err.message, before + 1);
  }
  return (
    records
      // `info.lines` is the line a record ends on: a quoted cell may span several lines.
      .map(({ record, info, raw }) => ({ line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), cells: record }))
      .filter((row) => row.cells.some((c) => c.trim() !== ''))
  );
}

/** A CSV file that cannot be split into rows, with the line where the parser stopped. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

const HEADER_ALIASES: Record<string, keyof SiteEntry> = {
  name: 'name',
  ten: 'name',
  tên: 'name',
  'tên trường': 'name',
  url: 'url',
  website: 'url',
  level: 'level',
  levels: 'level',
  'cấp học': 'level',
  unit: 'unit',
  'đơn vị': 'unit',
  domain: 'domain',
  'tên miền': 'domain',
};

export async function readSitesFile(file: string): Promise<SitesResult> {
  const display = path.relative(process.cwd(), path.resolve(file)) || file;
  // A missing file is the caller's to report (the CLI checks before calling).
  const raw = await readFile(file, 'utf8');
  if (/\.csv$/i.test(file)) {
    let rows;
    try {
      rows = parseCsv(raw);
    } catch (err) {
      if (!(err instanceof CsvSyntaxError)) throw err;
      return { ok: false, issues: [{ name: 'csvSyntax', severity: 'error', file: display, line: err.line }] };
    }
    const header = (rows.shift()?.cells ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase().normalize('NFC')] ?? h.trim());
    const issues: ContentIssue[] = [];
    const sites: RankSite[] = [];
    for (const row of rows) {
      const obj: Record<string, string> = {};
      header.forEach((h, i) => {
        const v = row.cells[i]?.trim();
        if (v) obj[h] = v;
      });
      const res = parseWithFriendlyErrors(siteEntrySchema, obj, display);
      if (res.ok) sites.push(toSite(res.data));
      else issues.push(...res.issues.map((i) => ({ ...i, line: row.line })));
    }
    if (issues.length > 0) return { ok: false, issues };
    return dedupe(sites, display);
  }
  const parsed = parseYaml(raw, display);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const res = parseWithFriendlyErrors(sitesFileSchema, parsed.data ?? [], display, parsed.source);
  if (!res.ok) return { ok: false, issues: res.issues };
  const entries = Array.isArray(res.data) ? res.data : res.data.sites;
  return dedupe(
    entries.map((e) => toSite(e)),
    display,
  );
}

function dedupe(sites: RankSite[], file: string): SitesResult {
  const seen = new Set<string>();
  for (const s of sites) {
    if (seen.has(s.id)) {
      return {
        ok: false,
        issues: [{ name: 'duplicateDomain', severity: 'error', file, field: 'url', found: JSON.stringify(s.url), args: { other: file } }],
      };
    }
    seen.add(s.id);
  }
  if (sites.length === 0) {
    return { ok: false, issues: [{ name: 'empty', severity: 'error', file, field: 'sites', args: { field: 'sites' } }] };
  }
  return { ok: true, sites };
}

/** Every valid school of a content folder, at `https://<domain>/`; the host's name is the unit. */
export async function sitesFromContent(contentDir: string): Promise<SitesResult> {
  const loaded = await loadContent(contentDir, undefined, { render: false });
  const unit = loaded.host?.config.name;
  const sites = loaded.schools.map((s) =>
    toSite({ name: s.config.name, url: `https://${s.config.domain}/`, level: [...s.config.levels], unit }),
  );
  if (sites.length === 0) return { ok: false, issues: loaded.issues.filter((i) => i.severity === 'error') };
  return { ok: true, sites };
}

/** Parses `domain=IP:PORT` pairs (curl's `--resolve`); `[::1]:8080` for IPv6. */
export function parseResolve(
  values: readonly string[],
): { ok: true; map: Map<string, { host: string; port: number }> } | { ok: false; bad: string } {
  const map = new Map<string, { host: string; port: number }>();
  for (const v of values) {
    const m = /^([a-z0-9.-]+)=(?:https?:\/\/)?(\[[0-9a-f:]+\]|[a-z0-9.-]+):(\d{1,5})\/?$/i.exec(v.trim());
    if (!m || Number(m[3]) > 65535) return { ok: false, bad: v };
    map.set(m[1]!.toLowerCase(), { host: m[2]!.replace(/^\[|\]$/g, ''), port: Number(m[3]) });
  }
  return { ok: true, map };
}

export { LEVELS };
