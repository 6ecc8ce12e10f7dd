import { lazy } from 'solid-js'
import { type PagePath, pageAt, pageRoutes } from '../../../shared/pages/page-routes'
import { preloadDocumentRoute } from '../features/document/loadDocumentRoute'
import { openSyncSocketEarly } from '../sync/earlySyncSocket'
import { syncServerUrl } from '../sync/syncServerUrl'

/** A page of the app: its route, its code (loaded when first needed), and what it loads before it renders. */
interface Page {
  readonly path: PagePath
  readonly component: ReturnType<typeof lazy>
  /** Starts the page's own requests early; given the route's parameters. Settles when they have. */
  readonly preloadData?: (params: Readonly<Record<string, string>>) => Promise<unknown>
}

const documentData = async (params: Readonly<Record<string, string>>) => {
  const { workspaceId, documentId } = params
  if (workspaceId !== undefined && documentId !== undefined)
    await preloadDocumentRoute(workspaceId, documentId)
}

/**
 * The document page also opens the document's socket, so that its text arrives while the page's code runs and
 * the sheet is first drawn with it.
 */
const documentPageData = async (params: Readonly<Record<string, string>>) => {
  const { documentId } = params
  await Promise.all([
    documentData(params),
    documentId === undefined ? undefined : openSyncSocketEarly(`${syncServerUrl()}/${documentId}`),
  ])
}

/** Each page's code, by its path in the shared table (which names the module the server preloads). */
const code: Record<PagePath, Omit<Page, 'path'>> = {
  '/': { component: lazy(() => import('../features/start/StartPage')) },
  '/join': { component: lazy(() => import('../features/join/JoinPage')) },
  '/w/:workspaceId': { component: lazy(() => import('../features/workspace/WorkspacePage')) },
  '/w/:workspaceId/d/:documentId': {
    component: lazy(() => import('../features/document/DocumentPage')),
    preloadData: documentPageData,
  },
  '/w/:workspaceId/skarm': { component: lazy(() => import('../features/screen/ScreenPage')) },
  '/w/:workspaceId/cafe/:documentId': {
    component: lazy(() => import('../features/cafe/CafePage')),
    preloadData: documentData,
  },
  '/w/:workspaceId/cafe/:documentId/skarm': {
    component: lazy(() =>
      import('../features/cafe/CafePage').then((module) => ({ default: module.CafeScreenPage })),
    ),
    preloadData: documentData,
  },
  '/tillganglighet': { component: lazy(() => import('../features/accessibility/StatementPage')) },
}

export const pages: readonly Page[] = pageRoutes.map((route) => ({ path: route.path, ...code[route.path] }))

/**
 * Starts fetching the code and the data of the page at `pathname` at once, at start-up: otherwise the page's
 * code is requested only once the app has rendered, and its data only once that code has run — on a phone,
 * a wait of several hundred milliseconds before the first field can be typed in. Settles (never rejects) when
 * both have arrived or failed; the page itself reports a failure when it renders.
 */
export const preloadPage = async (pathname: string): Promise<void> => {
  const found = pageAt(pathname)
  if (found === null) return
  const page = code[found.route.path]
  await Promise.allSettled([page.component.preload(), page.preloadData?.(found.params)])
}
