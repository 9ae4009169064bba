/**
 * Review before publishing, for the schools whose host has turned it on: a school editor's save
 * is validated exactly as a published save is, then kept as a pending change in the server's
 * database, and nothing is written to the content folder, git or the site. The school's approver
 * (or a host administrator) sees it on the school's dashboard and either approves it, which
 * sends it through the same path as a save (validated again, committed with the editor as
 * author, built and published), or rejects it with a reason that the editor reads on the same
 * dashboard.
 *
 * Why the host decides, in its database, and not the school in `school.yaml`: `school.yaml` is
 * edited in the editor, so an editor could switch off the review that is meant to check them.
 *
 * Why a pending change in the database and not a branch in git: the content repository's
 * working tree and history stay exactly what is online, so no scheduled or start-up build can
 * publish a change that nobody approved, and a rejected change leaves nothing to clean up.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { Localized } from '../errors/content-issue.ts';
import { nowInVietnam } from '../util/dates.ts';
import type { Account } from './accounts.ts';
import type { Change, Publisher, SaveRequest, SaveResult } from './publisher.ts';

/** One file of a pending change, as stored. */
export const pendingFileSchema = z.strictObject({
  /** Path relative to the school folder, already checked by `school-paths.ts`. */
  rel: z.string(),
  /** The new content in base64, or `null` when the change deletes the file. */
  data: z.string().nullable(),
  /** SHA-256 of the file when the change was sent (`null`: there was none), to notice a later edit. */
  base: z.string().nullable(),
});
export type PendingFile = z.infer<typeof pendingFileSchema>;

export const PENDING_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];

/** A change waiting for (or after) the approver's decision. */
export interface PendingChange {
  id: number;
  school: string;
  login: string;
  authorName: string;
  authorEmail: string;
  /** `save`, `delete`, `upload`, `revert` or `restore`, as for publications. */
  kind: string;
  message: string;
  /** Whether approving it publishes the school (an upload alone is only recorded). */
  publish: boolean;
  files: PendingFile[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  status: PendingStatus;
  decidedBy: string | null;
  decidedAt: number | null;
  /** The approver's reason, for a rejected change. */
  reason: string | null;
}

type Row = Record<string, string | number | null | bigint | Uint8Array>;

function toPending(r: Row): PendingChange {
  return {
    id: Number(r.id),
    school: String(r.school),
    login: String(r.login),
    authorName: String(r.author_name),
    authorEmail: String(r.author_email),
    kind: String(r.kind),
    message: String(r.message),
    publish: Number(r.publish) === 1,
    files: z.array(pendingFileSchema).parse(JSON.parse(String(r.changes))),
    createdAt: Number(r.created_at),
    status: z.enum(PENDING_STATUSES).parse(r.status),
    decidedBy: r.decided_by === null ? null : String(r.decided_by),
    decidedAt: r.decided_at === null ? null : Number(r.decided_at),
    reason: r.reason === null ? null : String(r.reason),
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The review setting of each school and its pending changes (tables created by `accounts.ts`). */
export class ReviewStore {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  reviewOn(school: string): boolean {
    const r = this.db.prepare('SELECT review FROM school_settings WHERE school = ?').get(school) as Row | undefined;
    return Number(r?.review ?? 0) === 1;
  }

  setReview(school: string, on: boolean): void {
    this.db
      .prepare('INSERT INTO school_settings (school, review) VALUES (?, ?) ON CONFLICT (school) DO UPDATE SET review = excluded.review')
      .run(school, on ? 1 : 0);
  }

  /** Records a change; an earlier pending change of the same editor to the same files is superseded by it. */
  add(c: Omit<PendingChange, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'reason'>): number {
    const rels = new Set(c.files.map((f) => f.rel));
    for (const old of this.list(c.school, ['pending'])) {
      if (old.login === c.login && old.files.some((f) => rels.has(f.rel))) {
        this.db.prepare("UPDATE pending_changes SET status = 'superseded', decided_at = ? WHERE id = ?").run(c.createdAt, old.id);
      }
    }
    const r = this.db
      .prepare(
        "INSERT INTO pending_changes (school, login, author_name, author_email, kind, message, publish, changes, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
      )
      .run(c.school, c.login, c.authorName, c.authorEmail, c.kind, c.message, c.publish ? 1 : 0, JSON.stringify(c.files), c.createdAt);
    return Number(r.lastInsertRowid);
  }

  get(id: number): PendingChange | undefined {
    const r = this.db.prepare('SELECT * FROM pending_changes WHERE id = ?').get(id) as Row | undefined;
    return r && toPending(r);
  }

  /** The school's changes in these states, newest first. */
  list(school: string, statuses: readonly PendingStatus[], limit = 50): PendingChange[] {
    const marks = statuses.map(() => '?').join(', ');
    return (
      this.db
        .prepare(`SELECT * FROM pending_changes WHERE school = ? AND status IN (${marks}) ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(school, ...statuses, limit) as Row[]
    ).map(toPending);
  }

  /** Sets the decision; false when the change was no longer pending (decided by someone else meanwhile). */
  decide(id: number, status: 'approved' | 'rejected', by: string, at: number, reason?: string): boolean {
    const r = this.db
      .prepare("UPDATE pending_changes SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'")
      .run(status, by, at, reason ?? null, id);
    return Number(r.changes) === 1;
  }
}

/** What an approver's decision did, for the page that answers it. */
export interface Decision {
  status: number;
  ok: boolean;
  message: Localized;
}

const hhmm = (d: Date) => nowInVietnam(d).slice(11, 16);

/**
 * Sends a save through review or straight to the publisher: only a school editor's saves, in a
 * school with review on, wait for approval. The school's approver and the host's administrators
 * publish their own changes directly (they are the ones who would approve them).
 */
export class ReviewGate {
  readonly store: ReviewStore;
  private readonly publisher: Publisher;
  private readonly contentDir: string;
  private readonly clock: () => Date;
  private readonly log: (line: string) => void;

  constructor(opts: { store: ReviewStore; publisher: Publisher; contentDir: string; clock: () => Date; log: (line: string) => void }) {
    this.store = opts.store;
    this.publisher = opts.publisher;
    this.contentDir = opts.contentDir;
    this.clock = opts.clock;
    this.log = opts.log;
  }

  /** Whether this account's saves in this school wait for approval. */
  needsReview(account: Pick<Account, 'role'>, school: string): boolean {
    return account.role === 'editor' && this.store.reviewOn(school);
  }

  /** Who may approve or reject the changes of `school`. */
  static mayDecide(account: Pick<Account, 'role' | 'school'>, school: string): boolean {
    return account.role === 'admin' || (account.role === 'approver' && account.school === school);
  }

  /** The save function the editor's API and the history routes call for `account`. */
  saverFor(account: Account): Pick<Publisher, 'save'> {
    return { save: (req) => this.saveOrSubmit(account, req) };
  }

  private async saveOrSubmit(account: Account, req: SaveRequest): Promise<SaveResult & { pending?: number }> {
    if (!this.needsReview(account, req.school)) return this.publisher.save(req);
    const schoolDir = path.join(this.contentDir, 'schools', req.school);
    const bases = await Promise.all(
      req.changes.map((c) => readFile(path.join(schoolDir, c.rel)).then(sha256, () => null as string | null)),
    );
    // Refused content is refused now, with the same errors as a published save.
    const checked = await this.publisher.save({ ...req, validateOnly: true });
    if (checked.status !== 200) return checked;
    const at = this.clock();
    const id = this.store.add({
      school: req.school,
      login: account.login,
      authorName: account.name,
      authorEmail: account.email,
      kind: req.kind,
      message: req.message,
      publish: req.publish,
      files: req.changes.map((c, i) => ({ rel: c.rel, data: c.data ? c.data.toString('base64') : null, base: bases[i] ?? null })),
      createdAt: at.getTime(),
    });
    this.log(`${req.kind} ${req.school} ${account.login}: gửi duyệt (#${id}) ${req.changes.map((c) => c.rel).join(', ')}`);
    const time = hhmm(at);
    return {
      ok: true,
      status: 200,
      pending: id,
      ms: 0,
      message: {
        vi: `Đã gửi duyệt lúc ${time}; chưa đăng. Người duyệt của trường sẽ xem rồi đăng, hoặc trả lại kèm lý do (xem ở trang của trường).`,
        en: `Sent for review at ${time}; not published yet. The school's approver will publish it, or return it with a reason (see the school's page).`,
      },
    };
  }

  /** Approves pending change `id` of `school`: it goes through the save path with its editor as author. */
  async approve(id: number, school: string, approver: Account): Promise<Decision> {
    const change = this.store.get(id);
    if (!change || change.school !== school) return notFound();
    if (change.status !== 'pending') return alreadyDecided(change);
    const schoolDir = path.join(this.contentDir, 'schools', school);
    // A file changed since the editor sent the change (another approved change, a revert): approving
    // would silently undo that edit.
    for (const f of change.files) {
      const now = await readFile(path.join(schoolDir, f.rel)).then(sha256, () => null);
      if (now !== f.base) {
        return {
          status: 409,
          ok: false,
          message: {
            vi: `Chưa đăng: ${f.rel} đã được sửa sau khi thay đổi này được gửi duyệt, đăng nó sẽ xoá mất lần sửa đó. Hãy trả lại để biên tập viên sửa trên bản mới rồi gửi lại.`,
            en: `Not published: ${f.rel} was changed after this change was sent for review, and publishing it would undo that edit. Return it so that the editor redoes it on the new version.`,
          },
        };
      }
    }
    const changes: Change[] = change.files.map((f) => ({ rel: f.rel, data: f.data === null ? null : Buffer.from(f.data, 'base64') }));
    const result = await this.publisher.save({
      school,
      account: { login: change.login, name: change.authorName, email: change.authorEmail },
      changes,
      kind: change.kind,
      message: `${change.message}\n\nNgười duyệt: ${approver.name} <${approver.email}>`,
      publish: change.publish,
    });
    if (result.status === 200) this.store.decide(id, 'approved', approver.login, this.clock().getTime());
    this.log(`Duyệt #${id} ${school} bởi ${approver.login}: ${result.status === 200 ? 'đã ghi' : 'từ chối (nội dung có lỗi)'}`);
    return { status: result.status, ok: result.ok, message: result.message };
  }

  /** Rejects pending change `id` of `school` with a reason the editor reads. */
  reject(id: number, school: string, approver: Account, reason: string): Decision {
    const change = this.store.get(id);
    if (!change || change.school !== school) return notFound();
    if (change.status !== 'pending') return alreadyDecided(change);
    const text = reason.trim().slice(0, 2000);
    if (text === '') {
      return {
        status: 422,
        ok: false,
        message: {
          vi: 'Chưa trả lại: hãy ghi lý do để biên tập viên biết cần sửa gì.',
          en: 'Not returned: write a reason so that the editor knows what to fix.',
        },
      };
    }
    this.store.decide(id, 'rejected', approver.login, this.clock().getTime(), text);
    this.log(`Trả lại #${id} ${school} bởi ${approver.login}.`);
    return {
      status: 200,
      ok: true,
      message: { vi: `Đã trả lại thay đổi #${id} cho ${change.authorName}.`, en: `Returned change #${id} to ${change.authorName}.` },
    };
  }
}

const notFound = (): Decision => ({
  status: 404,
  ok: false,
  message: { vi: 'Không có thay đổi chờ duyệt này ở trường này.', en: 'No such pending change in this school.' },
});

const alreadyDecided = (c: PendingChange): Decision => ({
  status: 409,
  ok: false,
  message: {
    vi: `Thay đổi #${c.id} đã được xử lý (${c.status === 'approved' ? 'đã duyệt' : c.status === 'rejected' ? 'đã trả lại' : 'đã có bản gửi sau thay thế'}).`,
    en: `Change #${c.id} was already handled (${c.status}).`,
  },
});
