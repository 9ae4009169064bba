/**
 * A database made by a server without the approver role (its CHECK refuses `approver`) is
 * upgraded when the server opens it: accounts and their passwords are kept, and an approver can
 * then be added.
 */
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { ServerDatabase } from '../../src/server/accounts.ts';
import { tempDir } from '../helpers.ts';

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('keeps the accounts of an older database and accepts an approver', async () => {
  dir = await tempDir('congtruong-db-');
  const file = path.join(dir, 'old.db');
  const old = new DatabaseSync(file);
  old.exec(`CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'editor')), school TEXT, password TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0, locked_until INTEGER, created_at INTEGER NOT NULL);
    INSERT INTO users (login, name, email, role, school, password, created_at) VALUES ('gv.alpha', 'Trần Thị Alpha', 'a@x.edu.vn', 'editor', 'alpha', 'scrypt$hash', 1);`);
  expect(() =>
    old.exec(
      `INSERT INTO users (login, name, email, role, school, password, created_at) VALUES ('d', 'D', 'd@x.vn', 'approver', 'alpha', 'h', 1)`,
    ),
  ).toThrow(/CHECK/);
  old.close();
  const db = new ServerDatabase(file);
  try {
    expect(db.user('gv.alpha')).toMatchObject({ role: 'editor', school: 'alpha' });
    expect(db.passwordHash('gv.alpha')).toBe('scrypt$hash');
    db.addUser({ login: 'duyet.alpha', name: 'Phạm Văn Duyệt', email: 'duyet@x.edu.vn', role: 'approver', school: 'alpha' }, 'h');
    expect(db.user('duyet.alpha')?.role).toBe('approver');
    // Sessions still work after the copy (their foreign key points at the new table).
    const s = db.createSession(db.user('duyet.alpha')!.id);
    expect(db.session(s.token)?.account.login).toBe('duyet.alpha');
  } finally {
    db.close();
  }
});
