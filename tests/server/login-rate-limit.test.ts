/**
 * Logins per client address are limited (30 attempts in 15 minutes) besides the lockout of an
 * account: someone trying many accounts from one address is slowed down too.
 */
import { describe, expect, it } from 'vitest';
import { LoginRateLimit } from '../../src/server/security.ts';

describe('login rate limit', () => {
  it('refuses the 31st attempt from one address within 15 minutes, not another address, and forgets after the window', () => {
    const limit = new LoginRateLimit();
    const t0 = Date.UTC(2026, 11, 2, 2, 0);
    for (let i = 0; i < 30; i++) expect(limit.allow('203.0.113.7', t0 + i * 1000)).toBe(true);
    expect(limit.allow('203.0.113.7', t0 + 31_000)).toBe(false);
    expect(limit.allow('198.51.100.2', t0 + 31_000)).toBe(true);
    expect(limit.allow('203.0.113.7', t0 + 15 * 60_000 + 1000)).toBe(true);
  });
});
