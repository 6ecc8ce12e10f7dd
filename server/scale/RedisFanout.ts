import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { z } from 'zod'
import { ScreenFocus } from '../../shared/api/workspace-api'
import { DocumentFreeze } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import type { Logger } from '../logger'
import type { DocumentStore } from '../storage/port'
import type { Room } from '../sync/Room'
import type { RoomObserver } from '../sync/RoomRegistry'

/** What instances tell each other besides document content: access withdrawn, documents deleted. */
export const ControlMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('revoke'), memberIds: z.array(EntityId).max(10_000) }),
  z.object({ type: z.literal('evict'), docIds: z.array(z.string().min(1).max(128)).max(10_000) }),
  z.object({ type: z.literal('screen'), workspaceId: EntityId, focus: ScreenFocus }),
  z.object({ type: z.literal('freeze'), docId: EntityId, frozen: z.nullable(DocumentFreeze) }),
  z.object({ type: z.literal('versions'), docId: EntityId }),
])
export type ControlMessage = z.infer<typeof ControlMessage>

const Envelope = z.object({ from: z.string(), message: ControlMessage })

const KIND_UPDATE = 0
const KIND_AWARENESS = 1
const HEADER = 17
const CONTROL_CHANNEL = 'samverkstad:control'
const docChannel = (docId: string) => `samverkstad:doc:${docId}`

/** The rooms of this instance: looked up by id, and followed as they load, store and change presence. */
export interface RoomLookup {
  peek(docId: string): Room | undefined
  observe(observer: RoomObserver): () => void
}

export interface RedisFanoutOptions {
  readonly url: string
  /** ioredis's client class, loaded by the caller only in scale-out mode (it is ~21 MiB). */
  readonly Redis: typeof Redis
  readonly store: DocumentStore
  readonly rooms: RoomLookup
  readonly logger: Logger
  /** How often each loaded document is checked against the store for what Redis may have missed. */
  readonly catchUpMs?: number
  /** A control message from another instance. */
  readonly onControl: (message: ControlMessage) => void
  /** Redis came back after a drop: anything published meanwhile was lost (re-check access, catch up). */
  readonly onReconnect?: () => void
}

interface Watermark {
  /** Everything stored up to this seq is in the room. */
  settled: number
  /** The newest seq read at the last catch-up; read again once, for appends that committed late. */
  recent: number
}

/**
 * Fans updates and presence out across instances through Redis pub/sub, one channel per loaded document.
 * Redis is only the fast path; the store stays the source of truth. Every `catchUpMs` each instance asks the
 * store (one query for all its documents) whether it holds anything past what this instance has seen, and
 * applies it — so a message lost while Redis was away, or published before this instance subscribed, still
 * arrives. Remote updates are applied without being stored or published again, so nothing is amplified.
 */
export class RedisFanout {
  private readonly instanceId = randomBytes(16)
  private readonly instanceHex = this.instanceId.toString('hex')
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly watermarks = new Map<string, Watermark>()
  private catchUpTimer: NodeJS.Timeout | null = null
  private catchingUp: Promise<void> | null = null
  private wasDown = false
  private closed = false
  private readonly stopObserving: () => void

  constructor(private readonly options: RedisFanoutOptions) {
    const retryStrategy = (times: number) => Math.min(100 * times, 2_000)
    // A publish while Redis is away fails at once (the store catch-up covers it) instead of piling up.
    this.publisher = new options.Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy,
    })
    this.subscriber = new options.Redis(options.url, {
      lazyConnect: true,
      retryStrategy,
      maxRetriesPerRequest: null,
    })
    for (const [name, connection] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      connection.on('error', (error: Error) => {
        if (!this.closed) options.logger.warn({ err: error.message, connection: name }, 'redis error')
      })
      connection.on('close', () => {
        if (!this.closed) this.wasDown = true
      })
      connection.on('ready', () => {
        if (!this.wasDown || !this.isUp) return
        this.wasDown = false
        options.logger.info('redis is back: catching up from the store')
        options.onReconnect?.()
        void this.catchUp()
      })
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    )
    this.stopObserving = options.rooms.observe({
      loaded: (room) => this.roomLoaded(room),
      unloaded: (docId) => this.roomUnloaded(docId),
      stored: (room, update) => this.publishUpdate(room.docId, update),
      presence: (room, update) => this.publishPresence(room.docId, update),
    })
  }

  /** Connects both Redis connections and starts the catch-up loop; rejects if Redis cannot be reached. */
  async start(): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()])
    await this.subscriber.subscribe(CONTROL_CHANNEL)
    const every = this.options.catchUpMs ?? 1_000
    this.catchUpTimer = setInterval(() => void this.catchUp(), every)
    this.catchUpTimer.unref()
  }

  get isUp(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  /** A room finished loading from the store at `room.loadedSeq`: listen for its document. */
  roomLoaded(room: Room): void {
    this.watermarks.set(room.docId, { settled: room.loadedSeq, recent: room.loadedSeq })
    this.subscriber
      .subscribe(docChannel(room.docId))
      .catch((error: unknown) =>
        this.options.logger.warn(
          { docId: room.docId, err: error },
          'could not subscribe; the store catch-up covers it',
        ),
      )
  }

  roomUnloaded(docId: string): void {
    this.watermarks.delete(docId)
    this.subscriber.unsubscribe(docChannel(docId)).catch(() => undefined)
  }

  /** A stored update made on this instance, for the other instances' sockets. */
  publishUpdate(docId: string, update: Uint8Array): void {
    this.publish(docChannel(docId), KIND_UPDATE, update)
  }

  publishPresence(docId: string, update: Uint8Array): void {
    this.publish(docChannel(docId), KIND_AWARENESS, update)
  }

  publishControl(message: ControlMessage): void {
    if (!this.isUp) return
    this.publisher
      .publish(CONTROL_CHANNEL, JSON.stringify({ from: this.instanceHex, message }))
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'could not publish a control message'),
      )
  }

  private publish(channel: string, kind: number, payload: Uint8Array): void {
    if (!this.isUp) return
    const frame = Buffer.allocUnsafe(HEADER + payload.byteLength)
    frame[0] = kind
    this.instanceId.copy(frame, 1)
    frame.set(payload, HEADER)
    this.publisher.publish(channel, frame).catch(() => {
      // Lost: the other instances read it from the store within catchUpMs.
    })
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === CONTROL_CHANNEL) {
      let envelope: z.infer<typeof Envelope>
      try {
        envelope = Envelope.parse(JSON.parse(message.toString()))
      } catch (error) {
        this.options.logger.warn({ err: error }, 'ignoring a malformed control message')
        return
      }
      if (envelope.from !== this.instanceHex) this.options.onControl(envelope.message)
      return
    }
    if (message.byteLength < HEADER || this.instanceId.equals(message.subarray(1, HEADER))) return
    const room = this.options.rooms.peek(channel.slice(docChannel('').length))
    if (room === undefined) return
    const payload = new Uint8Array(message.buffer, message.byteOffset + HEADER, message.byteLength - HEADER)
    if (message[0] === KIND_UPDATE) room.applyRemoteUpdates([payload])
    else if (message[0] === KIND_AWARENESS) room.applyRemoteAwareness(payload)
  }

  /** Applies whatever the store holds that this instance's rooms may not have seen. */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.runCatchUp().finally(() => {
      this.catchingUp = null
    })
    return this.catchingUp
  }

  private async runCatchUp(): Promise<void> {
    const ids = [...this.watermarks.keys()]
    if (ids.length === 0 || this.closed) return
    try {
      const latest = await this.options.store.latestSeqs(ids)
      for (const docId of ids) {
        const mark = this.watermarks.get(docId)
        const room = this.options.rooms.peek(docId)
        if (mark === undefined || room === undefined) continue
        if ((latest.get(docId) ?? 0) <= mark.settled) continue
        const since = await this.options.store.loadSince(docId, mark.settled)
        room.applyRemoteUpdates(since.state === null ? since.updates : [since.state, ...since.updates])
        mark.settled = Math.max(mark.settled, mark.recent)
        mark.recent = Math.max(mark.recent, since.lastSeq)
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'catching up from the store failed; retrying')
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopObserving()
    if (this.catchUpTimer !== null) clearInterval(this.catchUpTimer)
    await this.catchingUp
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }
}
