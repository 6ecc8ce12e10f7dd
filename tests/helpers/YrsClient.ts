import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as ywasm from 'ywasm'

const SYNC = 0
const AWARENESS = 1
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

/**
 * A Yjs client that shares no code with yjs: a document of yrs (the Rust implementation, compiled to wasm
 * as `ywasm`) speaking the y-websocket protocol through the small codec below — varUint message type 0
 * (sync: step 1, step 2, update) and 1 (awareness). Like any real client it keeps its document across
 * disconnects, reconnects by itself, and on every connection sends its state vector and answers the
 * server's with what the server lacks, so edits made offline reach the server.
 */
export class YrsClient {
  readonly doc = new ywasm.YDoc({})
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: held, never read: wasm-bindgen frees an unreferenced Observer and the client silently stops sending (issue 21)
  private readonly updates: ywasm.Observer
  private socket: WebSocket | null = null
  private applyingRemote = false
  private stopped = false
  private awarenessClock = 0
  private presence: Record<string, unknown> | null = null
  /** Step 2 answers received on the current connection (the first one means: synced). */
  syncedConnections = 0
  private synced = false

  constructor(
    private readonly url: () => string,
    private readonly token: string,
    private readonly docId: string,
  ) {
    // Kept: wasm-bindgen frees an Observer that nothing references, and with it the subscription — after a
    // garbage collection the client would stop sending its edits without a word.
    this.updates = this.doc.onUpdate((update: Uint8Array) => {
      if (!this.applyingRemote) this.send(SYNC, UPDATE, update)
    })
  }

  get clientId(): number {
    return this.doc.id as number
  }

  get isSynced(): boolean {
    return this.synced && this.socket?.readyState === WebSocket.OPEN
  }

  connect(): void {
    this.stopped = false
    this.synced = false
    const socket = new WebSocket(`${this.url()}/${this.docId}?token=${this.token}`)
    this.socket = socket
    socket.binaryType = 'nodebuffer'
    socket.on('open', () => {
      this.send(SYNC, STEP1, ywasm.encodeStateVector(this.doc))
      if (this.presence !== null) this.sendPresence()
    })
    socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
    socket.on('error', () => {})
    socket.on('close', () => {
      if (this.socket !== socket) return
      this.socket = null
      this.synced = false
      if (!this.stopped) setTimeout(() => this.connect(), 100).unref()
    })
  }

  /** Types at the end of text `name`. */
  type(name: string, text: string): void {
    const ytext = this.doc.getText(name)
    ytext.insert(ytext.length(undefined), text, undefined, undefined)
  }

  text(name: string): string {
    return this.doc.getText(name).toString(undefined)
  }

  setPresence(state: Record<string, unknown>): void {
    this.presence = state
    this.sendPresence()
  }

  /** Stops reconnecting and closes the socket (the document stays). */
  disconnect(): void {
    this.stopped = true
    this.socket?.close()
    this.socket = null
    this.synced = false
  }

  /** The state vector as yjs would read it: client → clock. */
  stateVector(): Map<number, number> {
    const decoder = decoding.createDecoder(ywasm.encodeStateVector(this.doc))
    const vector = new Map<number, number>()
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) vector.set(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
    return vector
  }

  destroy(): void {
    this.disconnect()
    this.doc.free()
  }

  private sendPresence(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, AWARENESS)
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, this.clientId)
    encoding.writeVarUint(update, ++this.awarenessClock)
    encoding.writeVarString(update, JSON.stringify(this.presence))
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    this.write(encoding.toUint8Array(encoder))
  }

  private send(type: number, sub: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint(encoder, sub)
    encoding.writeVarUint8Array(encoder, payload)
    this.write(encoding.toUint8Array(encoder))
  }

  private write(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame)
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type !== SYNC) return
    const sub = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (sub === STEP1) {
      this.send(SYNC, STEP2, ywasm.encodeStateAsUpdate(this.doc, payload))
      return
    }
    this.applyingRemote = true
    try {
      ywasm.applyUpdate(this.doc, payload, 'server')
    } finally {
      this.applyingRemote = false
    }
    if (sub === STEP2) {
      this.synced = true
      this.syncedConnections++
    }
  }
}
