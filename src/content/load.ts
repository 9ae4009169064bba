/**
 * Loads and validates a content folder: `host.yaml`, `host/` and every `schools/<id>/`.
 * Nothing here throws on bad content: every problem of every school is collected as a
 * `ContentIssue`, so that one run reports them all.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { hostSchema, type Host } from '../schemas/host.ts';
import { schoolSchema, type School } from '../schemas/school.ts';
import { schoolYear as schoolYearField } from '../schemas/fields.ts';
import { findFileRefs, htmlToText, renderMarkdown, type MediaResolver } from '../render/markdown.ts';
import { planImage, publicFilePath } from '../media/published-files.ts';
import { checkAttachment, checkImage, FILE_LIMITS, isImage } from '../media/file-policy.ts';
import { imageHtml } from '../media/image-html.ts';
import { slugify } from '../util/slug.ts';
import { HOST_ROUTE, isSchoolId } from '../schemas/school-id.ts';
import { COLLECTIONS, HOST_COLLECTIONS, type CollectionName } from './collections.ts';
import { collectFileRefs, normalizeFileRef, resolveFileRef } from './files.ts';
import { isScheduled, publicationDate } from './schedule.ts';
import { splitFrontMatter } from './front-matter.ts';
import { fieldPath, type ContentIssue } from '../errors/content-issue.ts';
import { parseWithFriendlyErrors } from './validate.ts';
import { locate, parseYaml } from './yaml-source.ts';
import type { EntryRef, FileCheck, LoadMemo, ParsedEntryFile, PublishedFile, RenderedBody } from './load-memo.ts';
import { limiter, mapLimit } from '../util/concurrency.ts';
import { schoolYearOf, todayInVietnam } from '../util/dates.ts';

export type { PublishedFile } from './load-memo.ts';

/** One validated Markdown file. */
export interface Entry<T> {
  /** Address segment, from the file name. */
  slug: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  data: T;
  /** Sanitised HTML of the body. */
  html: string;
  /** Plain text of the body, for summaries and search. */
  text: string;
  /** Only for disclosures: the school year of the folder. */
  schoolYear?: string | undefined;
}

export type Collections = { [K in CollectionName]: Entry<z.infer<(typeof COLLECTIONS)[K]>>[] };

export interface LoadedSite<C> {
  /** Folder name (schools) or `host`. */
  id: string;
  /** Absolute path of the folder. */
  dir: string;
  config: C;
  collections: Collections;
  /** Referenced files keyed by their path relative to `dir`. */
  files: Map<string, PublishedFile>;
  /**
   * Publication times of entries left out because they are scheduled after the load's `now`,
   * earliest first: the build that runs after the first of them publishes it.
   */
  scheduled: string[];
}

export type LoadedSchool = LoadedSite<School>;
export type LoadedHost = LoadedSite<Host>;

export interface LoadResult {
  host?: LoadedHost | undefined;
  /** Schools without errors (warnings allowed). */
  schools: LoadedSchool[];
  /** Ids of schools that have errors. */
  invalid: string[];
  /** Every problem found, schools and host together. */
  issues: ContentIssue[];
  /** Domain of every school whose school.yaml names one, valid or not (to find its published site). */
  domains: Map<string, string>;
}

const emptyCollections = (): Collections =>
  Object.fromEntries(Object.keys(COLLECTIONS).map((k) => [k, []])) as unknown as Collections;

/** Path for messages: relative to the working directory, with `/`. */
function display(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
}

/**
 * A file or folder that could not be read (a system error, with its code), as a content issue
 * naming it and the reason; anything else is a bug and is thrown again.
 */
function unreadable(err: unknown, fallback: string): ContentIssue {
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string') throw err;
  return {
    name: 'unreadableFile',
    severity: 'error',
    file: display(e.path ?? fallback),
    args: { reason: `${e.code}${e.syscall ? ` (${e.syscall})` : ''}` },
  };
}

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file strictly: more than `maxBytes` is refused, and bytes that are not UTF-8
 * (a file saved in Windows-1258, TCVN3 or Latin-1) are reported with the line of the first one,
 * instead of being published as U+FFFD mojibake. Returns the text or the problem.
 */
async function readText(abs: string, maxBytes: number): Promise<string | ContentIssue> {
  const file = display(abs);
  const fh = await open(abs, 'r');
  let bytes: Buffer;
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
      return { name: 'fileTooLarge', severity: 'error', file, args: { size: mb(size), max: mb(maxBytes) } };
    }
    bytes = await fh.readFile();
  } finally {
    await fh.close();
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, at).split('\n').length;
    const lineText = lenient.split('\n')[line - 1] ?? '';
    return { name: 'badEncoding', severity: 'error', file, line, found: JSON.stringify(lineText.trim().slice(0, 60)) };
  }
}

/** Publication dates (top-level fields) later than this are a warning: such an item heads every list. */
const DATE_FIELDS = ['date', 'issued', 'published', 'updated'] as const;

function futureDates(data: unknown, file: string, source: Parameters<typeof locate>[0], limit: string): ContentIssue[] {
  if (!data || typeof data !== 'object') return [];
  const out: ContentIssue[] = [];
  for (const key of DATE_FIELDS) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.slice(0, 10) > limit) {
      out.push({ name: 'futureDate', severity: 'warning', file, field: key, found: JSON.stringify(v), args: { limit }, ...locate(source, [key]) });
    }
  }
  return out;
}

/** Names in a folder, none when it does not exist; a folder that cannot be read throws. */
async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (err) {
    if (missing(err)) return [];
    throw err;
  }
}

async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    (err: unknown) => {
      if (missing(err)) return false;
      throw err;
    },
  );
}

export interface LoadOptions {
  /**
   * Render Markdown to sanitised HTML (default `true`). The compliance checker only needs the
   * text, so it skips rendering: `html` stays empty and `text` is the Markdown source.
   */
  render?: boolean;
  /** Domains of schools that are not loaded (domain → school id), for the duplicate-domain check. */
  otherDomains?: ReadonlyMap<string, string>;
  /**
   * The clock of scheduled publication (Vietnam local `YYYY-MM-DDTHH:mm`): entries published
   * later are validated but left out, with their attachments. Unset: every entry is loaded.
   */
  now?: string | undefined;
  /**
   * Published domains and the school that owns each (domain → school id), from the last builds.
   * A school naming a domain owned by another is held back whatever the order of their ids.
   */
  domainOwners?: ReadonlyMap<string, string>;
  /**
   * What the last loads of the same sites computed, reused where the files did not change (see
   * `LoadMemo`). The publishing server keeps one between saves; unset, everything is computed.
   */
  memo?: LoadMemo | undefined;
}

/** Loads a whole content folder. `only` restricts to some school ids. */
export async function loadContent(contentDir: string, only?: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const load = await startLoading(contentDir, only, options);
  const result: LoadResult = { host: load.host, schools: [], invalid: [], issues: [...load.issues], domains: new Map() };
  for await (const s of load.schools) {
    if (s.domain) result.domains.set(s.id, s.domain);
    result.issues.push(...s.issues);
    if (s.school) result.schools.push(s.school);
    else result.invalid.push(s.id);
  }
  result.invalid.sort();
  return result;
}

/** One school as `startLoading` hands it over. */
export interface SchoolLoad {
  id: string;
  /** The school when it has no errors (warnings allowed). */
  school?: LoadedSchool | undefined;
  issues: ContentIssue[];
  /** The domain its school.yaml names, valid or not (to find its published site). */
  domain?: string | undefined;
}

export interface ContentLoad {
  host?: LoadedHost | undefined;
  /** The host's problems. */
  issues: ContentIssue[];
  /** Every school, in order of id, each as soon as it is loaded (they load 8 at a time). */
  schools: AsyncIterable<SchoolLoad>;
}

/**
 * Loads the host, then starts loading every school and hands them over one by one, in order:
 * a build can render the first schools while the others still load. Of two schools on one
 * domain, which would overwrite each other's site, the first in order is kept.
 */
export async function startLoading(contentDir: string, only?: readonly string[], options: LoadOptions = {}): Promise<ContentLoad> {
  const root = path.resolve(contentDir);
  const issues: ContentIssue[] = [];
  let host: LoadedHost | undefined;
  const hostYaml = path.join(root, 'host.yaml');
  if (await stat(hostYaml).catch(() => null)) {
    const loaded = await loadSite(root, 'host', hostYaml, hostSchema, path.join(root, 'host'), HOST_COLLECTIONS, options).catch(
      (err: unknown) => ({ issues: [unreadable(err, hostYaml)], site: undefined }),
    );
    issues.push(...loaded.issues);
    if (loaded.site && !loaded.issues.some((i) => i.severity === 'error')) host = loaded.site;
  }
  const schoolsDir = path.join(root, 'schools');
  const ids: string[] = [];
  // `--content` naming a file rather than a folder: no schools (the command says where it looked).
  const names = await listDir(schoolsDir).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  });
  for (const name of names) {
    // An entry that cannot even be inspected is tried as a school: loading it reports why.
    if ((await isDir(path.join(schoolsDir, name)).catch(() => true)) && (!only || only.includes(name))) ids.push(name);
  }
  // Every load starts now, a few at a time (each reads its folders in parallel already): reading
  // a province at once would exceed the open-files limit. They are awaited in order below.
  const limit = limiter(8);
  // Whatever a school's folder throws (it vanished, cannot be read) fails that school only.
  const loads = ids.map((id) =>
    limit(() => {
      const dir = path.join(schoolsDir, id);
      return loadSchool(dir, id, options).catch((err: unknown) => ({ issues: [unreadable(err, dir)], domain: undefined, site: undefined }));
    }),
  );
  for (const l of loads) l.catch(() => {}); // a bug surfaces when its school's turn comes
  // Schools not loaded this time (unchanged since the last build) take part through `otherDomains`.
  const byDomain = new Map<string, string>();
  for (const [d, id] of options.otherDomains ?? []) if (!ids.includes(id)) byDomain.set(d, path.join(schoolsDir, id, 'school.yaml'));
  async function* schools(): AsyncGenerator<SchoolLoad> {
    for (const [i, id] of ids.entries()) {
      const r = await loads[i]!;
      const found = [...r.issues];
      let school = r.site && !r.issues.some((x) => x.severity === 'error') ? r.site : undefined;
      const owner = school && options.domainOwners?.get(school.config.domain);
      const other = school && byDomain.get(school.config.domain);
      if (school && owner && owner !== id) {
        found.push({
          name: 'domainOwned',
          severity: 'error',
          file: display(path.join(school.dir, 'school.yaml')),
          field: 'domain',
          found: JSON.stringify(school.config.domain),
          args: { domain: school.config.domain, other: display(path.join(schoolsDir, owner, 'school.yaml')) },
        });
        school = undefined;
      } else if (school && other) {
        found.push({
          name: 'duplicateDomain',
          severity: 'error',
          file: display(path.join(school.dir, 'school.yaml')),
          field: 'domain',
          found: JSON.stringify(school.config.domain),
          args: { other: display(other) },
        });
        school = undefined;
      } else if (school) byDomain.set(school.config.domain, path.join(school.dir, 'school.yaml'));
      yield { id, school, issues: found, domain: r.domain };
    }
  }
  return { host, issues, schools: schools() };
}

/** Loads one school folder. */
export async function loadSchool(dir: string, id: string, options: LoadOptions = {}): Promise<{ site?: LoadedSchool; issues: ContentIssue[]; domain?: string | undefined }> {
  const yamlPath = path.join(dir, 'school.yaml');
  // The id is a route segment of the build and appears in every log line.
  if (!isSchoolId(id)) {
    const suggestion = id === HOST_ROUTE ? 'host-school' : slugify(id) || 'truong-moi';
    return { issues: [{ name: 'badSchoolId', severity: 'error', file: display(dir), found: JSON.stringify(id), args: { suggestion } }] };
  }
  if (!(await stat(yamlPath).catch(() => null))) {
    return { issues: [{ name: 'missingSchoolYaml', severity: 'error', file: display(dir) }] };
  }
  return loadSite(dir, id, yamlPath, schoolSchema, dir, Object.keys(COLLECTIONS) as CollectionName[], options);
}

async function loadSite<S extends z.ZodType>(
  dirIn: string,
  id: string,
  yamlPath: string,
  schema: S,
  collectionsRootIn: string,
  collections: readonly CollectionName[],
  options: LoadOptions = {},
): Promise<{ site?: LoadedSite<z.infer<S>>; issues: ContentIssue[]; domain?: string | undefined }> {
  const dir = await realpath(dirIn);
  const memo = options.memo?.site(dir);
  const collectionsRoot = await realpath(collectionsRootIn).catch(() => collectionsRootIn);
  // Files are resolved against the folder that holds the collections (the school folder,
  // or `host/` for the host).
  const filesRoot = collectionsRoot;
  const issues: ContentIssue[] = [];
  const files = new Map<string, PublishedFile>();
  // `publish: false`: a reference of an entry that is not public yet (scheduled or a draft) is
  // checked, so the teacher hears of a broken link now, but its file is not published.
  const fileRefs: {
    ref: string;
    file: string;
    field: string;
    at?: { line: number; column: number } | undefined;
    publish?: boolean;
  }[] = [];
  const scheduled: string[] = [];

  const yamlFile = display(yamlPath);
  const yamlText = await readText(yamlPath, FILE_LIMITS.yamlBytes);
  const parsed = typeof yamlText === 'string' ? parseYaml(yamlText, yamlFile) : ({ ok: false, issue: yamlText } as const);
  let config: z.infer<S> | undefined;
  let domain: string | undefined;
  if (!parsed.ok) issues.push(parsed.issue);
  else {
    const raw = (parsed.data as { domain?: unknown } | null)?.domain;
    if (typeof raw === 'string') domain = raw.trim();
    const res = parseWithFriendlyErrors(schema, parsed.data ?? {}, yamlFile, parsed.source);
    if (res.ok) {
      config = res.data;
      for (const u of collectFileRefs(res.data)) {
        fileRefs.push({ ref: u.ref, file: yamlFile, field: fieldPath(u.path), at: locate(parsed.source, u.path) });
      }
      // The logo and portraits live in the school folder even for the host.
    } else issues.push(...res.issues);
  }

  const out = emptyCollections();
  // A school plans its publications for this school year and the next (scheduled entries wait
  // for their date); a date beyond the end of next school year is a typo, not a plan (2099).
  const dateLimit = `${Number(schoolYearOf(options.now?.slice(0, 10) ?? todayInVietnam()).slice(5)) + 1}-08-31`;
  const pending: { entry: Entry<unknown>; body: string; name: CollectionName }[] = [];
  for (const name of collections) {
    const folder = path.join(collectionsRoot, name);
    const mdFiles = await listMarkdown(folder, name === 'disclosures');
    const seen = new Map<string, string>();
    // Read the whole folder at once; parsing stays in file order so messages are stable.
    // A file removed or renamed since it was listed (a webmaster editing during a build), a
    // broken link, no permission: that file is reported and the school kept as published.
    // A Markdown file that is a symlink out of the site's folder (to another school's drafts, to
    // the server's files) is refused like a file reference leading out.
    const readInside = async (f: string): Promise<string | ContentIssue> => {
      // A broken link is reported by the read below, with the reason of the system.
      const real = await realpath(f).catch(() => f);
      if (!real.startsWith(dir + path.sep)) return { name: 'fileOutside', severity: 'error', file: display(f), found: JSON.stringify(display(real)) };
      return readText(real, FILE_LIMITS.markdownBytes);
    };
    const sources = await mapLimit(mdFiles, 64, (f) => readInside(f).catch((err: unknown) => unreadable(err, f)));
    for (const [i, abs] of mdFiles.entries()) {
      const file = display(abs);
      const src = sources[i]!;
      if (typeof src !== 'string') {
        issues.push(src);
        continue;
      }
      const parse = () => parseEntryFile(abs, file, name, src, dateLimit);
      const parsed = memo ? memo.parse(abs, src, `${name}\0${file}\0${dateLimit}`, parse) : parse();
      issues.push(...parsed.issues);
      const e = parsed.entry;
      if (!e) continue;
      const key = `${e.schoolYear ?? ''}/${e.slug}`;
      const other = seen.get(key);
      if (other) {
        issues.push({ name: 'duplicateSlug', severity: 'error', file, found: JSON.stringify(e.slug), args: { other } });
        continue;
      }
      seen.set(key, file);
      issues.push(...e.warnings);
      const later = isScheduled(e.due, options.now);
      if (later) scheduled.push(e.due!);
      const publish = !later && !(name === 'disclosures' && (e.data as { draft?: boolean }).draft);
      for (const r of e.refs) fileRefs.push({ ...r, file, publish });
      if (later) continue;
      const entry: Entry<unknown> = { slug: e.slug, file, data: e.data, html: '', text: '', schoolYear: e.schoolYear };
      // The parse found the front matter: the body follows it.
      pending.push({ entry, body: splitFrontMatter(src)!.body, name });
    }
  }

  // Resolve every file reference; each file is checked once (type, size, image decoding) and
  // only then published. Every reference to a refused file gets its own message. The outcomes
  // are taken in the order of the references, not of the checks ending: the same content gives
  // the same messages, files and "first use" on every load.
  const checks = new Map<string, Promise<FileCheck>>();
  const outcomes = await mapLimit(fileRefs, 32, async (r) => {
    const resolved = await resolveFileRef(filesRoot, r.ref);
    if (!resolved.ok) return { issue: resolved.issue };
    const { abs, rel } = resolved;
    let check = checks.get(rel);
    if (!check) {
      check = memo ? memo.check(abs, rel, (size) => checkFile(abs, rel, size)) : stat(abs).then((s) => checkFile(abs, rel, s.size));
      checks.set(rel, check);
    }
    const checked = await check;
    return 'name' in checked ? { issue: checked } : { rel, checked };
  });
  const firstUse = new Map<string, (typeof fileRefs)[number]>();
  for (const [i, r] of fileRefs.entries()) {
    const o = outcomes[i]!;
    if ('issue' in o) issues.push({ ...o.issue, file: r.file, field: r.field, ...r.at });
    // An entry that is not public yet (scheduled, a draft) has its files checked, not published.
    else if (r.publish !== false) {
      files.set(o.rel, o.checked);
      if (!firstUse.has(o.rel)) firstUse.set(o.rel, r);
    }
  }
  // Two files published under one address (`Đơn.pdf` and `don.pdf`, or `anh.jpg` and `anh.png`,
  // whose WebP variants share a name) would silently replace each other: the second is refused.
  const addresses = new Map<string, string>();
  for (const rel of [...files.keys()].sort()) {
    const f = files.get(rel)!;
    const address = f.image ? publicFilePath(rel).replace(/\.[^./]+$/, '') : f.url;
    const other = addresses.get(address);
    if (other === undefined) {
      addresses.set(address, rel);
      continue;
    }
    const r = firstUse.get(rel)!;
    files.delete(rel);
    issues.push({ name: 'publishedNameClash', severity: 'error', file: r.file, field: r.field, ...r.at, found: JSON.stringify(rel), args: { other } });
  }

  const media: Required<MediaResolver> = {
    fileUrl: (ref: string) => files.get(normalizeFileRef(ref))?.url,
    imageHtml: (ref: string, alt: string) => {
      const img = files.get(normalizeFileRef(ref))?.image;
      return img ? imageHtml(img, alt) : undefined;
    },
  };
  for (const { entry, body, name } of pending) {
    if (options.render === false) {
      entry.text = body.normalize('NFC');
    } else {
      const render = (m: MediaResolver): RenderedBody => {
        const r = renderMarkdown(body, m);
        return { ...r, text: htmlToText(r.html) };
      };
      const rendered = memo ? memo.render(body, media, render) : render(media);
      if (rendered.removedUnsafe) issues.push({ name: 'unsafeHtml', severity: 'warning', file: entry.file, field: '(nội dung / body)' });
      entry.html = rendered.html;
      entry.text = rendered.text;
    }
    // A draft công khai item must never be published nor count as published for the checker:
    // it is validated above, then left out of the site (news drafts are filtered by consumers).
    if (name === 'disclosures' && (entry.data as { draft?: boolean }).draft) continue;
    (out[name] as Entry<unknown>[]).push(entry);
  }
  memo?.done(options.render !== false);
  if (!config) return { issues, domain };
  scheduled.sort();
  return { site: { id, dir, config, collections: out, files, scheduled }, issues, domain };
}

/**
 * Parses and validates one Markdown file of collection `name` (`file` is `abs` as messages show
 * it). Depends only on these arguments: a `LoadMemo` keeps the result while they stay the same.
 */
function parseEntryFile(abs: string, file: string, name: CollectionName, src: string, dateLimit: string): ParsedEntryFile {
  const issues: ContentIssue[] = [];
  const split = splitFrontMatter(src);
  if (!split) return { issues: [{ name: 'frontMatterMissing', severity: 'error', file, line: 1 }] };
  const y = parseYaml(split.yaml, file, split.yamlLineOffset);
  if (!y.ok) return { issues: [y.issue] };
  if (y.data !== null && (typeof y.data !== 'object' || Array.isArray(y.data))) {
    return { issues: [{ name: 'notAnObject', severity: 'error', file, line: 2 }] };
  }
  const res = parseWithFriendlyErrors(COLLECTIONS[name], y.data ?? {}, file, y.source);
  let schoolYear: string | undefined;
  if (name === 'disclosures') {
    schoolYear = path.basename(path.dirname(abs));
    if (!schoolYearField().safeParse(schoolYear).success) {
      issues.push({ name: 'schoolYearFolder', severity: 'error', file, found: JSON.stringify(schoolYear) });
    }
  }
  if (!res.ok) return { issues: [...issues, ...res.issues] };
  const base = path.basename(abs, path.extname(abs));
  const slug = slugify(base);
  if (!slug) return { issues: [...issues, { name: 'badFileName', severity: 'error', file, found: JSON.stringify(path.basename(abs)) }] };
  const refs: EntryRef[] = collectFileRefs(res.data).map((u) => ({ ref: u.ref, field: fieldPath(u.path), at: locate(y.source, u.path) }));
  for (const r of findFileRefs(split.body)) refs.push({ ref: r.ref, field: '(nội dung / body)' });
  const warnings = futureDates(res.data, file, y.source, dateLimit);
  return { issues, entry: { slug, schoolYear, data: res.data, due: publicationDate(name, res.data), refs, warnings } };
}

/**
 * Checks a referenced file before it is published: an attachment by its type and size, an
 * image by decoding it (its variants are planned from the decoded size). Returns the file to
 * publish or the problem.
 */
async function checkFile(abs: string, rel: string, size: number): Promise<FileCheck> {
  const published: PublishedFile = { abs, url: publicFilePath(rel), bytes: size };
  if (isImage(rel)) {
    const checked = await checkImage(abs, rel, size);
    if ('name' in checked) return checked;
    published.image = planImage(rel, checked.width, checked.height);
    // The image itself is never published: a link to it (`[ảnh](media/anh/a.jpg)`) leads to its
    // largest WebP variant.
    published.url = published.image.variants.at(-1)!.url;
    return published;
  }
  return (await checkAttachment(abs, rel, size)) ?? published;
}

/** Markdown files of a collection folder; disclosures sit one level down, per school year. */
async function listMarkdown(folder: string, nested: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const name of await listDir(folder)) {
    const abs = path.join(folder, name);
    if (nested && (await isDir(abs))) {
      for (const inner of await listDir(abs)) if (inner.toLowerCase().endsWith('.md')) out.push(path.join(abs, inner));
    } else if (name.toLowerCase().endsWith('.md')) out.push(abs);
  }
  return out;
}
