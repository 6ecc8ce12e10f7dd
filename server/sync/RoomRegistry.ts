import { CloseCode, closeCodeFor, type SyncErrorReason } from '../../shared/protocol/sync-error'
import type { Logger } from '../logger'
import type { DocumentStore } from '../storage/port'
import { PersistQueue, type PersistQueueOptions } from './PersistQueue'
import type { RelayLoad } from './RelayLoad'
import { newRoomCounters, Room, type RoomCounters } from './Room'
import type { SocketPort } from './SocketPort'
import type { StateEncoder } from './StateEncoder'
import type { WritePolicy } from './WritePolicy'

export interface RoomRegistryOptions {
  readonly store: DocumentStore
  readonly logger: Logger
  readonly maxUpdateBytes: number
  readonly compactAfterUpdates: number
  /** See `Outbox`: the most a relay waits to be merged with others. */
  readonly broadcastWindowMs?: number
  /** See `RelayLoad`: when relays merge, for every room. */
  readonly relayLoad?: RelayLoad
  /** See `StateEncoder`: compaction off the event loop, for every room (closed by `shutdown`). */
  readonly stateEncoder?: StateEncoder
  /** How long a room with no sockets stays loaded before it is stored, compacted and unloaded. */
  readonly roomIdleMs: number
  readonly schedule?: PersistQueueOptions['schedule']
  /** At most this many bytes of frames are held for a socket while its room loads. */
  readonly maxBufferedBytes?: number
  /**
   * Runs when a document has been read from storage, before any socket sees it: the place to initialise or
   * upgrade its content (`room.applyServerChange`) and to load what its write policies need. A rejection
   * fails the load: waiting sockets are closed with 4500 and the next opening tries again.
   */
  readonly onLoad?: (room: Room) => Promise<void>
  /** See `RoomOptions.missingDependencyTimeoutMs`. */
  readonly missingDependencyTimeoutMs?: number
  /** Observers from the start (more can subscribe with `observe`). */
  readonly observers?: readonly RoomObserver[]
}

/**
 * What happens to rooms, for whoever needs to follow along (scale-out fan-out, per-room bookkeeping). Each
 * is called synchronously and must not throw.
 */
export interface RoomObserver {
  /** A room was read from storage and its load hook ran; no socket has seen it yet. */
  readonly loaded?: (room: Room) => void
  /** A room was unloaded, evicted, reset or failed to load (it is destroyed). */
  readonly unloaded?: (docId: string) => void
  /** The room is about to store content under its own Yjs client id for the first time (see `RoomOptions`). */
  readonly ownWrite?: (room: Room) => void
  /** An update made here (by a socket of this instance, or the server) is stored. */
  readonly stored?: (room: Room, update: Uint8Array) => void
  /** A room was dropped because its memory may differ from storage (a write failed); its sockets were closed. */
  readonly broken?: (docId: string, reason: SyncErrorReason, error: Error) => void
  /** A presence change made here (a socket's awareness, or its removal) was applied. */
  readonly presence?: (room: Room, update: Uint8Array) => void
}

/** A socket's place: its document, what it may write, its room once loaded, and frames kept until then. */
interface Binding {
  readonly docId: string
  readonly policy: WritePolicy
  room: Room | null
  buffered: Uint8Array[] | null
  bufferedBytes: number
  closed: boolean
}

/** What the transport holds for one socket: hand it every frame, and tell it when the socket closed. */
export interface Connection {
  receive(frame: Uint8Array): void
  /** The transport saw the socket close. */
  closed(): void
}

/**
 * Loads rooms on first use, hands sockets to them, and unloads a room (after storing and compacting it) once it
 * has been empty for `roomIdleMs`. The only place that decides a room's life.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private readonly queue: PersistQueue
  private readonly observers: RoomObserver[]
  private readonly bindings = new Map<SocketPort, Binding>()
  private shuttingDown = false
  /** What the rooms counted that should not happen (see `RoomCounters`), since start. */
  readonly counters: RoomCounters = newRoomCounters()

  constructor(private readonly options: RoomRegistryOptions) {
    this.observers = [...(options.observers ?? [])]
    this.queue = new PersistQueue(options.store, {
      ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
      onCallbackError: (error) => options.logger.error({ err: error }, 'sync callback failed'),
    })
  }

  /** Follows what happens to rooms from now on; returns the way to stop. */
  observe(observer: RoomObserver): () => void {
    this.observers.push(observer)
    return () => {
      const index = this.observers.indexOf(observer)
      if (index >= 0) this.observers.splice(index, 1)
    }
  }

  private readonly roomStored = (room: Room, update: Uint8Array): void => {
    for (const observer of this.observers) observer.stored?.(room, update)
  }

  private readonly roomPresence = (room: Room, update: Uint8Array): void => {
    for (const observer of this.observers) observer.presence?.(room, update)
  }

  private roomUnloaded(docId: string): void {
    for (const observer of this.observers) observer.unloaded?.(docId)
  }

  /** The loaded room of a document, if any (for tests and metrics). */
  peek(docId: string): Room | undefined {
    return this.rooms.get(docId)
  }

  /**
   * Runs `work` on a document's room, loading it if needed (a restore needs the live document even when
   * nobody has it open); a room nobody is in is unloaded again after `roomIdleMs`.
   */
  async withRoom<T>(docId: string, work: (room: Room) => Promise<T>): Promise<T> {
    if (this.shuttingDown) throw new Error('the server is shutting down')
    this.cancelIdle(docId)
    const room = await this.open(docId)
    try {
      return await work(room)
    } finally {
      if (room.size === 0) this.scheduleIdle(room)
    }
  }

  /**
   * Loads these documents' rooms now, one after another, so whoever opens one first finds it ready; a room
   * nobody joins unloads again after `roomIdleMs`. A document that fails to load is logged and skipped.
   * Resolves with how many were loaded.
   */
  async preload(docIds: readonly string[]): Promise<number> {
    let loaded = 0
    for (const docId of docIds) {
      if (this.shuttingDown) break
      try {
        await this.withRoom(docId, async () => {})
        loaded++
      } catch (error) {
        this.options.logger.warn({ docId, err: error }, 'could not preload document')
      }
    }
    return loaded
  }

  /** Every loaded room. */
  loaded(): IterableIterator<Room> {
    return this.rooms.values()
  }

  /**
   * Attaches a socket to a document's room, loading the room if needed. Frames sent meanwhile are kept.
   * The socket receives everything; `policy` decides what of its updates and presence is applied.
   */
  connect(docId: string, socket: SocketPort, policy: WritePolicy): Connection {
    if (this.shuttingDown) {
      socket.close(CloseCode.GoingAway, 'shutting-down')
      return { receive: () => {}, closed: () => {} }
    }
    const binding: Binding = { docId, policy, room: null, buffered: [], bufferedBytes: 0, closed: false }
    this.bindings.set(socket, binding)
    this.cancelIdle(docId)
    this.attach(socket, binding)
    return {
      receive: (frame) => {
        if (binding.closed) return
        if (binding.room !== null) {
          binding.room.receive(socket, frame)
          return
        }
        binding.bufferedBytes += frame.byteLength
        if (binding.bufferedBytes > this.maxBufferedBytes) {
          socket.close(closeCodeFor['update-too-large'], 'update-too-large')
          return
        }
        binding.buffered?.push(frame)
      },
      closed: () => {
        binding.closed = true
        binding.buffered = null
        this.bindings.delete(socket)
        binding.room?.leave(socket)
      },
    }
  }

  private get maxBufferedBytes(): number {
    return this.options.maxBufferedBytes ?? this.options.maxUpdateBytes * 2
  }

  /** Joins a socket to its document's room once the room is loaded, then hands it the frames kept meanwhile. */
  private attach(socket: SocketPort, binding: Binding): void {
    binding.room = null
    binding.buffered ??= []
    this.open(binding.docId).then(
      (loaded) => {
        if (binding.closed) {
          if (loaded.size === 0) this.scheduleIdle(loaded)
          return
        }
        if (loaded.isDestroyed) {
          // Evicted (deleted) or reset while this socket waited for it.
          socket.close(closeCodeFor['not-found'], 'not-found')
          return
        }
        binding.room = loaded
        loaded.join(socket, binding.policy)
        const frames = binding.buffered ?? []
        binding.buffered = null
        binding.bufferedBytes = 0
        for (const frame of frames) loaded.receive(socket, frame)
      },
      (error: unknown) => {
        this.options.logger.error({ docId: binding.docId, err: error }, 'could not load document')
        socket.close(closeCodeFor['storage-failed'], 'storage-failed')
      },
    )
  }

  private open(docId: string): Promise<Room> {
    const loaded = this.rooms.get(docId)
    if (loaded !== undefined) return Promise.resolve(loaded)
    let pending = this.loading.get(docId)
    if (pending === undefined) {
      pending = this.load(docId).finally(() => this.loading.delete(docId))
      this.loading.set(docId, pending)
    }
    return pending
  }

  private async load(docId: string): Promise<Room> {
    // A room being unloaded must be fully stored before it is read back.
    await this.unloading.get(docId)
    const stored = await this.options.store.load(docId)
    const room = new Room({
      docId,
      stored,
      store: this.options.store,
      queue: this.queue,
      logger: this.options.logger,
      maxUpdateBytes: this.options.maxUpdateBytes,
      compactAfterUpdates: this.options.compactAfterUpdates,
      broadcastWindowMs: this.options.broadcastWindowMs ?? 0,
      ...(this.options.relayLoad === undefined ? {} : { relayLoad: this.options.relayLoad }),
      ...(this.options.stateEncoder === undefined ? {} : { stateEncoder: this.options.stateEncoder }),
      onEmpty: (emptied) => this.scheduleIdle(emptied),
      onBroken: (broken, reason, error) => this.reset(broken, reason, error),
      counters: this.counters,
      ...(this.options.missingDependencyTimeoutMs === undefined
        ? {}
        : { missingDependencyTimeoutMs: this.options.missingDependencyTimeoutMs }),
      onOwnWrite: (writing) => {
        for (const observer of this.observers) observer.ownWrite?.(writing)
      },
      onStored: this.roomStored,
      onPresence: this.roomPresence,
    })
    if (this.options.onLoad !== undefined) {
      try {
        await this.options.onLoad(room)
      } catch (error) {
        if (!room.isDestroyed) {
          room.destroy()
          this.roomUnloaded(docId)
        }
        throw error
      }
    }
    // A write that failed while preparing it has already reset the room: report it like a failed load.
    if (room.isDestroyed) throw new Error(`document ${docId} could not be prepared`)
    for (const observer of this.observers) observer.loaded?.(room)
    this.rooms.set(docId, room)
    this.options.logger.debug({ docId, entries: stored.updates.length }, 'room loaded')
    if (room.pendingLogLength >= this.options.compactAfterUpdates) {
      room
        .compact()
        .catch((error: unknown) => this.options.logger.error({ docId, err: error }, 'compaction failed'))
    }
    return room
  }

  private scheduleIdle(room: Room): void {
    if (this.shuttingDown || room.size > 0 || this.rooms.get(room.docId) !== room) return
    this.cancelIdle(room.docId)
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.docId)
      if (room.size === 0 && this.rooms.get(room.docId) === room) void this.unload(room)
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room.docId, timer)
  }

  private cancelIdle(docId: string): void {
    const timer = this.idleTimers.get(docId)
    if (timer !== undefined) {
      clearTimeout(timer)
      this.idleTimers.delete(docId)
    }
  }

  private unload(room: Room): Promise<void> {
    this.rooms.delete(room.docId)
    const done = room
      .compact()
      .catch((error: unknown) =>
        this.options.logger.error({ docId: room.docId, err: error }, 'compaction before unload failed'),
      )
      .finally(() => {
        room.destroy()
        this.roomUnloaded(room.docId)
        this.unloading.delete(room.docId)
        this.options.logger.debug({ docId: room.docId }, 'room unloaded')
      })
    this.unloading.set(room.docId, done)
    return done
  }

  /** Drops a room whose memory may differ from storage; its sockets reconnect and resync from storage. */
  /**
   * Drops a room whose memory may differ from storage (a write failed). Only the sockets whose updates were
   * not stored are closed (4500; they reconnect and resend them): the others never saw those updates — a
   * change is relayed only once stored — so they join a room reloaded from storage, without reconnecting.
   */
  private reset(room: Room, reason: SyncErrorReason, error: Error): void {
    if (room.isDestroyed) return
    this.options.logger.error({ docId: room.docId, reason, err: error }, 'room reset')
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId)
    this.cancelIdle(room.docId)
    const survivors = room.release(closeCodeFor[reason], reason)
    room.destroy()
    this.roomUnloaded(room.docId)
    for (const observer of this.observers) observer.broken?.(room.docId, reason, error)
    for (const socket of survivors) {
      const binding = this.bindings.get(socket)
      if (binding !== undefined && !binding.closed && !this.shuttingDown) this.attach(socket, binding)
      else socket.close(closeCodeFor[reason], reason)
    }
  }

  /**
   * Unloads a document without storing it again (it is being deleted): its sockets are closed with
   * `code`, and the promise resolves once every update of it already accepted is written, so a deletion
   * after it leaves nothing behind.
   */
  async evict(docId: string, code: number, reason: string): Promise<void> {
    this.cancelIdle(docId)
    await this.loading.get(docId)?.catch(() => undefined)
    const room = this.rooms.get(docId)
    if (room !== undefined) {
      this.rooms.delete(docId)
      room.closeAll(code, reason)
      room.destroy()
      this.roomUnloaded(docId)
    }
    await this.unloading.get(docId)
    await this.queue.flush()
  }

  /** Writes everything queued; resolves when it is durable. */
  flush(): Promise<void> {
    return this.queue.flush()
  }

  /**
   * Graceful stop: closes every socket with 1001, then stores and compacts every room and frees it.
   * New sockets are refused from the first call on.
   */
  async shutdown(): Promise<void> {
    this.shuttingDown = true
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    await Promise.allSettled([...this.loading.values()])
    await this.queue.flush()
    const rooms = [...this.rooms.values()]
    for (const room of rooms) room.closeAll(CloseCode.GoingAway, 'shutting-down')
    await Promise.all(rooms.map((room) => this.unload(room)))
    await Promise.all([...this.unloading.values()])
    await this.options.stateEncoder?.close()
  }
}
