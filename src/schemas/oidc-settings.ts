/**
 * Login through the hosting unit's OpenID Connect provider (optional): the settings file that
 * `congtruong serve --oidc <file>` reads (YAML). Keep it readable by the service's user only: it
 * holds the client secret.
 *
 * Maintenance: a new field here is also described in docs/hosting.md ("OpenID Connect").
 *
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 */
import { z } from 'zod';

export const oidcSettingsSchema = z.strictObject({
  /**
   * The provider's issuer identifier, e.g. `https://sso.hanoi.edu.vn/realms/pgd`. Its metadata is
   * read from `<issuer>/.well-known/openid-configuration` at the first login. Must be HTTPS,
   * except on the machine itself (`http://127.0.0.1…`, `http://localhost…`).
   */
  issuer: z
    .url()
    .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'issuer-must-be-https'),
  /** The client id the provider gave this server. */
  clientId: z.string().min(1),
  /** The client secret (sent to the token endpoint with HTTP Basic authentication). */
  clientSecret: z.string().min(1),
  /** Who the provider is, as shown on the login button: "Đăng nhập bằng tài khoản {label}". Default `của đơn vị chủ quản`. */
  label: z.string().trim().min(2).max(80).default('của đơn vị chủ quản'),
  /** The ID token claim that names the person. Default `email` (then `email_verified` must be true). */
  claim: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/)
    .default('email'),
  /**
   * Which field of a local account the claim must equal (case-insensitive): `email` or `login`.
   * Default `email`. Accounts are never created from the provider: the host creates them first.
   */
  matchAccount: z.enum(['email', 'login']).default('email'),
  /** Scopes asked for. Default `openid email profile`; `openid` is always included. */
  scope: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/)
    .default('openid email profile'),
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;
export type OidcSettingsInput = z.input<typeof oidcSettingsSchema>;
