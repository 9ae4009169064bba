/**
 * Password hashing with scrypt (RFC 7914), a memory-hard function built into Node: guessing
 * one password costs 32 MiB of memory and tens of milliseconds, so a stolen database cannot be
 * tried against a dictionary on graphics cards at scale. The parameters are stored with each
 * hash, so they can be raised later without invalidating existing accounts.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: the OWASP Password Storage Cheat Sheet's minimum for scrypt. */
const COST_LOG2 = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  // 128 · N · r bytes are needed; Node's default ceiling (32 MiB) is exactly that, so raise it.
  const maxmem = 2 * 128 * (opts.N ?? 1) * (opts.r ?? 8) * (opts.p ?? 1);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...opts, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$15$8$1$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: 2 ** COST_LOG2, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', COST_LOG2, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: 2 ** Number(logN), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password, checked when the login name is unknown: the answer then takes as
 * long as for a real account, so timing does not tell which login names exist.
 */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** 16 characters from an alphabet without look-alikes (0/O, 1/l/I): it can be read out over the phone. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
