import type { Context, Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SIGN_IN_CALLBACK_PATH, SIGN_IN_PATH } from '../../shared/api/account-routes'
import { ACCOUNT_SESSION_MS, type AccountSessions } from '../auth/AccountSessions'
import { LoginTransaction, type OidcClient, SignInError } from '../auth/OidcClient'
import type { Logger } from '../logger'
import { setAccountCookie } from './sessionCookie'

/** The sign-in in progress: state, nonce, PKCE verifier and where to return, only for the callback's path. */
const LOGIN_COOKIE = 'sv_login'
const LOGIN_MAX_AGE_SECONDS = 10 * 60

export interface SignInRoutesOptions {
  readonly oidc: Pick<OidcClient, 'start' | 'finish'>
  readonly sessions: Pick<AccountSessions, 'signIn'>
  readonly publicUrl: string | null
  readonly logger: Logger
}

/** The origin the browser is on, which the provider must know (PUBLIC_URL, else the request's own). */
export const siteOrigin = (c: Context, publicUrl: string | null): string =>
  publicUrl ?? new URL(c.req.url).origin

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** A sign-in that failed, as a page a person can act on (Swedish first), never the provider's raw error. */
const failurePage = (c: Context, status: 400 | 502, sv: string, en: string) =>
  c.html(
    `<!doctype html><html lang="sv"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Inloggningen misslyckades – Samverkstad</title>
<main style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;font-size:1.125rem;line-height:1.5">
<h1>Inloggningen misslyckades</h1><p>${escapeHtml(sv)}</p>
<p lang="en">Sign-in failed: ${escapeHtml(en)}</p>
<p><a href="/">Till startsidan / To the start page</a></p></main></html>`,
    status,
    { 'cache-control': 'no-store' },
  )

const readTransaction = (raw: string | undefined): LoginTransaction | null => {
  if (raw === undefined) return null
  try {
    const parsed = LoginTransaction.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * `GET /auth/login` sends the browser to the organisation's identity provider; `GET /auth/callback` is where
 * it comes back: the code is exchanged and the ID token checked (OidcClient), a session is opened for the
 * person (an HttpOnly, SameSite=Strict cookie, Secure on https) and the browser returns where it started.
 */
export const mountSignInRoutes = (app: Hono, { oidc, sessions, publicUrl, logger }: SignInRoutesOptions) => {
  app.get(SIGN_IN_PATH, async (c) => {
    const origin = siteOrigin(c, publicUrl)
    let started: Awaited<ReturnType<typeof oidc.start>>
    try {
      started = await oidc.start(`${origin}${SIGN_IN_CALLBACK_PATH}`, c.req.query('returnTo') ?? '/')
    } catch (error) {
      logger.error({ err: error }, 'sign-in could not start')
      return failurePage(
        c,
        502,
        'Identitetstjänsten svarar inte just nu. Försök igen om en stund, eller använd din inbjudningslänk.',
        'the identity provider does not answer right now. Try again shortly, or use your invite link.',
      )
    }
    // Lax, not Strict: the provider sends the browser back with a top-level navigation from its own site.
    setCookie(c, LOGIN_COOKIE, Buffer.from(JSON.stringify(started.transaction)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: origin.startsWith('https:'),
      path: SIGN_IN_CALLBACK_PATH,
      maxAge: LOGIN_MAX_AGE_SECONDS,
    })
    c.header('cache-control', 'no-store')
    return c.redirect(started.url.toString(), 302)
  })

  app.get(SIGN_IN_CALLBACK_PATH, async (c) => {
    const origin = siteOrigin(c, publicUrl)
    const secure = origin.startsWith('https:')
    const transaction = readTransaction(getCookie(c, LOGIN_COOKIE))
    // One use only: whatever happens next, this sign-in attempt is over.
    deleteCookie(c, LOGIN_COOKIE, { path: SIGN_IN_CALLBACK_PATH, secure, httpOnly: true, sameSite: 'Lax' })
    if (transaction === null) {
      logger.warn('sign-in callback without a sign-in in progress')
      return failurePage(
        c,
        400,
        'Inloggningen hann gå ut eller påbörjades i en annan webbläsare. Börja om från startsidan.',
        'the sign-in expired or began in another browser. Start again from the start page.',
      )
    }
    const callbackUrl = new URL(`${origin}${SIGN_IN_CALLBACK_PATH}${new URL(c.req.url).search}`)
    const providerError = callbackUrl.searchParams.get('error')
    if (providerError !== null) {
      // The person cancelled, or the provider would not sign them in to this service (access_denied, …).
      logger.warn({ error: providerError.slice(0, 100) }, 'the identity provider did not sign the person in')
      return failurePage(
        c,
        400,
        'Inloggningen avbröts eller nekades av identitetstjänsten. Du kan försöka igen, eller använda din inbjudningslänk.',
        'the sign-in was cancelled or refused by the identity provider. Try again, or use your invite link.',
      )
    }
    try {
      const { identity, idToken } = await oidc.finish(callbackUrl, transaction)
      setAccountCookie(c, await sessions.signIn(identity, idToken), secure, ACCOUNT_SESSION_MS / 1000)
      logger.info(
        { issuer: identity.issuer, subject: identity.subject },
        'signed in with an organisation account',
      )
      c.header('cache-control', 'no-store')
      return c.redirect(transaction.returnTo, 302)
    } catch (error) {
      if (!(error instanceof SignInError)) throw error
      logger.warn({ err: error }, 'sign-in refused')
      return error.reason === 'unavailable'
        ? failurePage(
            c,
            502,
            'Identitetstjänsten svarar inte just nu. Försök igen om en stund.',
            'the identity provider does not answer right now. Try again shortly.',
          )
        : failurePage(
            c,
            400,
            'Svaret från identitetstjänsten kunde inte godtas (det kan ha använts redan eller ändrats på vägen). Börja om från startsidan.',
            'the identity provider’s answer could not be accepted (it may have been used already or altered on the way). Start again from the start page.',
          )
    }
  })
}
