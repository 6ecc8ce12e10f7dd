import { lazy } from 'solid-js'

/** A page of the app: its route, its code (loaded when first needed), and what it loads before it renders. */
interface Page {
  readonly path: string
  readonly component: ReturnType<typeof lazy>
  /** Starts the page's own requests early; given the route's parameters. */
  readonly preloadData?: (params: Readonly<Record<string, string>>) => void
}

const documentData = (params: Readonly<Record<string, string>>) => {
  const { workspaceId, documentId } = params
  if (workspaceId === undefined || documentId === undefined) return
  void import('../features/document/loadDocumentRoute').then((module) =>
    module.preloadDocumentRoute(workspaceId, documentId),
  )
}

export const pages: readonly Page[] = [
  { path: '/', component: lazy(() => import('../features/start/StartPage')) },
  { path: '/join', component: lazy(() => import('../features/join/JoinPage')) },
  { path: '/w/:workspaceId', component: lazy(() => import('../features/workspace/WorkspacePage')) },
  {
    path: '/w/:workspaceId/d/:documentId',
    component: lazy(() => import('../features/document/DocumentPage')),
    preloadData: documentData,
  },
  { path: '/w/:workspaceId/skarm', component: lazy(() => import('../features/screen/ScreenPage')) },
  {
    path: '/w/:workspaceId/cafe/:documentId',
    component: lazy(() => import('../features/cafe/CafePage')),
    preloadData: documentData,
  },
  {
    path: '/w/:workspaceId/cafe/:documentId/skarm',
    component: lazy(() =>
      import('../features/cafe/CafePage').then((module) => ({ default: module.CafeScreenPage })),
    ),
    preloadData: documentData,
  },
  { path: '/tillganglighet', component: lazy(() => import('../features/accessibility/StatementPage')) },
]

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

/**
 * Starts fetching the code and the data of the page at `pathname` at once, at start-up: otherwise the page's
 * code is requested only once the app has rendered, and its data only once that code has run — on a phone,
 * a wait of several hundred milliseconds before the first field can be typed in.
 */
export const preloadPage = (pathname: string): void => {
  for (const page of pages) {
    const params = matchPath(page.path, pathname)
    if (params === null) continue
    void page.component.preload()
    page.preloadData?.(params)
    return
  }
}
