import type { WebsocketProvider } from 'y-websocket'
import { readDocumentStatus, SERVER_STATUS_CLIENT } from '../../shared/protocol/document-status'
import type { DocumentFreeze } from '../../shared/schema/document-record'

/**
 * Records each document status a provider hears, as any Yjs client hears it: the awareness state of the
 * reserved server client (the client app reads it the same way).
 */
export const statusWatcher = (provider: WebsocketProvider) => {
  const seen: (DocumentFreeze | null)[] = []
  /** Each distinct `versions` stamp heard, in order. */
  const versionStamps: number[] = []
  provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (!added.includes(SERVER_STATUS_CLIENT) && !updated.includes(SERVER_STATUS_CLIENT)) return
    const status = readDocumentStatus(provider.awareness.getStates().get(SERVER_STATUS_CLIENT))
    if (status === null) return
    seen.push(status.frozen)
    if (status.versions !== undefined && status.versions !== versionStamps.at(-1))
      versionStamps.push(status.versions)
  })
  return { seen, last: () => seen.at(-1), versionStamps }
}
