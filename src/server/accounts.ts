/**
 * The server's embedded database (`node:sqlite`, no server to run): accounts, sessions and the
 * log of publications. One file beside the content folder, never inside it (it holds password
 * hashes, and the content folder is a git repository that may be mirrored).
 *
 * Rights are three roles: a host administrator (`admin`) edits every school and sees the host's
 * dashboard; a school editor (`editor`) edits only the school of their account; a school
 * approver (`approver`, the person responsible for the school's content) edits that school too
 * and, when the host has turned review on for it, approves or rejects its editors' changes
 * (`review.ts`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { SCHOOL_ID } from '../schemas/school-id.ts';

export const ROLES = ['admin', 'editor', 'approver'] as const;
export type Role = (typeof ROLES)[number];

/** An account as the host creates it (`congtruong users add`). */
export const accountSchema = z
  .strictObject({
    /** Login name: lower-case letters, digits, `.`, `_` and `-`, 3 to 64 characters. */
    login: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
    /** The person's full name, written into git as the author of their changes. */
    name: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .regex(/^[^<>\n\r\0]+$/),
    /** The person's e-mail address (git author e-mail). */
    email: z.string().regex(/^[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}$/),
    role: z.enum(ROLES),
    /** The school an editor or approver works on (its folder name); none for an administrator. */
    school: z.string().regex(SCHOOL_ID).optional(),
  })
  .refine((a) => (a.role !== 'admin') === (a.school !== undefined), { path: ['school'], message: 'school-account-needs-school' });
export type AccountInput = z.input<typeof accountSchema>;

export interface Account {
  id: number;
  login: string;
  name: string;
  email: string;
  role: Role;
  school: string | null;
  disabled: boolean;
  failedLogins: number;
  /** Milliseconds since the epoch until which logins are refused, after too many wrong passwords. */
  lockedUntil: number | null;
}

/** One save or scheduled build, as the dashboards show it. */
export interface Publication {
  id: number;
  school: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** `save`, `delete`, `upload`, `scheduled` or `startup`. */
  kind: string;
  login: string | null;
  authorName: string | null;
  ok: boolean;
  /** What the editor was told (Vietnamese). */
  message: string;
  commit: string | null;
  /** Save-to-online time in milliseconds (0 when nothing was published). */
  ms: number;
}

/** Ten wrong passwords in a row lock the account for this long. */
export const LOCKOUT = { attempts: 10, ms: 15 * 60_000 } as const;
/** A session lasts one working day; then the editor logs in again. */
export const SESSION_MS = 12 * 3600_000;

/** The accounts table's columns: one definition for a new database and for the upgrade of an older one. */
const USER_COLUMNS = `
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'approver')),
  school TEXT,
  password TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
${USER_COLUMNS});
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS publications (
  id INTEGER PRIMARY KEY,
  school TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  login TEXT,
  author_name TEXT,
  ok INTEGER NOT NULL,
  message TEXT NOT NULL,
  commit_id TEXT,
  ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS publications_school ON publications (school, at);
CREATE TABLE IF NOT EXISTS school_settings (
  school TEXT PRIMARY KEY,
  review INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pending_changes (
  id INTEGER PRIMARY KEY,
  school TEXT NOT NULL,
  login TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_email TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  publish INTEGER NOT NULL,
  changes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
  decided_by TEXT,
  decided_at INTEGER,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS pending_changes_school ON pending_changes (school, status, created_at);
`;

/**
 * Databases made before the approver role have a CHECK that refuses it: SQLite cannot change a
 * CHECK in place, so the table is copied into one with the new CHECK (its sessions end).
 */
const MIGRATE_ROLES = `
PRAGMA foreign_keys = OFF;
BEGIN;
DELETE FROM sessions;
CREATE TABLE users_roles (
${USER_COLUMNS});
INSERT INTO users_roles SELECT id, login, name, email, role, school, password, disabled, failed_logins, locked_until, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_roles RENAME TO users;
COMMIT;
PRAGMA foreign_keys = ON;
`;

type Row = Record<string, string | number | null | bigint | Uint8Array>;

function toAccount(r: Row): Account {
  return {
    id: Number(r.id),
    login: String(r.login),
    name: String(r.name),
    email: String(r.email),
    role: r.role as Role,
    school: r.school === null ? null : String(r.school),
    disabled: Number(r.disabled) === 1,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until === null ? null : Number(r.locked_until),
  };
}

function toPublication(r: Row): Publication {
  return {
    id: Number(r.id),
    school: String(r.school),
    at: Number(r.at),
    kind: String(r.kind),
    login: r.login === null ? null : String(r.login),
    authorName: r.author_name === null ? null : String(r.author_name),
    ok: Number(r.ok) === 1,
    message: String(r.message),
    commit: r.commit_id === null ? null : String(r.commit_id),
    ms: Number(r.ms),
  };
}

/** Session tokens are stored hashed: a copy of the database does not let anyone log in. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class ServerDatabase {
  private readonly db: DatabaseSync;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    // WAL: the dashboards read while a save writes; a killed server loses no committed row.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    const users = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'").get() as Row | undefined;
    if (users && !String(users.sql).includes("'approver'")) this.db.exec(MIGRATE_ROLES);
  }

  /** The raw connection, for the tables of other modules (`review.ts`). */
  get connection(): DatabaseSync {
    return this.db;
  }

  close(): void {
    this.db.close();
  }

  addUser(a: z.output<typeof accountSchema>, passwordHash: string, now = Date.now()): Account {
    this.db
      .prepare('INSERT INTO users (login, name, email, role, school, password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.login, a.name, a.email, a.role, a.school ?? null, passwordHash, now);
    return this.user(a.login)!;
  }

  user(login: string): Account | undefined {
    const r = this.db.prepare('SELECT * FROM users WHERE login = ?').get(login) as Row | undefined;
    return r && toAccount(r);
  }

  users(): Account[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY login').all() as Row[]).map(toAccount);
  }

  passwordHash(login: string): string | undefined {
    const r = this.db.prepare('SELECT password FROM users WHERE login = ?').get(login) as Row | undefined;
    return r ? String(r.password) : undefined;
  }

  /** A new password also unlocks the account and ends its sessions. */
  setPassword(login: string, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password = ?, failed_logins = 0, locked_until = NULL WHERE login = ?').run(passwordHash, login);
    this.db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = ?)').run(login);
  }

  setDisabled(login: string, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE login = ?').run(disabled ? 1 : 0, login);
    if (disabled) this.db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = ?)').run(login);
  }

  /** Counts a wrong password; the tenth in a row locks the account. Returns the account after. */
  loginFailed(login: string, now = Date.now()): Account | undefined {
    const u = this.user(login);
    if (!u) return undefined;
    const failed = u.failedLogins + 1;
    if (failed >= LOCKOUT.attempts) {
      this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(now + LOCKOUT.ms, u.id);
    } else this.db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failed, u.id);
    return this.user(login);
  }

  loginSucceeded(login: string): void {
    this.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE login = ?').run(login);
  }

  /** Opens a session; returns the cookie's token and the CSRF token of the session. */
  createSession(userId: number, now = Date.now()): { token: string; csrf: string } {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, csrf, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash(token), userId, csrf, now + SESSION_MS);
    return { token, csrf };
  }

  /** The account and CSRF token of a live session of an enabled account. */
  session(token: string, now = Date.now()): { account: Account; csrf: string } | undefined {
    const r = this.db
      .prepare(
        'SELECT u.*, s.csrf AS session_csrf FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0',
      )
      .get(tokenHash(token), now) as Row | undefined;
    return r && { account: toAccount(r), csrf: String(r.session_csrf) };
  }

  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }

  addPublication(p: Omit<Publication, 'id'>): void {
    this.db
      .prepare(
        'INSERT INTO publications (school, at, kind, login, author_name, ok, message, commit_id, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(p.school, p.at, p.kind, p.login, p.authorName, p.ok ? 1 : 0, p.message, p.commit, p.ms);
  }

  publications(school: string, limit = 20): Publication[] {
    return (
      this.db.prepare('SELECT * FROM publications WHERE school = ? ORDER BY at DESC, id DESC LIMIT ?').all(school, limit) as Row[]
    ).map(toPublication);
  }

  /** Per school: the last publication, the last failure and how many saves failed in the last week. */
  schoolSummaries(now = Date.now()): { school: string; last?: Publication; lastFailure?: Publication; failuresWeek: number }[] {
    const schools = (this.db.prepare('SELECT DISTINCT school FROM publications ORDER BY school').all() as Row[]).map((r) =>
      String(r.school),
    );
    return schools.map((school) => {
      const last = this.db.prepare('SELECT * FROM publications WHERE school = ? ORDER BY at DESC, id DESC LIMIT 1').get(school) as
        Row | undefined;
      const fail = this.db
        .prepare('SELECT * FROM publications WHERE school = ? AND ok = 0 ORDER BY at DESC, id DESC LIMIT 1')
        .get(school) as Row | undefined;
      const week = this.db
        .prepare('SELECT COUNT(*) AS n FROM publications WHERE school = ? AND ok = 0 AND at > ?')
        .get(school, now - 7 * 86400_000) as Row;
      return {
        school,
        ...(last ? { last: toPublication(last) } : {}),
        ...(fail ? { lastFailure: toPublication(fail) } : {}),
        failuresWeek: Number(week.n),
      };
    });
  }
}
