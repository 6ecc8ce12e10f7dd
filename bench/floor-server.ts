// A floor for the bench, not a server anyone would run: an in-memory relay that does the least any
// y-websocket server must do (apply each update, pass it on, answer joiners) and nothing else — no
// storage, no authorisation, no waiting, answers cached. Whatever latency the bench measures against it is
// the load generator's, the kernel's and `ws`'s, so a target below it is out of reach for every server.
// What one event-loop turn read goes to each socket in one write (a keystroke and its cursor move), the
// fewest system calls a relay can make without holding anything back, so its CPU is the least a server can
// use without adding latency.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket, WebSocketServer } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** The y-websocket message types (y-protocols frames what follows each). */
const SYNC = 0
const AWARENESS = 1

interface FloorRoom {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly sockets: Map<WebSocket, Set<number>>
  fullState: Uint8Array | null
  presence: Uint8Array | null
  changed: boolean
  /** Frames read this turn, with the socket each came from, written at the turn's end. */
  outgoing: Array<{ readonly from: WebSocket | null; readonly bytes: Uint8Array }>
}

const rooms = new Map<string, FloorRoom>()

/** A message of `type` whose body `write` adds. */
const frame = (type: number, write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const presenceFrame = (room: FloorRoom, clients: number[]): Uint8Array =>
  frame(AWARENESS, (e) =>
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)),
  )

const roomFor = (name: string): FloorRoom => {
  let room = rooms.get(name)
  if (room === undefined) {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    const created: FloorRoom = {
      doc,
      awareness,
      sockets: new Map(),
      fullState: null,
      presence: null,
      changed: false,
      outgoing: [],
    }
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      created.changed ||=
        transaction.deleteSet.clients.size > 0 ||
        [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock)
    })
    // Which presence states each socket announced, so they can be removed for everyone when it leaves.
    awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        created.presence = null
        const clients = created.sockets.get(origin as WebSocket)
        if (clients === undefined) return
        for (const id of [...added, ...updated]) clients.add(id)
        for (const id of removed) clients.delete(id)
      },
    )
    room = created
    rooms.set(name, room)
  }
  return room
}

const relay = (room: FloorRoom, from: WebSocket | null, bytes: Uint8Array): void => {
  if (room.outgoing.length === 0) setImmediate(() => flush(room))
  room.outgoing.push({ from, bytes })
}

const flush = (room: FloorRoom): void => {
  const outgoing = room.outgoing
  room.outgoing = []
  for (const socket of room.sockets.keys()) {
    if (socket.readyState !== WebSocket.OPEN) continue
    const raw = (socket as unknown as { _socket: { cork(): void; uncork(): void } })._socket
    raw.cork()
    for (const { from, bytes } of outgoing) if (from !== socket) socket.send(bytes)
    raw.uncork()
  }
}

const presenceOf = (room: FloorRoom): Uint8Array | null => {
  const states = room.awareness.getStates()
  if (states.size === 0) return null
  room.presence ??= presenceFrame(room, [...states.keys()])
  return room.presence
}

const receive = (room: FloorRoom, socket: WebSocket, data: Uint8Array): void => {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === AWARENESS) {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket)
    relay(room, socket, data)
    return
  }
  if (type !== SYNC) return
  const step = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (step === syncProtocol.messageYjsSyncStep1) {
    // An empty state vector (one byte) asks for everything: the same bytes for every such joiner.
    if (payload.byteLength > 1) {
      socket.send(frame(SYNC, (e) => syncProtocol.writeSyncStep2(e, room.doc, payload)))
      return
    }
    room.fullState ??= frame(SYNC, (e) => syncProtocol.writeSyncStep2(e, room.doc))
    socket.send(room.fullState)
    return
  }
  if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) return
  room.changed = false
  Y.applyUpdate(room.doc, payload, socket)
  // A joiner's answer to our step 1 is usually empty: passing that on would cost every socket a write.
  if (!room.changed) return
  room.fullState = null
  relay(
    room,
    socket,
    step === syncProtocol.messageYjsUpdate ? data : frame(SYNC, (e) => syncProtocol.writeUpdate(e, payload)),
  )
}

const server = new WebSocketServer({ host: '127.0.0.1', port: Number(process.env.PORT) })
server.on('connection', (socket, request) => {
  const room = roomFor(request.url ?? '/')
  room.sockets.set(socket, new Set())
  socket.send(frame(SYNC, (e) => syncProtocol.writeSyncStep1(e, room.doc)))
  const presence = presenceOf(room)
  if (presence !== null) socket.send(presence)
  socket.on('message', (data: Buffer) => {
    try {
      receive(room, socket, data)
    } catch (error) {
      console.error('floor server: closing a socket that sent a bad frame:', error)
      socket.close(1003, 'bad frame')
    }
  })
  socket.on('close', () => {
    const clients = room.sockets.get(socket)
    room.sockets.delete(socket)
    if (clients === undefined || clients.size === 0) return
    awarenessProtocol.removeAwarenessStates(room.awareness, [...clients], null)
    relay(room, null, presenceFrame(room, [...clients]))
  })
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
