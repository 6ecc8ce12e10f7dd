import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeStatusAwareness, SERVER_STATUS_CLIENT } from '../../shared/protocol/document-status'
import { closeCodeFor, type SyncErrorReason } from '../../shared/protocol/sync-error'
import type { DocumentFreeze } from '../../shared/schema/document-record'
import type { Logger } from '../logger'
import type { DocumentStore, StoredDocument } from '../storage/port'
import { StorageIntegrityError } from '../storage/StorageIntegrityError'
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2 } from './messageCodec'
import { Outbox } from './Outbox'
import type { PersistQueue } from './PersistQueue'
import type { RelayLoad } from './RelayLoad'
import type { SocketPort } from './SocketPort'
import type { StateEncoder } from './StateEncoder'
import type { WritePolicy, WriteTarget } from './WritePolicy'

export interface RoomOptions {
  readonly docId: string
  readonly stored: StoredDocument
  readonly store: DocumentStore
  readonly queue: PersistQueue
  readonly logger: Logger
  readonly maxUpdateBytes: number
  /** Compact the document once its log holds this many updates. */
  readonly compactAfterUpdates: number
  /** While merging, changes arriving within this many ms of the last relay are sent together (see Outbox). */
  readonly broadcastWindowMs: number
  /** Decides when relays merge (see RelayLoad); without one, the window always applies. */
  readonly relayLoad?: RelayLoad
  /** Encodes compacted states off the event loop; without one, compaction encodes the room's document here. */
  readonly stateEncoder?: StateEncoder
  /** Called when the last socket leaves. */
  readonly onEmpty: (room: Room) => void
  /** Called when the room can no longer be trusted to match storage (a write failed). */
  readonly onBroken: (room: Room, reason: SyncErrorReason, error: Error) => void
  /**
   * How long a socket has to send what its update built on, once asked, before it is closed with 4412
   * (`missing-dependencies`) so that it reconnects and resyncs in full.
   */
  readonly missingDependencyTimeoutMs?: number
  /** Counts what happened that should not (a socket's update that built on content the server lacked). */
  readonly counters?: RoomCounters
  /**
   * Called once per room, before the room first stores content under its own Yjs client id (a server
   * change, or Yjs's clean-up after a client's update): that id must be recorded as the server's.
   */
  readonly onOwnWrite?: (room: Room) => void
  /** Called once an update made here (by a socket of this instance, or the server) is stored: publish it. */
  readonly onStored?: (room: Room, update: Uint8Array) => void
  /** Called after a presence change made here (a socket's awareness, or its removal): publish it. */
  readonly onPresence?: (room: Room, update: Uint8Array) => void
}

/** Counted per registry, read by tests and operations. */
export interface RoomCounters {
  /** Updates after which the document held content it could not integrate, and the sender was asked. */
  missingDependencies: number
  /** …and of those, the ones the sender did not resolve in time (the socket was closed with 4412). */
  missingDependencyCloses: number
  /** Presence entries a socket sent for Yjs client ids another writer's socket introduced (dropped). */
  foreignPresence: number
  /** Documents whose stored content, loaded, held updates that could not integrate (an integrity error). */
  storedPending: number
}

export const newRoomCounters = (): RoomCounters => ({
  missingDependencies: 0,
  missingDependencyCloses: 0,
  foreignPresence: 0,
  storedPending: 0,
})

/** What is still missing for pending content to integrate: client → first missing clock, and deletes. */
const pendingOf = (doc: Y.Doc): string | null => {
  const { pendingStructs, pendingDs } = doc.store
  if (pendingStructs === null && pendingDs === null) return null
  const missing = pendingStructs === null ? [] : [...pendingStructs.missing].sort(([a], [b]) => a - b)
  return JSON.stringify({ missing, deletes: pendingDs !== null })
}

/** Origin of the server's own status announcements in the room's awareness. */
const STATUS = Symbol('document status')

/** Clients forget presence not renewed within 30 s (y-protocols' outdated timeout): renew well before. */
const STATUS_RENEW_MS = 15_000

/** Origin of changes that another instance already stored and published. */
const REMOTE = Symbol('remote')

interface SocketState {
  readonly clients: Set<number>
  /** What the socket may write: asked for every update and presence change it sends. */
  readonly policy: WritePolicy
}

/** The state vector of an empty document: a client sending it wants everything. */
const EMPTY_STATE_VECTOR_LENGTH = 1

const sameStateVectors = (a: Map<number, number>, b: Map<number, number>): boolean => {
  if (a.size !== b.size) return false
  for (const [client, clock] of a) if (b.get(client) !== clock) return false
  return true
}

/**
 * One loaded document and the sockets editing it. Every update a socket sends is validated, applied,
 * appended to the store, and only then relayed (encoded once) to the other sockets; answers that reveal
 * document content wait for the store too, so nothing a client has seen can be lost in a crash.
 */
export class Room implements WriteTarget {
  readonly docId: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Each socket: the awareness client ids it has announced (removed for everyone when it leaves), and whether it may write. */
  private readonly sockets = new Map<SocketPort, SocketState>()
  private readonly options: RoomOptions
  /** Every stored log entry with seq ≤ coveredSeq is contained in `doc`. */
  private coveredSeq: number
  private logLength: number
  private lastTransactionChanged = false
  private lastBeforeState: Map<number, number> | null = null
  /** While a socket's update is applied: whose it is, and the updates of Yjs's own follow-up transactions. */
  private applying: { readonly origin: SocketPort; readonly followUps: Uint8Array[] } | null = null
  private presenceCache: Uint8Array | null = null
  /** Awareness clients changed by the last awareness message applied. */
  private lastPresenceChange: number[] = []
  /** Which socket introduced each awareness client id: only it (or its writer's next socket) may change it. */
  private readonly presenceOwners = new Map<number, SocketPort>()
  /** Sockets asked for content their update built on, with the timer that closes them if it never comes. */
  private readonly askedForMissing = new Map<SocketPort, NodeJS.Timeout>()
  private readonly outbox: Outbox
  private fullStateFrame: Uint8Array | null = null
  private compaction: Promise<void> | null = null
  private destroyed = false
  /** Frozen for signing: told to every socket; the write policies drop updates meanwhile. */
  private frozen: DocumentFreeze | null = null
  /** The clock of the status announced under SERVER_STATUS_CLIENT; from wall time, so a restart goes on above it. */
  private statusClock = 0
  private statusRenewal: NodeJS.Timeout | null = null
  /** When the document's versions or approvals last changed (see DocumentStatus.versions); 0 until they do. */
  private versionsStamp = 0
  private ownWriteAnnounced = false
  /** Sockets whose updates the store refused; the room is dropped at the end of this turn. */
  private readonly failedWriters = new Set<SocketPort>()
  private brokenScheduled = false

  constructor(options: RoomOptions) {
    this.options = options
    this.docId = options.docId
    this.doc = new Y.Doc({ gc: true })
    const { stored } = options
    try {
      this.doc.transact(() => {
        if (stored.state !== null) Y.applyUpdate(this.doc, stored.state)
        for (const update of stored.updates) Y.applyUpdate(this.doc, update)
      })
    } catch (error) {
      this.doc.destroy()
      throw new StorageIntegrityError(
        `stored content of document ${this.docId} does not apply: ${String(error)}`,
      )
    }
    const pending = pendingOf(this.doc)
    if (pending !== null) {
      // Served all the same (refusing would lock everyone out of the rest), but never in silence: every
      // socket that joins is asked, by the handshake's sync step 1, for what the stored updates built on.
      if (options.counters !== undefined) options.counters.storedPending++
      options.logger.error(
        { docId: this.docId, pending },
        'integrity: stored updates build on content that was never stored; asking every client that joins',
      )
    }
    // A compacted document is already one full-state update: the first joiners get those bytes as they are.
    if (stored.state !== null && stored.updates.length === 0)
      this.fullStateFrame = encodeSyncStep2(stored.state)
    this.coveredSeq = stored.lastSeq
    this.loadedSeq = stored.lastSeq
    this.logLength = stored.updates.length
    // Applying one update can run more than one transaction: Yjs follows a remote change that carries text
    // formatting with a transaction of its own that cleans up redundant formatting. So "did it change
    // anything" accumulates over all of them (reset before each apply), and the state before is the first's.
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.lastBeforeState ??= transaction.beforeState
      this.lastTransactionChanged ||=
        transaction.deleteSet.clients.size > 0 ||
        !sameStateVectors(transaction.beforeState, transaction.afterState)
      // Yjs encodes a transaction's update only while something listens for updates, and emits it right
      // after this event: listening from here on, for follow-ups only, spares every keystroke that encoding.
      if (this.applying !== null && transaction.origin !== this.applying.origin)
        this.doc.on('update', this.collectFollowUp)
    })
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it must not announce a presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.trackAwareness)
    this.outbox = new Outbox({
      windowMs: options.broadcastWindowMs,
      ...(options.relayLoad === undefined ? {} : { load: options.relayLoad }),
      awareness: this.awareness,
      sockets: () => this.sockets.keys(),
    })
  }

  /** The newest seq of what was read from storage when the room loaded. */
  readonly loadedSeq: number

  /** Number of sockets in the room. */
  get size(): number {
    return this.sockets.size
  }

  /** Log entries stored after the compacted state. */
  get pendingLogLength(): number {
    return this.logLength
  }

  /**
   * Adds a socket and starts the sync handshake: our state vector, and the presence of everyone already here.
   * Every socket receives everything; what it may write is its `policy`'s to say (a shared screen's drops all).
   */
  join(socket: SocketPort, policy: WritePolicy): void {
    if (this.destroyed) throw new Error(`room ${this.docId} is destroyed`)
    this.sockets.set(socket, { clients: new Set(), policy })
    socket.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    // Presence includes the document's status (SERVER_STATUS_CLIENT) when it is frozen, before the sync answer.
    const presence = this.presenceFrame()
    if (presence !== null) socket.send(presence)
  }

  /** Everyone's presence in one frame, encoded once per change (a join storm reuses it); null when empty. */
  private presenceFrame(): Uint8Array | null {
    const states = this.awareness.getStates()
    if (states.size === 0) return null
    this.presenceCache ??= encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]),
    )
    return this.presenceCache
  }

  /** Handles one frame from a socket of this room. Never throws; a bad frame closes only that socket. */
  receive(socket: SocketPort, frame: Uint8Array): void {
    const state = this.sockets.get(socket)
    if (this.destroyed || state === undefined) return
    const decoded = decodeClientMessage(frame, this.options.maxUpdateBytes)
    if (!decoded.ok) {
      this.reject(socket, decoded.reason, decoded.detail)
      return
    }
    const { message } = decoded
    switch (message.type) {
      case 'sync-step1':
        this.answerStep1(socket, message.stateVector)
        return
      case 'sync-update': {
        const verdict = state.policy.update(this, message.update)
        if (verdict.kind === 'apply') this.applyUpdate(socket, message.update)
        else if (verdict.kind === 'reject') this.reject(socket, verdict.reason, verdict.detail)
        return
      }
      case 'awareness':
        if (state.policy.presence) this.applyAwareness(socket, message.update, message.exact ? frame : null)
        return
      case 'query-awareness':
        socket.send(
          this.presenceFrame() ??
            encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [])),
        )
        return
    }
  }

  /** Whether the document is frozen for signing, and by whom. */
  get frozenState(): DocumentFreeze | null {
    return this.frozen
  }

  /**
   * Records that the document is frozen (or no longer) and tells every socket, so each shows it read-only or
   * editable. Whether updates are dropped meanwhile is the write policies' decision (they read `frozenState`).
   */
  setFrozen(frozen: DocumentFreeze | null): void {
    if (this.destroyed || (frozen === null && this.frozen === null)) return
    if (frozen !== null && this.frozen !== null && frozen.at === this.frozen.at) return
    this.frozen = frozen
    if (this.statusRenewal !== null) clearInterval(this.statusRenewal)
    this.statusRenewal = null
    // After what is already queued, so no client sees the status overtake an edit accepted before it.
    this.options.queue.afterPersisted(() => {
      if (this.destroyed) return
      this.outbox.flush()
      this.announceStatus(frozen)
      const frame = encodeAwareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [SERVER_STATUS_CLIENT]),
      )
      // On unfreezing, ask every client for what it has that the server lacks: a keystroke sent in the
      // instant of freezing was dropped, and later edits built on it could not apply without it.
      const ask = frozen === null ? encodeSyncStep1(Y.encodeStateVector(this.doc)) : null
      for (const socket of this.sockets.keys()) {
        if (!socket.isOpen) continue
        socket.send(frame)
        if (ask !== null) socket.send(ask)
      }
      if (frozen !== null && this.frozen === frozen) {
        this.statusRenewal = setInterval(() => {
          if (this.destroyed || this.frozen === null) return
          this.announceStatus(this.frozen)
          this.outbox.addPresence([SERVER_STATUS_CLIENT], null, null)
        }, STATUS_RENEW_MS)
        this.statusRenewal.unref()
      }
    })
  }

  /**
   * A version was saved or approved: every socket is told at once over its connection, so each open versions
   * list shows it within the second (the list itself is fetched over HTTP).
   */
  versionsChanged(): void {
    if (this.destroyed) return
    this.versionsStamp = Math.max(this.versionsStamp + 1, Date.now())
    this.announceStatus(this.frozen)
    const frame = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [SERVER_STATUS_CLIENT]),
    )
    for (const socket of this.sockets.keys()) if (socket.isOpen) socket.send(frame)
  }

  /** Sets the reserved status client's awareness state (joiners' presence frames then carry it). */
  private announceStatus(frozen: DocumentFreeze | null): void {
    this.statusClock = Math.max(this.statusClock + 1, Date.now())
    const status = this.versionsStamp === 0 ? { frozen } : { frozen, versions: this.versionsStamp }
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeStatusAwareness(status, this.statusClock),
      STATUS,
    )
  }

  /** Removes a socket; its awareness states are removed and that removal is sent to everyone else. */
  leave(socket: SocketPort): void {
    const clients = this.sockets.get(socket)?.clients
    if (clients === undefined) return
    this.sockets.delete(socket)
    const asked = this.askedForMissing.get(socket)
    if (asked !== undefined) {
      clearTimeout(asked)
      this.askedForMissing.delete(socket)
    }
    for (const id of clients) if (this.presenceOwners.get(id) === socket) this.presenceOwners.delete(id)
    if (this.destroyed) return
    if (clients.size > 0) {
      const ids = [...clients]
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
      this.outbox.addPresence(ids, null, null)
      this.options.onPresence?.(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
    }
    if (this.sockets.size === 0) this.options.onEmpty(this)
  }

  /**
   * Lets go of every socket before the room is dropped: those whose updates could not be stored are closed
   * with `code` (they resend them on reconnecting); the others are returned, untouched, to join a reloaded
   * room. Their presence goes with this room; they renew it there.
   */
  release(code: number, reason: string): SocketPort[] {
    this.outbox.clear()
    const kept: SocketPort[] = []
    for (const socket of [...this.sockets.keys()]) {
      this.sockets.delete(socket)
      if (this.failedWriters.has(socket)) socket.close(code, reason)
      else if (socket.isOpen) kept.push(socket)
    }
    this.failedWriters.clear()
    return kept
  }

  /** Closes every socket of the room (they leave through the transport's close handler). */
  closeAll(code: number, reason: string): void {
    this.outbox.flush()
    for (const socket of [...this.sockets.keys()]) {
      this.sockets.delete(socket)
      socket.close(code, reason)
    }
  }

  /**
   * Writes the whole document as the stored state and drops the log entries it contains.
   * Concurrent calls share one run.
   */
  compact(): Promise<void> {
    if (this.compaction === null) {
      this.compaction = this.runCompaction().then(
        () => {
          this.compaction = null
          // Updates that arrived while it ran off the event loop may already call for the next one.
          if (!this.destroyed && this.logLength >= this.options.compactAfterUpdates)
            this.compactInBackground()
        },
        (error: unknown) => {
          this.compaction = null
          throw error
        },
      )
    }
    return this.compaction
  }

  private compactInBackground(): void {
    this.compact().catch((error: unknown) =>
      this.options.logger.error({ docId: this.docId, err: error }, 'compaction failed'),
    )
  }

  private async runCompaction(): Promise<void> {
    await this.options.queue.flush()
    if (this.logLength === 0 || this.destroyed) return
    const encoder = this.options.stateEncoder
    if (encoder === undefined) {
      const counted = this.logLength
      const state = Y.encodeStateAsUpdate(this.doc)
      await this.options.store.compact(this.docId, state, this.coveredSeq)
      this.logLength -= counted
      this.options.logger.debug({ docId: this.docId, bytes: state.byteLength, entries: counted }, 'compacted')
      return
    }
    // Off the event loop: what is stored (a consistent snapshot, whoever wrote it) is rebuilt and encoded on
    // the encoder's thread; this one only reads the snapshot and writes the result.
    const stored = await this.options.store.load(this.docId)
    if (stored.updates.length === 0) return
    const state = await encoder.encode(
      stored.state === null ? stored.updates : [stored.state, ...stored.updates],
    )
    // Evicted meanwhile (its document deleted): writing the state now would bring its content back.
    if (this.destroyed) return
    await this.options.store.compact(this.docId, state, stored.lastSeq)
    this.logLength = Math.max(0, this.logLength - stored.updates.length)
    this.options.logger.debug(
      { docId: this.docId, bytes: state.byteLength, entries: stored.updates.length },
      'compacted',
    )
  }

  /** Frees the document; the room cannot be used afterwards. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.statusRenewal !== null) clearInterval(this.statusRenewal)
    this.sockets.clear()
    for (const timer of this.askedForMissing.values()) clearTimeout(timer)
    this.askedForMissing.clear()
    this.outbox.clear()
    this.awareness.off('update', this.trackAwareness)
    this.doc.destroy()
  }

  get isDestroyed(): boolean {
    return this.destroyed
  }

  private answerStep1(socket: SocketPort, stateVector: Uint8Array): void {
    const frame =
      stateVector.byteLength <= EMPTY_STATE_VECTOR_LENGTH
        ? this.fullState()
        : encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    this.options.queue.afterPersisted((error) => {
      if (error === null && socket.isOpen) socket.send(frame)
    })
  }

  /** The answer to an empty state vector, encoded once per document state (join storms reuse it). */
  private fullState(): Uint8Array {
    this.fullStateFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc))
    return this.fullStateFrame
  }

  private applyUpdate(origin: SocketPort, update: Uint8Array): void {
    this.lastTransactionChanged = false
    this.lastBeforeState = null
    // Changes made by follow-up transactions (Yjs's formatting cleanup) are stored and relayed with the
    // update, so memory, storage and every client hold the same document.
    const followUps: Uint8Array[] = []
    this.applying = { origin, followUps }
    const pendingBefore = pendingOf(this.doc)
    try {
      Y.applyUpdate(this.doc, update, origin)
    } catch (error) {
      this.reject(origin, 'invalid-update', String(error))
      this.salvage()
      return
    } finally {
      this.applying = null
      this.doc.off('update', this.collectFollowUp)
    }
    const pendingAfter = pendingOf(this.doc)
    if (pendingAfter === null && pendingBefore !== null) this.missingArrived()
    if (!this.lastTransactionChanged && pendingAfter === null) return
    if (followUps.length > 0) this.announceOwnWrite()
    this.persistAndRelay(followUps.length === 0 ? update : Y.mergeUpdates([update, ...followUps]), origin)
    if (pendingAfter !== null && pendingAfter !== pendingBefore) this.askForMissing(origin, pendingAfter)
  }

  /**
   * The update just applied builds on content the server does not have (an update that went missing: sent
   * before a crash and never stored, or encoded against a state the server never saw), so it waits in the
   * document unintegrated. The sender is asked for everything it has beyond the server's state — the
   * standard sync step 1 — and closed with 4412 if that does not resolve it in time, so it reconnects and
   * resyncs in full. Never silent: logged and counted.
   */
  private askForMissing(socket: SocketPort, pending: string): void {
    if (this.askedForMissing.has(socket) || !socket.isOpen) return
    const counters = this.options.counters
    if (counters !== undefined) counters.missingDependencies++
    this.options.logger.warn(
      { docId: this.docId, pending },
      'an update builds on content the server lacks; asking its sender for it',
    )
    const timer = setTimeout(() => {
      this.askedForMissing.delete(socket)
      if (this.destroyed || pendingOf(this.doc) === null || !this.sockets.has(socket)) return
      if (counters !== undefined) counters.missingDependencyCloses++
      this.reject(socket, 'missing-dependencies', `still missing ${pendingOf(this.doc)}`)
    }, this.options.missingDependencyTimeoutMs ?? 5_000)
    timer.unref()
    this.askedForMissing.set(socket, timer)
    socket.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
  }

  private missingArrived(): void {
    this.options.logger.info({ docId: this.docId }, 'the content pending updates built on has arrived')
    for (const timer of this.askedForMissing.values()) clearTimeout(timer)
    this.askedForMissing.clear()
  }

  /**
   * Yjs reads all of an update's structs before integrating them, but reads the delete set only after,
   * so a malformed tail can fail after part of the update is in the document. Whatever got in is stored and
   * relayed like any update, so memory, storage and the other clients still agree.
   */
  private salvage(): void {
    const before = this.lastBeforeState
    const store = this.doc.store
    if (
      before === null ||
      (!this.lastTransactionChanged && store.pendingStructs === null && store.pendingDs === null)
    ) {
      return
    }
    this.persistAndRelay(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(before)), null)
  }

  /**
   * Changes the document on the server's own behalf (initialising or upgrading it, restoring a version) as
   * one forward transaction: the change is stored, then relayed to every socket like any update, so
   * everyone sees it happen. Resolves with whether anything changed, once it is durable.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.destroyed) return Promise.reject(new Error(`room ${this.docId} is destroyed`))
    this.announceOwnWrite()
    const origin = Symbol('server change')
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array, from: unknown) => {
      if (from === origin) updates.push(update)
    }
    this.doc.on('update', collect)
    try {
      this.doc.transact(() => change(this.doc), origin)
    } finally {
      this.doc.off('update', collect)
    }
    if (updates.length === 0) return Promise.resolve(false)
    this.persistAndRelay(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), null)
    return new Promise((resolve, reject) =>
      this.options.queue.afterPersisted((error) => (error === null ? resolve(true) : reject(error))),
    )
  }

  private announceOwnWrite(): void {
    if (this.ownWriteAnnounced) return
    this.ownWriteAnnounced = true
    this.options.onOwnWrite?.(this)
  }

  private persistAndRelay(update: Uint8Array, origin: SocketPort | null): void {
    this.fullStateFrame = null
    this.options.queue.enqueue({ docId: this.docId, update }, (outcome) => {
      if (!outcome.ok) {
        if (origin !== null) this.failedWriters.add(origin)
        // Every update of a failed batch settles in this same turn: collect their writers first.
        if (!this.brokenScheduled) {
          this.brokenScheduled = true
          queueMicrotask(() => this.options.onBroken(this, 'storage-failed', outcome.error))
        }
        return
      }
      if (this.destroyed) return
      if (outcome.seq > this.coveredSeq) this.coveredSeq = outcome.seq
      this.logLength++
      this.outbox.addUpdate(update, origin)
      this.options.onStored?.(this, update)
      if (this.logLength >= this.options.compactAfterUpdates && this.compaction === null)
        this.compactInBackground()
    })
  }

  /**
   * Keeps the entries of a socket's awareness update for client ids it introduced itself, or new ones; an
   * entry for a client id another writer's socket introduced is dropped and logged, so nobody can set or
   * remove someone else's presence. Null when the update does not decode; the same bytes when all pass.
   */
  private ownPresence(origin: SocketPort, writer: string | null, update: Uint8Array): Uint8Array | null {
    const entries: { client: number; clock: number; state: string }[] = []
    try {
      const decoder = decoding.createDecoder(update)
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        entries.push({
          client: decoding.readVarUint(decoder),
          clock: decoding.readVarUint(decoder),
          state: decoding.readVarString(decoder),
        })
      }
    } catch {
      return null
    }
    const accepts = this.sockets.get(origin)?.policy.presenceState
    const foreign = entries.filter(({ client, state }) => {
      if (client === SERVER_STATUS_CLIENT) return true
      if (accepts !== undefined && state !== 'null' && !accepts(state)) return true
      const owner = this.presenceOwners.get(client)
      if (owner === undefined || owner === origin) return false
      const ownerWriter = this.sockets.get(owner)?.policy.writer ?? null
      return writer === null || ownerWriter !== writer
    })
    if (foreign.length === 0) return update
    const counters = this.options.counters
    if (counters !== undefined) counters.foreignPresence += foreign.length
    this.options.logger.warn(
      { docId: this.docId, clients: foreign.map(({ client }) => client) },
      "dropping presence for another writer's client ids, or in another member's name",
    )
    const kept = entries.filter((entry) => !foreign.includes(entry))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kept.length)
    for (const { client, clock, state } of kept) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, state)
    }
    return encoding.toUint8Array(encoder)
  }

  private applyAwareness(origin: SocketPort, received: Uint8Array, exactFrame: Uint8Array | null): void {
    const writer = this.sockets.get(origin)?.policy.writer ?? null
    const update = this.ownPresence(origin, writer, received)
    if (update === null) {
      this.reject(origin, 'invalid-awareness', 'awareness update does not decode')
      return
    }
    const frame = update === received ? exactFrame : null
    this.lastPresenceChange = []
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin)
    } catch (error) {
      this.reject(origin, 'invalid-awareness', String(error))
      return
    }
    const changed = this.lastPresenceChange
    if (changed.length === 0) return
    // Keep presence in order with document updates still being stored (a cursor may point into them).
    this.options.queue.afterPersisted(() => {
      if (this.destroyed) return
      this.outbox.addPresence(changed, frame, origin)
      this.options.onPresence?.(this, update)
    })
  }

  /**
   * Applies updates another instance (or the store) already has: relayed to this room's sockets when they
   * change anything, but never stored again nor published again (so duplicates are not amplified).
   * Resolves with whether anything was new. Never throws for bad bytes: they are logged and skipped.
   */
  applyRemoteUpdates(updates: readonly Uint8Array[]): boolean {
    if (this.destroyed) return false
    let changed = false
    for (const update of updates) {
      this.lastTransactionChanged = false
      try {
        Y.applyUpdate(this.doc, update, REMOTE)
      } catch (error) {
        this.options.logger.warn(
          { docId: this.docId, err: error },
          'skipping a remote update that does not apply',
        )
        continue
      }
      if (this.lastTransactionChanged) {
        changed = true
        this.fullStateFrame = null
        this.outbox.addUpdate(update, null)
      }
    }
    return changed
  }

  /** Applies a presence change published by another instance and relays it to this room's sockets. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    this.lastPresenceChange = []
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE)
    } catch (error) {
      this.options.logger.warn(
        { docId: this.docId, err: error },
        'skipping remote presence that does not apply',
      )
      return
    }
    if (this.lastPresenceChange.length > 0) this.outbox.addPresence(this.lastPresenceChange, null, null)
  }

  private readonly collectFollowUp = (produced: Uint8Array, from: unknown): void => {
    if (this.applying !== null && from !== this.applying.origin) this.applying.followUps.push(produced)
  }

  private readonly trackAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.presenceCache = null
    this.lastPresenceChange = [...added, ...updated, ...removed]
    const socket = origin as SocketPort
    const clients = this.sockets.get(socket)?.clients
    if (clients === undefined) return
    for (const id of [...added, ...updated]) {
      const previous = this.presenceOwners.get(id)
      // Taken over by the same writer's new socket (a reconnect): the old one no longer removes it on leaving.
      if (previous !== undefined && previous !== socket) this.sockets.get(previous)?.clients.delete(id)
      this.presenceOwners.set(id, socket)
      clients.add(id)
    }
    for (const id of removed) {
      clients.delete(id)
      if (this.presenceOwners.get(id) === socket) this.presenceOwners.delete(id)
    }
  }

  private reject(socket: SocketPort, reason: SyncErrorReason, detail: string): void {
    this.options.logger.warn(
      { docId: this.docId, reason, detail: detail.slice(0, 300) },
      'closing socket: bad input',
    )
    this.leave(socket)
    socket.close(closeCodeFor[reason], reason)
  }
}
