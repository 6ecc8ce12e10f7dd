import type * as Y from 'yjs'
import type { SyncErrorReason } from '../../shared/protocol/sync-error'
import type { DocumentFreeze } from '../../shared/schema/document-record'

/** What a room does with one update a socket sent. */
export type WriteVerdict =
  | { readonly kind: 'apply' }
  /** Never applied, stored or relayed: the edit exists only on the sender's device. */
  | { readonly kind: 'drop' }
  /** The socket is closed with the reason's code; nothing of the update is applied. */
  | { readonly kind: 'reject'; readonly reason: SyncErrorReason; readonly detail: string }

export const APPLY: WriteVerdict = { kind: 'apply' }
export const DROP: WriteVerdict = { kind: 'drop' }

/** The room an update is checked against, as it is before the update. */
export interface WriteTarget {
  readonly docId: string
  readonly doc: Y.Doc
  /** Frozen for signing (see `Room.setFrozen`), or null. */
  readonly frozenState: DocumentFreeze | null
}

/**
 * The write rules for one socket, decided by whoever let it in (who it is, what it may do) and asked by its
 * room synchronously, before each of its updates is applied and for each presence change it sends. The room
 * knows no rule of its own; it only carries out the verdict. In the spirit of Hocuspocus'
 * `beforeHandleMessage` and tldraw's push filter.
 */
export interface WritePolicy {
  /** Asked for every update the socket sends, before it is applied. Must not throw. */
  update(target: WriteTarget, update: Uint8Array): WriteVerdict
  /** Whether the socket's presence (awareness) is applied and relayed; false drops it unread. */
  readonly presence: boolean
  /**
   * Who writes through the socket (a member id), or null. A socket may set presence only for the Yjs
   * client ids it introduced itself; another socket of the same writer (a reconnect) may take them over.
   */
  readonly writer: string | null
  /**
   * Whether a presence state (its JSON, as sent) may be announced through this socket — e.g. only under the
   * socket's own member. Absent: any state.
   */
  readonly presenceState?: (json: string) => boolean
}

/** For the server's own sockets and the sync core's tests: every update and presence is applied. */
export const WRITES_ANYTHING: WritePolicy = { update: () => APPLY, presence: true, writer: null }

/** Receives everything, writes nothing. */
export const READS_ONLY: WritePolicy = { update: () => DROP, presence: false, writer: null }
