/**
 * The editor's backend: Decap CMS's proxy protocol (`POST /api/v1` with `{ action, params }`,
 * the protocol of `decap-server`), answered in this process for ONE school, the one in the
 * request's address, which the caller has already checked the account may edit. Every path in
 * the parameters is checked again here (`school-paths.ts`) before any file is read or written.
 * Writes go through the publisher: validated, committed, built and published.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Localized } from '../errors/content-issue.ts';
import type { ErrorArgs } from '../errors/catalogue.ts';
import { UPLOAD_BODY_BYTES } from '../media/file-policy.ts';
import type { Lang } from '../errors/content-errors.ts';
import { serverAnswer, type ServerErrorName } from '../errors/server-errors.ts';
import type { Account } from './accounts.ts';
import type { Change, Publisher } from './publisher.ts';
import { ForbiddenPath, resolveInSchool } from './school-paths.ts';
import { checkUpload } from './uploads.ts';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiContext {
  school: string;
  schoolDir: string;
  account: Account;
  /** The publisher, or the review gate in front of it for this account (`review.ts`). */
  publisher: Pick<Publisher, 'save'>;
  lang: Lang;
  /** When the request arrived (`performance.now()`). */
  started: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Largest request body (`UPLOAD_BODY_BYTES`: the largest accepted file in base64 plus the entry). */
export const MAX_BODY_BYTES = UPLOAD_BODY_BYTES;

function error(status: number, message: Localized, lang: Lang): ApiAnswer {
  return { status, body: { error: message[lang] } };
}

/** A refusal from `SERVER_ERRORS`, as the editor shows it. */
function refuse(status: number, code: ServerErrorName, lang: Lang, args: ErrorArgs = {}): ApiAnswer {
  return { status, body: { error: serverAnswer(code, args, lang) } };
}

export function forbidden(given: string, school: string, lang: Lang): ApiAnswer {
  return refuse(403, 'pathForbidden', lang, { path: JSON.stringify(given), school });
}

/** Files under `dir` (relative to the school), down to `depth` levels, ending in `extension`; links are skipped. */
async function listFiles(schoolDir: string, dirRel: string, extension: string, depth: number): Promise<string[]> {
  if (depth <= 0) return [];
  const entries = await readdir(path.join(schoolDir, dirRel), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
    const rel = `${dirRel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listFiles(schoolDir, rel, extension, depth - 1)));
    else if (e.isFile() && rel.endsWith(extension)) out.push(rel);
  }
  return out.sort();
}

async function readEntry(ctx: ApiContext, given: unknown, label?: unknown) {
  const { rel, abs } = await resolveInSchool(ctx.schoolDir, given);
  const st = await lstat(abs).catch(() => null);
  const content = st?.isFile() ? await readFile(abs).catch(() => null) : null;
  return {
    data: content ? content.toString('utf8') : null,
    file: { path: rel, ...(typeof label === 'string' ? { label } : {}), id: content ? sha256(content) : null },
  };
}

async function readMedia(ctx: ApiContext, given: unknown) {
  const { rel, abs } = await resolveInSchool(ctx.schoolDir, given);
  const content = await readFile(abs);
  return { id: sha256(content), content: content.toString('base64'), encoding: 'base64', path: rel, name: path.posix.basename(rel) };
}

/**
 * Checks an uploaded asset and that it replaces nothing: a file already at that path with other
 * content is refused (the editor renames the upload), the same content is simply kept.
 */
async function assetChange(ctx: ApiContext, asset: unknown): Promise<Change | ApiAnswer | undefined> {
  if (!isRecord(asset) || typeof asset.content !== 'string' || asset.encoding !== 'base64') {
    return refuse(422, 'malformedUpload', ctx.lang);
  }
  const { rel, abs } = await resolveInSchool(ctx.schoolDir, asset.path);
  if (!rel.startsWith('media/')) throw new ForbiddenPath(rel);
  const data = Buffer.from(asset.content, 'base64');
  const refused = await checkUpload(rel, data);
  if (refused) return error(422, refused, ctx.lang);
  const existing = await readFile(abs).catch(() => null);
  if (existing?.equals(data)) return undefined;
  if (existing) {
    return refuse(409, 'uploadExists', ctx.lang, { file: rel });
  }
  return { rel, data };
}

const isAnswer = (v: unknown): v is ApiAnswer => isRecord(v) && typeof v.status === 'number' && 'body' in v;

function commitMessage(options: unknown, fallback: string): string {
  const m = isRecord(options) && typeof options.commitMessage === 'string' ? options.commitMessage : fallback;
  return m.slice(0, 500);
}

/** Answers one request of the editor. */
export async function handleApi(ctx: ApiContext, body: unknown): Promise<ApiAnswer> {
  if (!isRecord(body) || typeof body.action !== 'string') return refuse(422, 'malformedRequest', ctx.lang);
  const params = isRecord(body.params) ? body.params : {};
  try {
    return await dispatch(ctx, body.action, params);
  } catch (err) {
    if (err instanceof ForbiddenPath) return forbidden(err.given, ctx.school, ctx.lang);
    // The editor asks for files an entry names, which may be missing (a file renamed by hand).
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') {
      return refuse(404, 'fileNotFound', ctx.lang);
    }
    throw err;
  }
}

async function dispatch(ctx: ApiContext, action: string, params: Record<string, unknown>): Promise<ApiAnswer> {
  const ok = (body: unknown): ApiAnswer => ({ status: 200, body });
  switch (action) {
    case 'info':
      return ok({ repo: ctx.school, publish_modes: ['simple'], type: 'local_fs' });
    case 'entriesByFolder': {
      const { rel } = await resolveInSchool(ctx.schoolDir, params.folder);
      const extension = typeof params.extension === 'string' ? params.extension : '';
      const depth = typeof params.depth === 'number' ? Math.min(params.depth, 10) : 1;
      const files = await listFiles(ctx.schoolDir, rel, extension, depth);
      return ok(await Promise.all(files.map((f) => readEntry(ctx, f))));
    }
    case 'entriesByFiles': {
      const files = Array.isArray(params.files) ? params.files : [];
      // Every path is checked before any is read: one bad path refuses the whole request.
      for (const f of files) await resolveInSchool(ctx.schoolDir, isRecord(f) ? f.path : f);
      return ok(await Promise.all(files.map((f) => readEntry(ctx, isRecord(f) ? f.path : f, isRecord(f) ? f.label : undefined))));
    }
    case 'getEntry':
      return ok(await readEntry(ctx, params.path));
    case 'getMedia': {
      const { rel } = await resolveInSchool(ctx.schoolDir, params.mediaFolder);
      const files = await listFiles(ctx.schoolDir, rel, '', 1);
      return ok(await Promise.all(files.map((f) => readMedia(ctx, f))));
    }
    case 'getMediaFile':
      return ok(await readMedia(ctx, params.path));
    case 'unpublishedEntries':
      return ok([]);
    case 'getDeployPreview':
      return ok(null);
    case 'persistEntry': {
      const dataFiles = Array.isArray(params.dataFiles) ? params.dataFiles : params.entry ? [params.entry] : [];
      const assets = Array.isArray(params.assets) ? params.assets : [];
      const changes: Change[] = [];
      for (const f of dataFiles) {
        if (!isRecord(f) || typeof f.raw !== 'string') return refuse(422, 'malformedEntry', ctx.lang);
        const { rel } = await resolveInSchool(ctx.schoolDir, f.path);
        if (f.newPath !== undefined) {
          // Renamed (a new date or title changes the file name): the old file goes in the same commit.
          const target = await resolveInSchool(ctx.schoolDir, f.newPath);
          changes.push({ rel, data: null }, { rel: target.rel, data: Buffer.from(f.raw, 'utf8') });
        } else changes.push({ rel, data: Buffer.from(f.raw, 'utf8') });
      }
      for (const a of assets) {
        const c = await assetChange(ctx, a);
        if (isAnswer(c)) return c;
        if (c) changes.push(c);
      }
      if (changes.length === 0) return refuse(422, 'nothingToSave', ctx.lang);
      return publishAnswer(ctx, changes, 'save', commitMessage(params.options, `Cập nhật ${changes[0]!.rel}`), true);
    }
    case 'persistMedia': {
      const c = await assetChange(ctx, params.asset);
      if (isAnswer(c)) return c;
      if (c) {
        const saved = await publishAnswer(ctx, [c], 'upload', commitMessage(params.options, `Tải lên ${c.rel}`), false);
        if (saved.status !== 200) return saved;
        // Sent for review: the file is not in the school folder yet, the editor gets back what it sent.
        if (isRecord(saved.body) && isRecord(saved.body.publication) && typeof saved.body.publication.pending === 'number') {
          return ok({
            id: sha256(c.data!),
            content: c.data!.toString('base64'),
            encoding: 'base64',
            path: c.rel,
            name: path.posix.basename(c.rel),
          });
        }
      }
      return ok(await readMedia(ctx, isRecord(params.asset) ? params.asset.path : undefined));
    }
    case 'deleteFile':
    case 'deleteFiles': {
      const given = action === 'deleteFile' ? [params.path] : Array.isArray(params.paths) ? params.paths : [];
      const changes: Change[] = [];
      for (const p of given) changes.push({ rel: (await resolveInSchool(ctx.schoolDir, p)).rel, data: null });
      if (changes.length === 0) return refuse(422, 'nothingToDelete', ctx.lang);
      return publishAnswer(ctx, changes, 'delete', commitMessage(params.options, `Xoá ${changes.map((c) => c.rel).join(', ')}`), true);
    }
    default:
      return refuse(422, 'unsupportedAction', ctx.lang, { action });
  }
}

async function publishAnswer(ctx: ApiContext, changes: Change[], kind: string, message: string, publish: boolean): Promise<ApiAnswer> {
  const result = await ctx.publisher.save({
    school: ctx.school,
    account: ctx.account,
    changes,
    kind,
    message,
    publish,
    started: ctx.started,
  });
  const pending = 'pending' in result && typeof result.pending === 'number' ? { pending: result.pending } : {};
  const publication = {
    ok: result.ok,
    message: result.message[ctx.lang],
    url: result.url,
    commit: result.commit,
    ms: result.ms,
    ...pending,
  };
  if (result.status !== 200) return { status: result.status, body: { error: result.message[ctx.lang], publication } };
  return { status: 200, body: { message: result.message[ctx.lang], publication } };
}
