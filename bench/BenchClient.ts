import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * How a server frames y-websocket messages. `plain` is the standard protocol (Samverkstad,
 * @y/websocket-server); `hocuspocus` prefixes every message with the document name, sends an auth message
 * first, answers sync step 1 with a "sync reply" (type 4) and acknowledges updates (type 8).
 */
export type Framing = 'plain' | 'hocuspocus'

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const SYNC_REPLY = 4

export interface BenchClientOptions {
  readonly url: string
  readonly docName: string
  readonly framing: Framing
  /** Apply remote updates to the local Y.Doc as they arrive (otherwise they are kept and applied by `applyPending`). */
  readonly applyOnArrival: boolean
  /**
   * Called for every remote document update with the struct ranges it holds: per author client, clocks
   * from (inclusive) to (exclusive). Servers may merge several updates into one message.
   */
  readonly onRemoteUpdate?: (
    client: BenchClient,
    ranges: ReadonlyArray<readonly [number, number, number]>,
  ) => void
  /** Track other clients' presence (decode and apply their awareness updates). */
  readonly trackAwareness?: boolean
}

/**
 * The id of an update's first struct, read from its header (Yjs update v1: number of clients, then per
 * client the number of structs, the client id and the first clock). Four varUints instead of parsing the
 * whole update keeps the generator cheap when it receives tens of thousands of updates a second.
 */
export const firstStructId = (update: Uint8Array): [number, number] | null => {
  const decoder = decoding.createDecoder(update)
  if (decoding.readVarUint(decoder) === 0) return null
  decoding.readVarUint(decoder)
  return [decoding.readVarUint(decoder), decoding.readVarUint(decoder)]
}

/**
 * The struct ranges of an update as [client, fromClock, toClock). A single struct of a single client (a
 * keystroke) is read from the header; anything merged is parsed with Y.parseUpdateMeta.
 */
export const structRanges = (update: Uint8Array): Array<[number, number, number]> => {
  const decoder = decoding.createDecoder(update)
  const clients = decoding.readVarUint(decoder)
  if (clients === 0) return []
  if (clients === 1 && decoding.readVarUint(decoder) === 1) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    return [[client, clock, clock + 1]]
  }
  const meta = Y.parseUpdateMeta(update)
  return [...meta.from].map(([client, from]) => [client, from, meta.to.get(client) ?? from + 1])
}

/**
 * A simulated participant with a real Y.Doc, speaking the y-websocket protocol over `ws`. All bench
 * scenarios drive every server through this one class.
 */
export class BenchClient {
  readonly doc = new Y.Doc()
  readonly awareness: awarenessProtocol.Awareness
  private ws: WebSocket | null = null
  private readonly pending: Uint8Array[] = []
  private syncedResolve: (() => void) | null = null
  /** Resolves when the server has answered our sync step 1 (not necessarily with everything!). */
  readonly synced: Promise<void>
  closedWith: number | null = null
  errors = 0

  constructor(private readonly options: BenchClientOptions) {
    this.synced = new Promise((resolve) => {
      this.syncedResolve = resolve
    })
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // Bench clients set presence explicitly; no periodic renewals skewing the figures.
    clearInterval((this.awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      this.send(SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update))
    })
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.options.url, { perMessageDeflate: false })
      ws.binaryType = 'nodebuffer'
      this.ws = ws
      ws.on('open', () => {
        if (this.options.framing === 'hocuspocus') {
          this.send(AUTH, (encoder) => {
            encoding.writeVarUint(encoder, 0)
            encoding.writeVarString(encoder, '')
          })
        }
        this.send(SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc))
        resolve()
      })
      ws.on('message', (data: Buffer) => this.receive(data))
      ws.on('error', (error) => {
        this.errors++
        reject(error)
      })
      ws.on('close', (code) => {
        this.closedWith = code
      })
    })
  }

  /** Sends this client's presence (e.g. a cursor). */
  setPresence(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state)
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])
    this.send(AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update))
  }

  /** Applies remote updates kept back with `applyOnArrival: false`. */
  applyPending(): void {
    if (this.pending.length === 0) return
    Y.applyUpdate(this.doc, Y.mergeUpdates(this.pending.splice(0)), this)
  }

  get text(): string {
    return this.doc.getText('t').toString()
  }

  close(): void {
    this.ws?.terminate()
    this.ws = null
    this.awareness.destroy()
    this.doc.destroy()
  }

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    const ws = this.ws
    if (ws === null || ws.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    if (this.options.framing === 'hocuspocus') encoding.writeVarString(encoder, this.options.docName)
    encoding.writeVarUint(encoder, type)
    write(encoder)
    ws.send(encoding.toUint8Array(encoder))
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (this.options.framing === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === SYNC || type === SYNC_REPLY) {
      const subtype = decoding.readVarUint(decoder)
      if (subtype === syncProtocol.messageYjsSyncStep1) {
        const stateVector = decoding.readVarUint8Array(decoder)
        this.send(SYNC, (encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector))
        return
      }
      const update = decoding.readVarUint8Array(decoder)
      if (subtype === syncProtocol.messageYjsUpdate && this.options.onRemoteUpdate !== undefined) {
        // A server that merges relays may send a client its own update back; that is no delivery.
        const ranges = structRanges(update).filter(([client]) => client !== this.doc.clientID)
        if (ranges.length > 0) this.options.onRemoteUpdate(this, ranges)
      }
      if (this.options.applyOnArrival || subtype === syncProtocol.messageYjsSyncStep2) {
        Y.applyUpdate(this.doc, update, this)
      } else {
        this.pending.push(update)
      }
      if (subtype === syncProtocol.messageYjsSyncStep2) this.syncedResolve?.()
    } else if (type === AWARENESS && this.options.trackAwareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
    }
  }
}
