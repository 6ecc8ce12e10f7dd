/** Headers about this one response or its connection, not about how the page may behave. */
const OWN_TO_THE_RESPONSE = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'etag',
  'keep-alive',
  'last-modified',
  'transfer-encoding',
  'vary',
])

/**
 * The response headers the floor page is served with: those of the document page itself (its security policy
 * among them), so that both pages are loaded on the same terms, with the floor's sync socket allowed where
 * the document page's `connect-src 'self'` would refuse it (the floor page is served from a port of its own).
 *
 * `Cross-Origin-Opener-Policy: same-origin` is the one that shows: the browser loads such a page in a new
 * browsing context group, so in a renderer process and a JavaScript context of its own, ~150 ms of a 4×
 * throttled phone. A page of this product always pays it; a floor page without it was not a floor it can reach.
 */
export const floorHeaders = (documentPage: Headers, syncOrigin: string): Record<string, string> => {
  const headers: Record<string, string> = {}
  documentPage.forEach((value, name) => {
    if (OWN_TO_THE_RESPONSE.has(name)) return
    headers[name] =
      name === 'content-security-policy'
        ? value
            .split(';')
            .map((directive) =>
              directive.trim().startsWith('connect-src ')
                ? `${directive.trimEnd()} ${syncOrigin}`
                : directive,
            )
            .join(';')
        : value
  })
  return headers
}
