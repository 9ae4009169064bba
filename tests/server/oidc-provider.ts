/**
 * A tiny OpenID Connect provider for the tests, on 127.0.0.1: issuer metadata, a JWKS, an
 * authorization endpoint that signs the person in at once (the test says who), and a token
 * endpoint that checks the client's secret, the code, the redirect address and the PKCE
 * verifier, then returns an RS256-signed ID token. `tamper` makes it misbehave as an attacker
 * or a broken provider would.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OidcSettings } from '../../src/schemas/oidc-settings.ts';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims of the next person to sign in (besides iss, sub, aud, exp, iat, nonce). */
  user: Record<string, unknown>;
  tamper: { nonce?: string; otherKey?: boolean };
  /** Token requests refused (wrong secret, code, verifier…), to see that the server behaved. */
  refused: string[];
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function jwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

export async function startProvider(): Promise<TestProvider> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Not in the JWKS: a token signed with it is a forgery.
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map<string, { redirectUri: string; challenge: string; nonce: string; user: Record<string, unknown> }>();
  const clientId = 'congtruong-soanbai';
  const clientSecret = randomBytes(16).toString('hex');
  const provider: Omit<TestProvider, 'close' | 'issuer'> = { clientId, clientSecret, user: {}, tamper: {}, refused: [] };
  let issuer = '';
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(res, 200, { keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    }
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        redirectUri: q.get('redirect_uri')!,
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce')!,
        user: provider.user,
      });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state')!);
      back.searchParams.set('iss', issuer);
      res.writeHead(302, { Location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
          .toString('utf8')
          .split(':')
          .map((s) => decodeURIComponent(s));
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const refuse = (why: string) => (provider.refused.push(why), json(res, 400, { error: 'invalid_grant', error_description: why }));
        if (id !== clientId || secret !== clientSecret) return refuse('client');
        if (!grant || form.get('grant_type') !== 'authorization_code') return refuse('code');
        if (form.get('redirect_uri') !== grant.redirectUri) return refuse('redirect_uri');
        if (
          b64url(
            createHash('sha256')
              .update(form.get('code_verifier') ?? '')
              .digest(),
          ) !== grant.challenge
        )
          return refuse('pkce');
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: issuer, aud: clientId, iat: now, exp: now + 300, nonce: provider.tamper.nonce ?? grant.nonce, ...grant.user };
        const idToken = jwt(claims, provider.tamper.otherKey ? other.privateKey : keys.privateKey, 'k1');
        json(res, 200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(provider as TestProvider, {
    issuer,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  });
}

/** The server's settings for this provider, as a hosting unit writes them (`serve --oidc FILE`). */
export function hostOidcSettings(provider: TestProvider): OidcSettings {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    label: 'Sở GD&ĐT Thử Nghiệm',
    claim: 'email',
    matchAccount: 'email',
    scope: 'openid email',
  };
}
