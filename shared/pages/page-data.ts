import { pathOf } from '../api/route-contract'
import * as workspaceApi from '../api/workspace-routes'
import { EntityId } from '../schema/entity-id'
import type { PagePath } from './page-routes'

/**
 * The API paths a page requests before it can draw (a document page: the document's registry entry and its
 * workspace), for its route's parameters; none when a parameter is not a valid id. The server names them in
 * the page's HTML, so that a phone asks for them while it is still fetching the page's code, not once that code
 * has run. The client asks for the same contracts at start-up, for the same routes (the `preloadData` of
 * client/src/app/pages.ts, through loadDocumentRoute), and its fetches take the preloaded answers: a route
 * added here and not there would have the browser fetch an answer nobody reads.
 */
export const pageDataPaths = (path: PagePath, params: Readonly<Record<string, string>>): string[] => {
  switch (path) {
    case '/w/:workspaceId/d/:documentId':
    case '/w/:workspaceId/cafe/:documentId':
    case '/w/:workspaceId/cafe/:documentId/skarm': {
      const workspaceId = EntityId.safeParse(params.workspaceId)
      const documentId = EntityId.safeParse(params.documentId)
      if (!workspaceId.success || !documentId.success) return []
      return [
        pathOf(workspaceApi.getDocument, { documentId: documentId.data }),
        pathOf(workspaceApi.getWorkspace, { workspaceId: workspaceId.data }),
      ]
    }
    default:
      return []
  }
}
