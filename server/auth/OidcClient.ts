import * as oidc from 'openid-client'
import { z } from 'zod'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import type { OidcSettings } from '../config'

/**
 * What the browser keeps between leaving for the provider and coming back (in a short-lived HttpOnly cookie):
 * the checks the callback must pass and the page to return to.
 */
export const LoginTransaction = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  returnTo: z.string().max(2000),
})
export type LoginTransaction = z.infer<typeof LoginTransaction>

/** A sign-in that cannot be completed: the provider refused, or an answer failed its checks. */
export class SignInError extends Error {
  override readonly name = 'SignInError'
  constructor(
    message: string,
    /** `unavailable`: the provider could not be reached; `refused`: anything else (a check failed). */
    readonly reason: 'unavailable' | 'refused',
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Only a same-site path may be returned to after sign-in: never another site (`//evil`, `https:`). */
export const safeReturnTo = (value: string | undefined): string =>
  value !== undefined && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 2000 ? value : '/'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The relying party: the authorization code flow with PKCE, `state` and `nonce`, through `openid-client`
 * (a certified relying-party library) — discovery from the issuer, the token request, the ID token's
 * signature (against the provider's JWKS), issuer, audience, expiry and nonce checks — and RP-initiated logout
 * where the provider has it.
 * Discovery happens on first use and is retried after a failure, so a provider that is down at start-up
 * does not keep sign-in off until a restart.
 */
export class OidcClient {
  private configuration: Promise<oidc.Configuration> | null = null

  constructor(private readonly settings: OidcSettings) {}

  private configure(): Promise<oidc.Configuration> {
    if (this.configuration !== null) return this.configuration
    const issuer = new URL(this.settings.issuer)
    // Plain http only for a provider on this machine (tests, a local Keycloak); anything else must be https.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname)
    // The ID token's signature is checked against the provider's published keys even though it comes straight
    // from the token endpoint (which OpenID Connect would let TLS vouch for): an approval records this
    // identity as a party's position, so it must rest on the provider's signature.
    const execute = [oidc.enableNonRepudiationChecks, ...(insecure ? [oidc.allowInsecureRequests] : [])]
    const attempt = oidc.discovery(
      issuer,
      this.settings.clientId,
      undefined,
      oidc.ClientSecretBasic(this.settings.clientSecret),
      { execute },
    )
    this.configuration = attempt
    attempt.catch(() => {
      if (this.configuration === attempt) this.configuration = null
    })
    return attempt
  }

  private async configured(): Promise<oidc.Configuration> {
    try {
      return await this.configure()
    } catch (error) {
      throw new SignInError(`the identity provider could not be reached: ${String(error)}`, 'unavailable', {
        cause: error,
      })
    }
  }

  /** Where to send the browser to sign in, and what it must bring back. */
  async start(redirectUri: string, returnTo: string): Promise<{ url: URL; transaction: LoginTransaction }> {
    const config = await this.configured()
    const transaction: LoginTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
    }
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
    })
    return { url, transaction }
  }

  /**
   * Completes a sign-in from the URL the provider sent the browser back to: checks `state`, exchanges the code
   * with the PKCE verifier, validates the ID token (and its `nonce`), and reads who signed in.
   */
  async finish(
    callbackUrl: URL,
    transaction: LoginTransaction,
  ): Promise<{ identity: VerifiedIdentity; idToken: string }> {
    const config = await this.configured()
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      })
    } catch (error) {
      throw new SignInError(`the sign-in was refused: ${describe(error)}`, 'refused', { cause: error })
    }
    const claims = tokens.claims()
    const idToken = tokens.id_token
    if (claims === undefined || idToken === undefined) {
      throw new SignInError('the provider sent no ID token', 'refused')
    }
    let name = this.nameFrom(claims)
    if (name === null && tokens.access_token !== undefined) {
      // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
      try {
        name = this.nameFrom(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub))
      } catch {
        name = null
      }
    }
    return { identity: { issuer: claims.iss, subject: claims.sub, name: name ?? claims.sub }, idToken }
  }

  private nameFrom(claims: Readonly<Record<string, unknown>>): string | null {
    for (const claim of this.settings.nameClaims) {
      const value = claims[claim]
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200)
    }
    return null
  }

  /** The provider's sign-out address for this session (RP-initiated logout), or null if it has none. */
  async logoutUrl(idToken: string, postLogoutRedirectUri: string): Promise<string | null> {
    let config: oidc.Configuration
    try {
      config = await this.configured()
    } catch {
      return null
    }
    if (config.serverMetadata().end_session_endpoint === undefined) return null
    return oidc
      .buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri })
      .toString()
  }
}

/** openid-client's errors carry the provider's `error` code and a message; both help an administrator. */
const describe = (error: unknown): string => {
  if (error instanceof Error) {
    const code = (error as { error?: unknown; code?: unknown }).error ?? (error as { code?: unknown }).code
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message
  }
  return String(error)
}
