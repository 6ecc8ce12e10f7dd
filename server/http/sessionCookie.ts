import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/**
 * Browsers keep one session per workspace in its own cookie, so one person can be in several partnerships.
 * HttpOnly (scripts cannot read it), SameSite=Strict (no other site can make the browser send it).
 */
export const sessionCookieName = (workspaceId: string): string => `sv_${workspaceId}`

/** Chrome caps cookie lifetimes at 400 days; a session itself lasts until the member is removed. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60

/** Every session cookie, workspace or account: for the whole site, never readable by scripts or other sites. */
const sessionOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'Strict', secure, path: '/' }) as const

export const setSessionCookie = (c: Context, workspaceId: string, token: string, secure: boolean): void => {
  setCookie(c, sessionCookieName(workspaceId), token, { ...sessionOptions(secure), maxAge: MAX_AGE_SECONDS })
}

export const clearSessionCookie = (c: Context, workspaceId: string, secure: boolean): void => {
  deleteCookie(c, sessionCookieName(workspaceId), sessionOptions(secure))
}

/** The session token a request carries for a workspace: `Authorization: Bearer`, else that workspace's cookie. */
export const sessionTokenOf = (c: Context, workspaceId: string | null): string | null => {
  const header = c.req.header('authorization')
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    return match?.[1] ?? ''
  }
  if (workspaceId === null) return null
  return getCookie(c, sessionCookieName(workspaceId)) ?? null
}

/** A browser signed in with an organisation account: one cookie for the person, beside the workspace ones. */
export const ACCOUNT_COOKIE = 'sv_account'

export const setAccountCookie = (c: Context, token: string, secure: boolean, maxAgeSeconds: number): void => {
  setCookie(c, ACCOUNT_COOKIE, token, { ...sessionOptions(secure), maxAge: maxAgeSeconds })
}

export const clearAccountCookie = (c: Context, secure: boolean): void => {
  deleteCookie(c, ACCOUNT_COOKIE, sessionOptions(secure))
}

/** The account session token a request carries (never with `Authorization`: that names its own session). */
export const accountTokenOf = (c: Context): string | null =>
  c.req.header('authorization') === undefined ? (getCookie(c, ACCOUNT_COOKIE) ?? null) : null
