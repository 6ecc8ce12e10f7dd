import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../errors/ApiError'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * Refuses a write the browser sent on another site's behalf. A session cookie is SameSite=Strict, but a
 * request that carries no `Authorization` header may still be answered on the strength of one (or be a join
 * that sets one), so such a write must come from the app's own origin: its `Origin` is this server's (the
 * request's host, or PUBLIC_URL) and its `Sec-Fetch-Site`, when sent, is `same-origin` (or `none`, typed in
 * by the person). Scripts that send neither header, and every bearer-token request, are unaffected.
 */
export const sameSiteWrites = ({ publicUrl }: { readonly publicUrl: string | null }): MiddlewareHandler => {
  const configured = publicUrl === null ? null : originOf(publicUrl)
  return async function sameSiteWrites(c, next) {
    if (READS.has(c.req.method) || c.req.header('authorization') !== undefined) return next()
    const fetchSite = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const own = new Set([originOf(c.req.url), configured])
    const host = c.req.header('host')
    if (host !== undefined) {
      own.add(`http://${host}`)
      own.add(`https://${host}`)
    }
    const crossSite =
      (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') ||
      (origin !== undefined && !own.has(origin))
    if (crossSite) {
      throw new ApiError(
        'forbidden',
        'a write from another site is refused (send it from this app, or with a bearer token)',
      )
    }
    return next()
  }
}
