import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * The address a request came from, for rate limits: the socket's peer, or — behind a reverse proxy the
 * operator trusts (TRUST_PROXY) — the first address of X-Forwarded-For.
 */
export const clientAddress = (c: Context, trustProxy: boolean): string => {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return incoming?.socket.remoteAddress ?? 'unknown'
}
