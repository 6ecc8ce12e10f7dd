/**
 * The app's pages as both sides know them: the path (`:name` segments) and the client module that draws it
 * (its path under `client/`, as the build's manifest names it). The client routes by this table; the server
 * names each page's code in the HTML it sends for that page, so a phone fetches it while it parses the page.
 */
export const pageRoutes = [
  { path: '/', module: 'src/features/start/StartPage.tsx' },
  { path: '/join', module: 'src/features/join/JoinPage.tsx' },
  { path: '/w/:workspaceId', module: 'src/features/workspace/WorkspacePage.tsx' },
  { path: '/w/:workspaceId/d/:documentId', module: 'src/features/document/DocumentPage.tsx' },
  { path: '/w/:workspaceId/skarm', module: 'src/features/screen/ScreenPage.tsx' },
  { path: '/w/:workspaceId/cafe/:documentId', module: 'src/features/cafe/CafePage.tsx' },
  { path: '/w/:workspaceId/cafe/:documentId/skarm', module: 'src/features/cafe/CafePage.tsx' },
  { path: '/tillganglighet', module: 'src/features/accessibility/StatementPage.tsx' },
] as const

export type PageRoute = (typeof pageRoutes)[number]
export type PagePath = PageRoute['path']

/**
 * The parameters of `pathname` under a route `path` (`:name` segments), or null when it is not that route —
 * or when a segment is not valid percent-encoding (a mangled link must not stop the app from starting).
 */
export const matchPath = (path: string, pathname: string): Record<string, string> | null => {
  const want = path.split('/').filter(Boolean)
  const have = pathname.split('/').filter(Boolean)
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (const [i, segment] of want.entries()) {
    const actual = have[i]!
    if (!segment.startsWith(':')) {
      if (segment !== actual) return null
      continue
    }
    try {
      params[segment.slice(1)] = decodeURIComponent(actual)
    } catch {
      return null
    }
  }
  return params
}

/** The page at `pathname` and its parameters, or null for a path that is no page. */
export const pageAt = (
  pathname: string,
): { readonly route: PageRoute; readonly params: Record<string, string> } | null => {
  for (const route of pageRoutes) {
    const params = matchPath(route.path, pathname)
    if (params !== null) return { route, params }
  }
  return null
}
