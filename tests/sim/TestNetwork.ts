import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { createLogger } from '../../server/logger'
import type { DocumentStore } from '../../server/storage/port'
import type { Connection } from '../../server/sync/RoomRegistry'
import { RoomRegistry } from '../../server/sync/RoomRegistry'
import type { SocketPort } from '../../server/sync/SocketPort'
import { WRITES_ANYTHING } from '../../server/sync/WritePolicy'
import { MessageType } from '../../shared/protocol/message-type'
import type { Prng } from '../helpers/prng'

const REMOTE = Symbol('remote')

/**
 * One simulated client: a Y.Doc speaking the y-websocket protocol through explicit queues, the way the
 * `WebsocketProvider` does, so tests decide when each message arrives.
 */
export class SimClient {
  readonly doc = new Y.Doc()
  toServer: Uint8Array[] = []
  toClient: Uint8Array[] = []
  connection: Connection | null = null
  /** Sync messages from the server this client has applied. */
  received = 0
  private socket: (SocketPort & { open: boolean }) | null = null

  constructor(
    readonly name: string,
    private readonly network: TestNetwork,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.socket === null) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.Sync)
      syncProtocol.writeUpdate(encoder, update)
      this.toServer.push(encoding.toUint8Array(encoder))
    })
  }

  get connected(): boolean {
    return this.socket !== null
  }

  connect(): void {
    if (this.socket !== null) return
    const socket = {
      open: true,
      send: (frame: Uint8Array) => {
        if (socket.open) this.toClient.push(frame)
      },
      sendMany: (frames: readonly Uint8Array[]) => {
        if (socket.open) this.toClient.push(...frames)
      },
      close: () => {
        if (socket.open && this.socket === socket) this.drop()
      },
      get isOpen() {
        return socket.open
      },
    }
    this.socket = socket
    this.connection = this.network.registry.connect(this.network.docId, socket, WRITES_ANYTHING)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.toServer.push(encoding.toUint8Array(encoder))
  }

  /** The connection breaks: whatever was in flight either way is lost. */
  drop(): void {
    if (this.socket === null) return
    this.socket.open = false
    this.socket = null
    this.toServer = []
    this.toClient = []
    const connection = this.connection
    this.connection = null
    connection?.closed()
  }

  deliverToServer(): void {
    const frame = this.toServer.shift()
    if (frame !== undefined) this.connection?.receive(frame)
  }

  deliverToClient(): void {
    const frame = this.toClient.shift()
    if (frame === undefined) return
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.Sync)
    syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE)
    this.received++
    if (encoding.length(encoder) > 1) this.toServer.push(encoding.toUint8Array(encoder))
  }

  /** A random local edit on text, map and array. */
  edit(prng: Prng): void {
    const text = this.doc.getText('text')
    const choice = prng.int(0, 5)
    if (choice <= 2) text.insert(prng.int(0, text.length), `${this.name}${prng.int(0, 99)}`)
    else if (choice === 3 && text.length > 0) {
      const at = prng.int(0, text.length - 1)
      text.delete(at, Math.min(prng.int(1, 4), text.length - at))
    } else if (choice === 4)
      this.doc.getMap('map').set(`k${prng.int(0, 9)}`, `${this.name}:${prng.int(0, 999)}`)
    else {
      const array = this.doc.getArray<string>('array')
      if (array.length > 3 && prng.bool()) array.delete(prng.int(0, array.length - 1), 1)
      else array.insert(prng.int(0, array.length), [this.name])
    }
  }

  content(): unknown {
    return {
      text: this.doc.getText('text').toString(),
      map: this.doc.getMap('map').toJSON(),
      array: this.doc.getArray('array').toJSON(),
    }
  }
}

/**
 * A deterministic network between simulated clients and the real sync core (RoomRegistry, Room, PersistQueue)
 * over a real store: messages queue and are delivered, dropped or delayed only when the test says so, and
 * store writes happen only when the test flushes. In the style of Yjs' TestConnector.
 */
export class TestNetwork {
  registry: RoomRegistry
  readonly clients: SimClient[] = []
  private scheduled: Array<() => void> = []

  constructor(
    readonly store: DocumentStore,
    readonly docId: string,
    private readonly compactAfterUpdates = 25,
  ) {
    this.registry = this.createRegistry()
  }

  private createRegistry(): RoomRegistry {
    return new RoomRegistry({
      store: this.store,
      logger: createLogger('silent'),
      maxUpdateBytes: 1 << 20,
      compactAfterUpdates: this.compactAfterUpdates,
      roomIdleMs: 0,
      schedule: (flush) => this.scheduled.push(flush),
    })
  }

  addClient(name: string): SimClient {
    const client = new SimClient(name, this)
    this.clients.push(client)
    return client
  }

  /** Lets promise callbacks (room loading, store writes) run. */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
  }

  /** Runs the scheduled store writes, as the end of an event-loop turn would. */
  async flushStore(): Promise<void> {
    const due = this.scheduled
    this.scheduled = []
    for (const flush of due) flush()
    await this.registry.flush()
    await this.settle()
  }

  /** The server process dies: unsaved updates and every connection are lost; a new one starts on the same store. */
  async crashServer(): Promise<void> {
    for (const client of this.clients) client.drop()
    this.scheduled = []
    this.registry = this.createRegistry()
    await this.settle()
  }

  /** Something is in flight somewhere. */
  get busy(): boolean {
    return (
      this.scheduled.length > 0 || this.clients.some((c) => c.toServer.length > 0 || c.toClient.length > 0)
    )
  }

  /** Reconnects everyone and delivers everything until nothing moves. */
  async quiesce(): Promise<void> {
    for (const client of this.clients) client.connect()
    for (let rounds = 0; rounds < 10_000; rounds++) {
      await this.settle()
      if (!this.busy) return
      for (const client of this.clients) {
        while (client.toServer.length > 0) client.deliverToServer()
      }
      await this.flushStore()
      for (const client of this.clients) {
        while (client.toClient.length > 0) client.deliverToClient()
      }
    }
    throw new Error('network did not quiesce')
  }
}
