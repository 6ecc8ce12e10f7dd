import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { readDocumentStatus, SERVER_STATUS_CLIENT } from '../../../shared/protocol/document-status'
import { MessageType, SyncMessageType } from '../../../shared/protocol/message-type'
import { CloseCode } from '../../../shared/protocol/sync-error'
import type { DocumentFreeze } from '../../../shared/schema/document-record'
import { afterNextFrame } from '../ui/afterNextFrame'
import { handOverSyncSocket, SyncSocket } from './earlySyncSocket'
import { syncServerUrl } from './syncServerUrl'

/**
 * What the person is told about their edits. `saved` only once the server has confirmed it stored them;
 * `offline-dirty` when there are edits only this device has (kept in IndexedDB until the server has them).
 */
export type SyncStatus = 'connecting' | 'syncing' | 'saved' | 'offline' | 'offline-dirty' | 'no-access'

export interface RoomConnection {
  readonly provider: WebsocketProvider
  status(): SyncStatus
  /** Called whenever the status changes. */
  onStatus(listener: (status: SyncStatus) => void): () => void
  /** Whether the server has the document frozen for signing (it then applies nobody's edits). */
  frozen(): DocumentFreeze | null
  onFrozen(listener: (frozen: DocumentFreeze | null) => void): () => void
  /** Told whenever the server says the document's versions or approvals changed (DocumentStatus.versions). */
  onVersionsChanged(listener: () => void): () => void
  destroy(): void
}

export interface RoomConnectionOptions {
  readonly docId: string
  readonly doc: Y.Doc
  /** Keep the document in the browser (IndexedDB) for offline work. Off for shared screens. */
  readonly persist?: boolean
  readonly url?: string
  /** What the document record said when the page loaded; the server's status frames take over from there. */
  readonly frozen?: DocumentFreeze | null
}

const closesForGood: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  // This device sent content under another member's Yjs client id; resending it would be refused again.
  CloseCode.Conflict,
])

/**
 * Connects a Y.Doc to the server with the standard y-websocket provider (the session cookie authorises it),
 * keeps it in IndexedDB, and tracks an honest status. The acknowledgement uses only the standard protocol:
 * after local edits, a sync step 1 is sent; the server answers with step 2 only after everything it received
 * before is stored, so that answer confirms the edits.
 */
export const makeRoomConnection = ({
  docId,
  doc,
  persist = true,
  url = syncServerUrl(),
  frozen: initiallyFrozen = null,
}: RoomConnectionOptions): RoomConnection => {
  const idb = persist ? new IndexeddbPersistence(`samverkstad:${docId}`, doc) : null
  // The socket the page opened at start-up, if any (earlySyncSocket): y-websocket's URL is `${url}/${docId}`.
  const provider = new WebsocketProvider(url, docId, doc, {
    maxBackoffTime: 5_000,
    WebSocketPolyfill: SyncSocket,
    disableBc: true,
  })
  // Other tabs of this browser (y-websocket's BroadcastChannel) are joined once the page has drawn its first
  // frame: joining opens a channel and encodes the document and presence for them, on the way to the first
  // field a person can type in. A tab opened in the background draws no frame, so it joins when first shown.
  // Until it joins it hears every change through the server; joining exchanges the whole state with the other
  // tabs, so nothing typed meanwhile is missed (and each tab's IndexedDB keeps its own edits regardless).
  const cancelJoinTabs = afterNextFrame(() => {
    provider.disableBc = false
    if (provider.shouldConnect) provider.connectBc()
  })
  const listeners = new Set<(status: SyncStatus) => void>()
  let localVersion = 0
  let confirmedVersion = 0
  let probing: number | null = null
  let probeTimer: ReturnType<typeof setTimeout> | null = null
  let noAccess = false
  let everSynced = false
  let current: SyncStatus = 'connecting'
  let frozen = initiallyFrozen
  /** No status since this socket opened: the server announces one before its sync answer if frozen. */
  let statusSinceConnect = false
  const frozenListeners = new Set<(frozen: DocumentFreeze | null) => void>()
  const versionsListeners = new Set<() => void>()
  let versionsStamp: number | undefined
  const setFrozen = (next: DocumentFreeze | null) => {
    if (next?.at === frozen?.at) return
    frozen = next
    for (const listener of frozenListeners) listener(next)
  }
  // The status is the awareness state of a client id only the server writes (shared/protocol/document-status).
  const onAwareness = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }) => {
    if (added.includes(SERVER_STATUS_CLIENT) || updated.includes(SERVER_STATUS_CLIENT)) {
      const status = readDocumentStatus(provider.awareness.getStates().get(SERVER_STATUS_CLIENT))
      if (status === null) return
      statusSinceConnect = true
      setFrozen(status.frozen)
      if (status.versions !== undefined && status.versions !== versionsStamp) {
        // The first stamp a socket hears may predate this page's own fetch; listeners fetch again, harmlessly.
        versionsStamp = status.versions
        for (const listener of versionsListeners) listener()
      }
    } else if (removed.includes(SERVER_STATUS_CLIENT) && provider.wsconnected) {
      // Timed out while connected: the server renews a frozen status, so it is no longer frozen. (When the
      // socket closes the provider clears everyone's presence; that says nothing about the document.)
      setFrozen(null)
    }
  }
  provider.awareness.on('change', onAwareness)

  const compute = (): SyncStatus => {
    if (noAccess) return 'no-access'
    const dirty = localVersion > confirmedVersion
    if (!provider.wsconnected) {
      if (dirty) return 'offline-dirty'
      // The provider forgets it was synced when the socket closes; we remember, to say "offline", not "connecting".
      return everSynced || !navigator.onLine ? 'offline' : 'connecting'
    }
    if (!provider.synced) return 'syncing'
    return dirty ? 'syncing' : 'saved'
  }
  const update = () => {
    const next = compute()
    if (next === current) return
    current = next
    for (const listener of listeners) listener(next)
  }

  const probe = () => {
    probeTimer = null
    const ws = provider.ws
    if (
      ws === null ||
      ws.readyState !== WebSocket.OPEN ||
      !provider.synced ||
      localVersion === confirmedVersion
    )
      return
    probing = localVersion
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeSyncStep1(encoder, doc)
    ws.send(encoding.toUint8Array(encoder))
  }
  const scheduleProbe = () => {
    if (probeTimer === null) probeTimer = setTimeout(probe, 150)
  }

  const onMessage = (event: MessageEvent) => {
    if (probing === null || !(event.data instanceof ArrayBuffer)) return
    const decoder = decoding.createDecoder(new Uint8Array(event.data))
    if (
      decoding.readVarUint(decoder) !== MessageType.Sync ||
      decoding.readVarUint(decoder) !== SyncMessageType.Step2
    )
      return
    confirmedVersion = Math.max(confirmedVersion, probing)
    probing = null
    if (localVersion > confirmedVersion) scheduleProbe()
    update()
  }

  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    // Changes that came from the server are not ours to confirm; IndexedDB replays are already stored locally.
    if (origin === provider || origin === idb) return
    localVersion++
    scheduleProbe()
    update()
  }
  doc.on('update', onDocUpdate)

  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') {
      provider.ws?.addEventListener('message', onMessage)
      probing = null
      statusSinceConnect = false
    }
    update()
  })
  provider.on('sync', (synced: boolean) => {
    if (synced) {
      everSynced = true
      // Unfrozen while this device was away: a frozen document would have said so before the sync answer.
      if (!statusSinceConnect) setFrozen(null)
      scheduleProbe()
    }
    update()
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    // Access withdrawn or the document deleted: reconnecting cannot help.
    if (event !== null && closesForGood.has(event.code)) {
      noAccess = true
      provider.shouldConnect = false
    }
    update()
  })

  // The browser knows at once when the network goes (a laptop lid, a train tunnel); the socket may take a
  // ping interval to notice. Stop trying while offline, reconnect the moment it is back.
  const goOffline = () => {
    provider.disconnect()
    update()
  }
  const goOnline = () => {
    if (!noAccess) provider.connect()
    update()
  }
  window.addEventListener('offline', goOffline)
  window.addEventListener('online', goOnline)
  if (!navigator.onLine) goOffline()

  // Everything above listens now: a socket opened at start-up can tell what it has heard (earlySyncSocket).
  handOverSyncSocket(provider.ws)

  return {
    provider,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    frozen: () => frozen,
    onFrozen(listener) {
      frozenListeners.add(listener)
      return () => frozenListeners.delete(listener)
    },
    onVersionsChanged(listener) {
      versionsListeners.add(listener)
      return () => versionsListeners.delete(listener)
    },
    destroy() {
      cancelJoinTabs()
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      if (probeTimer !== null) clearTimeout(probeTimer)
      doc.off('update', onDocUpdate)
      provider.awareness.off('change', onAwareness)
      provider.destroy()
      void idb?.destroy()
      listeners.clear()
      frozenListeners.clear()
      versionsListeners.clear()
    },
  }
}
