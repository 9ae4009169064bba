/**
 * Login through the hosting unit's OpenID Connect provider (optional; settings in
 * `src/schemas/oidc-settings.ts`): the authorization-code flow with PKCE (S256), a `state` and a
 * `nonce` per attempt, and the ID token's signature checked against the provider's JWKS (with
 * `openid-client`, a certified relying-party library; its issuer, audience, expiry and nonce
 * checks come with it).
 *
 * The provider only says who the person is. The claim chosen in the settings must equal the
 * e-mail (or login) of an account the host created: nothing is created from the provider, and
 * an account that is disabled or locked stays so. The attempt's secrets stay in this process,
 * behind a random handle in a short-lived cookie, and each can be used once.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcSettings } from '../schemas/oidc-settings.ts';

/** An attempt must come back from the provider within this time. */
const ATTEMPT_MS = 10 * 60_000;

interface Attempt {
  state: string;
  nonce: string;
  verifier: string;
  expires: number;
}

/** Why a login through the provider was refused. */
export type OidcRefusal =
  /** No attempt for this browser (cookie missing, used or expired). */
  | { reason: 'expired' }
  /** The `state` returned is not the attempt's (a forged or replayed callback). */
  | { reason: 'state' }
  /** The provider answered with an error, or its token failed a check (signature, nonce, issuer…). */
  | { reason: 'provider'; detail: string }
  /** The ID token has no usable value for the claim, or an e-mail that is not verified. */
  | { reason: 'claim'; detail: string };

export class OidcLogin {
  readonly settings: OidcSettings;
  private readonly redirectUri: () => string;
  private config: Promise<client.Configuration> | undefined;
  private readonly attempts = new Map<string, Attempt>();

  constructor(settings: OidcSettings, redirectUri: () => string) {
    this.settings = settings;
    this.redirectUri = redirectUri;
  }

  /** The provider's metadata, read once at the first login (the server starts even when the provider is down). */
  private configuration(): Promise<client.Configuration> {
    const local = !this.settings.issuer.startsWith('https://');
    this.config ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, client.ClientSecretBasic(this.settings.clientSecret), {
        // Plain HTTP only for a provider on this machine (the schema refuses any other).
        execute: [...(local ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
      })
      .catch((err: unknown) => {
        this.config = undefined;
        throw err;
      });
    return this.config;
  }

  /** Starts an attempt: the provider's address to send the browser to, and the handle for its cookie. */
  async start(now = Date.now()): Promise<{ url: string; handle: string }> {
    const config = await this.configuration();
    for (const [k, a] of this.attempts) if (a.expires < now) this.attempts.delete(k);
    // Bounded: a flood of unfinished attempts cannot fill the memory.
    if (this.attempts.size >= 10_000) this.attempts.delete(this.attempts.keys().next().value!);
    const attempt: Attempt = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expires: now + ATTEMPT_MS,
    };
    const handle = randomBytes(24).toString('base64url');
    this.attempts.set(handle, attempt);
    const scope = this.settings.scope.split(' ').includes('openid') ? this.settings.scope : `openid ${this.settings.scope}`;
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, handle };
  }

  /** Finishes the attempt of `handle` with the provider's answer: the claim's value, or why not. */
  async finish(handle: string | undefined, callback: URL, now = Date.now()): Promise<{ value: string } | OidcRefusal> {
    const attempt = handle === undefined ? undefined : this.attempts.get(handle);
    if (handle !== undefined) this.attempts.delete(handle);
    if (!attempt || attempt.expires < now) return { reason: 'expired' };
    if (callback.searchParams.get('state') !== attempt.state) return { reason: 'state' };
    let claims: client.IDToken | undefined;
    try {
      const config = await this.configuration();
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      return { reason: 'provider', detail: err instanceof Error ? err.message : String(err) };
    }
    const value = claims?.[this.settings.claim];
    if (typeof value !== 'string' || value.trim() === '') return { reason: 'claim', detail: `no ${this.settings.claim}` };
    // An address the provider has not verified could be anyone's.
    if (this.settings.claim === 'email' && claims?.email_verified !== true) return { reason: 'claim', detail: 'email not verified' };
    return { value: value.trim().toLowerCase() };
  }
}
