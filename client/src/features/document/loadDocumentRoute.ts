import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import { call } from '../../api/api'

export interface DocumentRouteData {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
}

/** A load begun before the page asked for it (at start-up), kept for the page to take once. */
const early = new Map<string, { readonly at: number; readonly data: Promise<DocumentRouteData> }>()
/** Older than this, an early load is stale: the page loads afresh. */
const EARLY_FOR_MS = 10_000

const keyOf = (workspaceId: string, documentId: string) => `${workspaceId}/${documentId}`

const fetchDocumentRoute = async (workspaceId: string, documentId: string): Promise<DocumentRouteData> => {
  const [record, view] = await Promise.all([
    call(workspaceApi.getDocument, { params: { documentId } }),
    call(workspaceApi.getWorkspace, { params: { workspaceId } }),
  ])
  return { record, view }
}

/**
 * Starts loading a document page's registry entry and workspace while the page's own code is still on its
 * way, so that the two requests do not wait for it (a phone spends hundreds of milliseconds evaluating it).
 * Settles, never rejects, when they have arrived or failed: whoever takes the load handles its failure.
 */
export const preloadDocumentRoute = (workspaceId: string, documentId: string): Promise<void> => {
  const data = fetchDocumentRoute(workspaceId, documentId)
  early.set(keyOf(workspaceId, documentId), { at: Date.now(), data })
  return data.then(
    () => undefined,
    () => undefined,
  )
}

/** The document and its workspace: the early load when one is fresh, else a new one. An early load is used once. */
export const loadDocumentRoute = (workspaceId: string, documentId: string): Promise<DocumentRouteData> => {
  const key = keyOf(workspaceId, documentId)
  const pending = early.get(key)
  early.delete(key)
  return pending !== undefined && Date.now() - pending.at < EARLY_FOR_MS
    ? pending.data
    : fetchDocumentRoute(workspaceId, documentId)
}
