/**
 * Creating entries: every check runs first (values, attachments, name clash, schema), then the
 * attachments are copied and the Markdown file is written with `wx`, so an existing file is
 * never replaced.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../content/collections.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import type { ContentIssue } from '../errors/content-issue.ts';
import { parseWithFriendlyErrors } from '../content/validate.ts';
import { parseYaml } from '../content/yaml-source.ts';
import { perLang } from '../errors/catalogue.ts';
import { formatIssues } from '../errors/format.ts';
import { slugify } from '../util/slug.ts';
import { COLLECTION_SECTIONS, entryUrl, pageAddress } from '../site/sections.ts';
import { checkAttachment, copyAttachment, type CheckedAttachment } from './attachments.ts';
import { existingItems, itemsForYear, disclosureBody, disclosureLines } from './disclosures.ts';
import type { EntryKind } from './entries.ts';
import { list, str, type SchoolContext, type Values } from './flags.ts';
import { markdownFile, type AttachmentRef } from './front-matter.ts';
import { ScaffoldError } from './scaffold-error.ts';

/** Path for messages: relative to the working directory, with `/`. */
export function display(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return (rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
}

export interface CreateResult {
  /** Files written (Markdown and copied attachments), for display. */
  created: string[];
  /** Drafts that were filled in (a công khai item prepared by `new disclosure --year`). */
  filled?: string[];
  /** Attachments that were already in the folder with the same content. */
  reused: string[];
  /** Existing entries left alone (disclosure drafts). */
  skipped: string[];
  /** Root-relative address the entry is published at (`/bieu-mau/don-xin-nghi-hoc/`). */
  address?: string;
}

/** Validates a Markdown file's front matter exactly as the loader will. */
export function validateMarkdown(text: string, schema: z.ZodType, file: string): ContentIssue[] {
  const split = splitFrontMatter(text);
  if (!split) return [{ name: 'frontMatterMissing', severity: 'error', file, line: 1 }];
  const y = parseYaml(split.yaml, file, split.yamlLineOffset);
  if (!y.ok) return [y.issue];
  const res = parseWithFriendlyErrors(schema, y.data ?? {}, file, y.source);
  return res.ok ? [] : res.issues;
}

function refuseInvalid(issues: ContentIssue[]): never {
  throw new ScaffoldError('entryInvalid', { issues: perLang((l) => formatIssues(issues, l)) });
}

/** Refuses when a file with the same address (slug) already exists in `folder`. */
async function refuseClash(folder: string, slug: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const clash = names.find((n) => n.toLowerCase().endsWith('.md') && slugify(n.slice(0, -3)) === slug);
  if (clash) {
    const file = display(path.join(folder, clash));
    throw new ScaffoldError('fileExists', { file, slug });
  }
}

async function checkAttachments(kind: EntryKind, v: Values): Promise<{ checked: CheckedAttachment[]; alts: string[] }> {
  const spec = kind.attachments;
  if (!spec) return { checked: [], alts: [] };
  const files = list(v, spec.flag);
  const flag = `--${spec.flag}`;
  if (files.length < spec.min) {
    throw new ScaffoldError('tooFewFiles', { min: spec.min, flag });
  }
  if (files.length > spec.max) {
    throw new ScaffoldError('tooManyFiles', { max: spec.max, flag, count: files.length });
  }
  const alts = spec.altFlag ? list(v, spec.altFlag).map((a) => a.normalize('NFC').trim()) : [];
  if (spec.altFlag && (alts.length !== files.length || alts.some((a) => a === ''))) {
    throw new ScaffoldError('imageWithoutAlt', { images: files.length, alts: alts.length, altFlag: `--${spec.altFlag}`, flag });
  }
  const kindName = spec.kind(v);
  const checked: CheckedAttachment[] = [];
  for (const f of files) checked.push(await checkAttachment(f, kindName, flag));
  return { checked, alts };
}

/** Where the entry written to `abs` is published (the loader's slug of its file name, in the table of sections). */
function addressOf(kind: EntryKind, v: Values, abs: string): string {
  const slug = slugify(path.basename(abs, '.md'));
  if (kind.collection === 'pages') return pageAddress(str(v, 'kind') ?? 'khac', slug);
  return entryUrl(COLLECTION_SECTIONS[kind.collection], ...(kind.subfolder ? [kind.subfolder(v)] : []), slug);
}

/** Creates one entry of a collection. */
export async function createEntry(kind: EntryKind, v: Values, ctx: SchoolContext): Promise<CreateResult> {
  const { checked, alts } = await checkAttachments(kind, v);
  const folder = path.join(ctx.dir, kind.collection, ...(kind.subfolder ? [kind.subfolder(v)] : []));
  const slug = str(v, 'slug') ?? kind.slug(v, ctx);
  if (!slug) {
    throw new ScaffoldError('noSlug');
  }
  // A công khai item of the year already exists (usually a draft that `new disclosure --year`
  // prepared): a draft is filled in, whatever --slug says; a published item is never replaced.
  let draft: { abs: string; body: string } | undefined;
  if (kind.collection === 'disclosures') {
    const existing = (await existingItems(folder)).get(str(v, 'item') ?? '');
    if (existing) {
      const abs = path.join(folder, existing);
      const found = await readDraft(abs);
      if (!found) {
        const item = str(v, 'item')!;
        const year = str(v, 'year')!;
        throw new ScaffoldError('itemPublished', { item, year, file: display(abs) });
      }
      draft = { abs, body: found.body };
    }
  }
  if (!draft) await refuseClash(folder, slug);
  const abs = draft?.abs ?? path.join(folder, `${slug}.md`);
  const schema = COLLECTIONS[kind.collection as CollectionName];
  // The teacher's own text in the draft is kept; the generated hint is replaced.
  const body = draft && !isGeneratedHint(draft.body) ? draft.body : kind.body(v, ctx);
  const render = (refs: AttachmentRef[]) => markdownFile(kind.lines(v, refs, ctx), body);
  // Validate with the names the copies will most likely get; the copy may add a `-2` suffix,
  // which does not change validity.
  const planned = checked.map((c, i) => ({ ref: `${c.policy.folder}/${c.name}`, ext: c.ext, alt: alts[i] }));
  const issues = validateMarkdown(render(planned), schema, display(abs));
  if (issues.length > 0) refuseInvalid(issues);

  const result: CreateResult = { created: [], reused: [], skipped: [] };
  const refs: AttachmentRef[] = [];
  for (const [i, c] of checked.entries()) {
    const copy = await copyAttachment(ctx.dir, c);
    refs.push({ ref: copy.ref, ext: c.ext, alt: alts[i] });
    (copy.reused ? result.reused : result.created).push(display(path.join(ctx.dir, copy.ref)));
  }
  await mkdir(folder, { recursive: true });
  if (draft) {
    // Written beside the draft, then renamed over it: the draft is never half rewritten.
    const tmp = `${abs}.${process.pid}.tmp`;
    await writeFile(tmp, render(refs), { flag: 'wx' });
    await rename(tmp, abs);
    result.filled = [display(abs)];
    result.address = addressOf(kind, v, abs);
    return result;
  }
  await writeFile(abs, render(refs), { flag: 'wx' });
  result.created.unshift(display(abs));
  result.address = addressOf(kind, v, abs);
  return result;
}

/** The front matter's `draft: true` and the body of a công khai file; undefined if not a draft. */
async function readDraft(abs: string): Promise<{ body: string } | undefined> {
  const split = splitFrontMatter(await readFile(abs, 'utf8'));
  const y = split && parseYaml(split.yaml, display(abs));
  const isDraft = y && y.ok && (y.data as { draft?: unknown } | null)?.draft === true;
  return isDraft ? { body: split.body } : undefined;
}

/** The hint comment `new disclosure` writes into a draft's body (the site never shows it). */
function isGeneratedHint(body: string): boolean {
  const t = body.trim();
  return (
    t === '' || (t.startsWith('<!--') && t.endsWith('-->') && t.indexOf('-->') === t.length - 3 && t.includes('congtruong new disclosure'))
  );
}

/** `new disclosure --year Y` without `--item`: drafts of every required item not yet present. */
export async function createDisclosureYear(schoolYear: string, published: string, ctx: SchoolContext): Promise<CreateResult> {
  const folder = path.join(ctx.dir, 'disclosures', schoolYear);
  const existing = await existingItems(folder);
  const result: CreateResult = { created: [], reused: [], skipped: [] };
  const planned: { abs: string; text: string }[] = [];
  for (const item of itemsForYear(schoolYear, ctx.config.levels)) {
    const have = existing.get(item);
    if (have) {
      result.skipped.push(display(path.join(folder, have)));
      continue;
    }
    const abs = path.join(folder, `${item}.md`);
    const text = markdownFile(
      disclosureLines(item, schoolYear, { published, draft: true, today: ctx.today }),
      disclosureBody(item, schoolYear, ctx, true),
    );
    const issues = validateMarkdown(text, COLLECTIONS.disclosures, display(abs));
    if (issues.length > 0) refuseInvalid(issues);
    planned.push({ abs, text });
  }
  await mkdir(folder, { recursive: true });
  for (const p of planned) {
    try {
      await writeFile(p.abs, p.text, { flag: 'wx' });
      result.created.push(display(p.abs));
    } catch (err) {
      // A file of that name that is not about this item (rare): leave it, report it.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      result.skipped.push(display(p.abs));
    }
  }
  return result;
}
