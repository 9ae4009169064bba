/**
 * Login through the hosting unit's OpenID Connect provider (issue 19), against a tiny real
 * provider on 127.0.0.1 (metadata, JWKS, token endpoint, RS256-signed ID token): a person whose
 * verified e-mail is an account's logs in; a callback with another state, a token with another
 * nonce or signed by another key, a replayed callback, an unverified e-mail and a person without
 * an account are refused, and no account is ever created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOidcSettings, startProvider, type TestProvider } from './oidc-provider.ts';
import { startTestHost, type TestHost } from './server-host.ts';

let host: TestHost;
let provider: TestProvider;
let base: string;

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** The browser's trip: the server → the provider → back to the server's callback. */
async function oidcLogin(tamperCallback?: (url: URL) => void) {
  const start = await fetch(`${base}/login/oidc`, { redirect: 'manual' });
  expect(start.status).toBe(303);
  const attempt = cookieOf(start, 'ct_oidc')!;
  expect(start.headers.getSetCookie().join()).toContain('SameSite=Lax');
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/login/oidc/callback`);
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location')!);
  tamperCallback?.(callback);
  const res = await fetch(callback, { headers: { Cookie: attempt }, redirect: 'manual' });
  return { res, html: await res.text(), session: cookieOf(res, 'ct_session'), attempt, callback };
}

beforeAll(async () => {
  provider = await startProvider();
  host = await startTestHost('2026-12-02T09:00', undefined, {
    oidc: hostOidcSettings(provider),
  });
  base = host.server.url;
}, 300_000);

afterAll(async () => {
  await host?.close();
  await provider?.close();
});

describe('login through the host’s OpenID Connect provider', () => {
  it('offers it on the login page', async () => {
    expect(await (await fetch(`${base}/login`)).text()).toContain(
      '<a href="/login/oidc">Đăng nhập bằng tài khoản Sở GD&amp;ĐT Thử Nghiệm</a>',
    );
  });

  it('logs in the person whose verified e-mail is an account’s, into their school', async () => {
    provider.user = { sub: 'u-1', email: 'Alpha@ThuNghiem.edu.vn', email_verified: true };
    const { res, session, html } = await oidcLogin();
    expect(res.status).toBe(200);
    expect(html).toContain('url=/s/alpha/');
    expect(session).toBeDefined();
    const dashboard = await fetch(`${base}/s/alpha/`, { headers: { Cookie: session! } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('Trần Thị Alpha (biên tập viên trường alpha)');
    expect(provider.refused).toEqual([]);
  });

  it('refuses a callback whose state is not the attempt’s', async () => {
    provider.user = { sub: 'u-1', email: 'alpha@thunghiem.edu.vn', email_verified: true };
    const { res, session, html } = await oidcLogin((u) => u.searchParams.set('state', 'state-cua-ke-gian'));
    expect(res.status).toBe(403);
    expect(session).toBeUndefined();
    expect(html).toContain('Đăng nhập qua Sở GD&amp;ĐT Thử Nghiệm không hoàn tất');
  });

  it('refuses an ID token with another nonce', async () => {
    provider.user = { sub: 'u-1', email: 'alpha@thunghiem.edu.vn', email_verified: true };
    provider.tamper = { nonce: 'nonce-khac' };
    try {
      const { res, session, html } = await oidcLogin();
      expect(res.status).toBe(403);
      expect(session).toBeUndefined();
      expect(html).toContain('Không xác thực được lần đăng nhập qua Sở GD&amp;ĐT Thử Nghiệm');
    } finally {
      provider.tamper = {};
    }
  });

  it('refuses an ID token signed with a key that is not the provider’s', async () => {
    provider.user = { sub: 'u-1', email: 'alpha@thunghiem.edu.vn', email_verified: true };
    provider.tamper = { otherKey: true };
    try {
      const { res, session } = await oidcLogin();
      expect(res.status).toBe(403);
      expect(session).toBeUndefined();
    } finally {
      provider.tamper = {};
    }
  });

  it('refuses the same callback twice, and a callback without the attempt’s cookie', async () => {
    provider.user = { sub: 'u-1', email: 'alpha@thunghiem.edu.vn', email_verified: true };
    const first = await oidcLogin();
    expect(first.res.status).toBe(200);
    const again = await fetch(first.callback, { headers: { Cookie: first.attempt }, redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(cookieOf(again, 'ct_session')).toBeUndefined();
    const start = await fetch(`${base}/login/oidc`, { redirect: 'manual' });
    const back = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const noCookie = await fetch(back.headers.get('location')!, { redirect: 'manual' });
    expect(noCookie.status).toBe(403);
  });

  it('refuses a person without an account, and creates none', async () => {
    const before = host.server.db.users().length;
    provider.user = { sub: 'u-9', email: 'khach@thunghiem.edu.vn', email_verified: true };
    const { res, session, html } = await oidcLogin();
    expect(res.status).toBe(403);
    expect(session).toBeUndefined();
    expect(html).toContain('khach@thunghiem.edu.vn (Sở GD&amp;ĐT Thử Nghiệm) chưa được gắn với tài khoản nào trên máy chủ soạn bài');
    expect(host.server.db.users().length).toBe(before);
    expect(host.server.db.users().some((u) => u.email === 'khach@thunghiem.edu.vn')).toBe(false);
  });

  it('refuses an e-mail the provider has not verified, and a disabled account', async () => {
    provider.user = { sub: 'u-1', email: 'alpha@thunghiem.edu.vn', email_verified: false };
    expect((await oidcLogin()).res.status).toBe(403);
    host.server.db.setDisabled('gv.beta', true);
    provider.user = { sub: 'u-2', email: 'beta@thunghiem.edu.vn', email_verified: true };
    const disabled = await oidcLogin();
    expect(disabled.res.status).toBe(403);
    expect(disabled.html).toContain('đang bị khoá');
  });
});
