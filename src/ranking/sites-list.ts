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

/** Splits CSV text into rows of cells (RFC 4180 quotes, `,` or `;` separators), with line numbers. */
export function parseCsv(textIn: string): { line: number; cells: string[] }[] {
  const s = textIn.replace(/^\uFEFF/, '');
  const firstLine = s.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
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
    const rows = parseCsv(raw);
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
