/**
 * The history routes of a school, for an account the caller has already checked may edit it:
 *
 * - `GET /s/<id>/history/item?path=news/a.md`: the item's versions (page), each with a button
 *   that reverts to it; `GET /s/<id>/api/history?path=…`: the same as JSON;
 * - `GET /s/<id>/history/deleted`: the school's deleted files (page), each with a button that
 *   restores it; `GET /s/<id>/api/history/deleted`: the same as JSON;
 * - `POST /s/<id>/history/revert` and `/history/restore` (form fields `path`, `commit`; the
 *   page answers), `POST /s/<id>/api/history/revert` and `/api/history/restore` (form or JSON
 *   body; JSON answers). The CSRF token and the Origin are checked before this runs.
 *
 * A path outside the school, or a commit that is not a version of that path, is refused with
 * 403 and nothing is read or written.
 */
import type { Lang } from '../errors/content-errors.ts';
import { serverAnswer } from '../errors/server-errors.ts';
import type { Account } from './accounts.ts';
import { deletedItems, deletedContent, ForbiddenCommit, itemVersions, versionContent, type Version } from './history.ts';
import { deletedItemsPage, esc, historyResultPage, itemHistoryPage, whenVi } from './pages.ts';
import type { Publisher } from './publisher.ts';
import { ForbiddenPath, resolveInSchool } from './school-paths.ts';

export interface HistoryContext {
  contentDir: string;
  school: string;
  schoolDir: string;
  account: Account;
  csrf: string;
  /** The publisher, or the review gate in front of it for this account (`review.ts`). */
  publisher: Pick<Publisher, 'save'>;
  lang: Lang;
  started: number;
  log: (line: string) => void;
}

export type HistoryAnswer = { type: 'json'; status: number; body: unknown } | { type: 'html'; status: number; body: string };

/** A version as the API gives it: the time both as an instant and as Vietnamese readers see it. */
const versionJson = (v: Version) => ({
  commit: v.commit,
  author: v.author,
  at: new Date(v.at).toISOString(),
  when: whenVi(v.at),
  message: v.subject,
  path: v.rel,
  deleted: v.deleted,
});

export async function handleHistory(
  ctx: HistoryContext,
  req: { method: string; rest: string; query: URLSearchParams; form: URLSearchParams | undefined },
): Promise<HistoryAnswer | undefined> {
  const asJson = req.rest.startsWith('/api/');
  const route = req.rest.replace(/^\/api\/history/, '/history').replace(/\/+$/, '');
  const post = req.method === 'POST';
  const refuse = (given: string, what: 'path' | 'commit'): HistoryAnswer => {
    ctx.log(`Từ chối: ${ctx.account.login} (${ctx.school}) lịch sử ${route} ${what} ${JSON.stringify(given.slice(0, 200))}`);
    const text = (lang: Lang) =>
      what === 'path'
        ? serverAnswer('pathForbidden', { path: JSON.stringify(given), school: ctx.school }, lang)
        : serverAnswer('versionForbidden', { commit: JSON.stringify(given) }, lang);
    return asJson
      ? { type: 'json', status: 403, body: { error: text(ctx.lang) } }
      : { type: 'html', status: 403, body: esc(text(ctx.lang)) };
  };
  const given = (post ? req.form?.get('path') : req.query.get('path')) ?? '';
  const commit = req.form?.get('commit') ?? '';
  try {
    if (!post && route === (asJson ? '/history' : '/history/item')) {
      const { rel } = await resolveInSchool(ctx.schoolDir, given);
      const versions = await itemVersions(ctx.contentDir, ctx.school, rel);
      if (asJson) return { type: 'json', status: 200, body: { path: rel, versions: versions.map(versionJson) } };
      return {
        type: 'html',
        status: 200,
        body: itemHistoryPage({ account: ctx.account, csrf: ctx.csrf, school: ctx.school, rel, versions }),
      };
    }
    if (!post && route === '/history/deleted') {
      const deleted = await deletedItems(ctx.contentDir, ctx.school, ctx.schoolDir);
      if (asJson) return { type: 'json', status: 200, body: { deleted: deleted.map(versionJson) } };
      return { type: 'html', status: 200, body: deletedItemsPage({ account: ctx.account, csrf: ctx.csrf, school: ctx.school, deleted }) };
    }
    if (post && (route === '/history/revert' || route === '/history/restore')) {
      const { rel } = await resolveInSchool(ctx.schoolDir, given);
      const revert = route === '/history/revert';
      const { version, data } = revert
        ? await versionContent(ctx.contentDir, ctx.school, rel, commit)
        : await deletedContent(ctx.contentDir, ctx.school, ctx.schoolDir, rel, commit);
      const message = revert
        ? `Khôi phục ${rel} về phiên bản ${version.commit.slice(0, 10)} (${version.author}, ${whenVi(version.at)})`
        : `Khôi phục ${rel} đã xoá bởi ${version.author} lúc ${whenVi(version.at)} (${version.commit.slice(0, 10)})`;
      const result = await ctx.publisher.save({
        school: ctx.school,
        account: ctx.account,
        changes: [{ rel, data }],
        kind: revert ? 'revert' : 'restore',
        message,
        publish: true,
        started: ctx.started,
      });
      if (asJson) {
        const publication = { ok: result.ok, message: result.message[ctx.lang], url: result.url, commit: result.commit, ms: result.ms };
        return result.status === 200
          ? { type: 'json', status: 200, body: { message: result.message[ctx.lang], publication } }
          : { type: 'json', status: result.status, body: { error: result.message[ctx.lang], publication } };
      }
      return {
        type: 'html',
        status: result.status,
        body: historyResultPage({
          account: ctx.account,
          csrf: ctx.csrf,
          school: ctx.school,
          rel,
          ok: result.ok,
          message: result.message.vi,
        }),
      };
    }
    return undefined;
  } catch (err) {
    if (err instanceof ForbiddenPath) return refuse(given, 'path');
    if (err instanceof ForbiddenCommit) return refuse(commit, 'commit');
    throw err;
  }
}
