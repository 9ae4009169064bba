/**
 * Request checks of the publishing server, applied before any handler runs:
 *
 * - the Host header must be the server's public host (a rebound DNS name is refused);
 * - every state-changing request (POST) must come from the server's own pages: its Origin, when
 *   the browser sends one, must be the public origin, `Sec-Fetch-Site` must not say
 *   cross-site, and it must carry the session's CSRF token (header `X-CSRF-Token` or form
 *   field `csrf`); the login form uses a token bound to a cookie of its own;
 * - session cookies are `HttpOnly`, `SameSite=Strict` and, behind HTTPS, `Secure` with the
 *   `__Host-` prefix (no other site or subdomain can set or read them);
 * - logins are limited per client address, besides the lockout of an account after ten wrong
 *   passwords (`accounts.ts`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface SecurityOptions {
  /** The address editors open, e.g. `https://soanbai.pgd.example.edu.vn`. */
  publicOrigin: string;
}

export function cookieNames(secure: boolean) {
  return {
    session: secure ? '__Host-ct_session' : 'ct_session',
    login: secure ? '__Host-ct_login' : 'ct_login',
    oidc: secure ? '__Host-ct_oidc' : 'ct_oidc',
  };
}

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * `sameSite` is `Strict` except for the cookie of an OpenID Connect attempt, which must come
 * back with the provider's redirect, a navigation from another site (`Lax`).
 */
export function setCookie(
  name: string,
  value: string,
  secure: boolean,
  maxAgeSeconds?: number,
  sameSite: 'Strict' | 'Lax' = 'Strict',
): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    `SameSite=${sameSite}`,
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The Host header names this server (as configured), not some other name pointed at it. */
export function hostAllowed(req: IncomingMessage, opts: SecurityOptions): boolean {
  return (req.headers.host ?? '').toLowerCase() === new URL(opts.publicOrigin).host.toLowerCase();
}

/** A state-changing request comes from this server's own pages, as far as the browser tells. */
export function originAllowed(req: IncomingMessage, opts: SecurityOptions): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== new URL(opts.publicOrigin).origin) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** At most `limit` login attempts per client address in `windowMs`. */
export class LoginRateLimit {
  private readonly attempts = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  constructor(limit = 30, windowMs = 15 * 60_000) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Records an attempt; false when the address has used up its attempts. */
  allow(address: string, now = Date.now()): boolean {
    const recent = (this.attempts.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000)
      for (const [k, v] of this.attempts) if (v.every((t) => t <= now - this.windowMs)) this.attempts.delete(k);
    return true;
  }
}
