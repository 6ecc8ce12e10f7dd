import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createLogger } from '../../../server/logger'
import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import { encodeAwareness, encodeSyncUpdate } from '../../../server/sync/messageCodec'
import { PersistQueue } from '../../../server/sync/PersistQueue'
import { newRoomCounters, Room, type RoomOptions } from '../../../server/sync/Room'
import type { SocketPort } from '../../../server/sync/SocketPort'
import { StateEncoder } from '../../../server/sync/StateEncoder'
import { DROP, WRITES_ANYTHING, type WritePolicy } from '../../../server/sync/WritePolicy'
import { MessageType, SyncMessageType } from '../../../shared/protocol/message-type'

/** An in-memory socket that records every frame it is sent and how it was closed. */
const recordingSocket = () => {
  const frames: Uint8Array[] = []
  const closed: { code: number; reason: string }[] = []
  const socket: SocketPort = {
    send: (frame) => frames.push(frame),
    sendMany: (many) => frames.push(...many),
    close: (code, reason) => closed.push({ code, reason }),
    get isOpen() {
      return closed.length === 0
    },
  }
  return { socket, frames, closed }
}

/** The kinds of the frames a socket was sent, e.g. 'sync-update', 'awareness'. */
const kinds = (frames: readonly Uint8Array[]): string[] =>
  frames.map((frame) => {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.Awareness) return 'awareness'
    if (type !== MessageType.Sync) return `type-${type}`
    const sub = decoding.readVarUint(decoder)
    return sub === SyncMessageType.Step1
      ? 'sync-step1'
      : sub === SyncMessageType.Step2
        ? 'sync-step2'
        : 'sync-update'
  })

const oneEdit = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'hej')
  return Y.encodeStateAsUpdate(doc)
}

const presence = (): Uint8Array => {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: 'Aisha' } })
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
  doc.destroy()
  return update
}

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('Room', () => {
  const rooms: Room[] = []
  afterEach(() => {
    for (const room of rooms.splice(0)) room.destroy()
  })

  const setup = async (extra: Partial<RoomOptions> = {}, store = new MemoryDocumentStore()) => {
    const room = new Room({
      docId: 'doc',
      stored: await store.load('doc'),
      ...extra,
      store,
      queue: new PersistQueue(store),
      logger: createLogger('silent'),
      maxUpdateBytes: 1 << 20,
      compactAfterUpdates: 1_000,
      broadcastWindowMs: 0,
      onEmpty: () => {},
      onBroken: () => {},
    })
    rooms.push(room)
    return { store, room }
  }

  const refusing = (verdict: ReturnType<WritePolicy['update']>): WritePolicy & { asked: number } => {
    const policy = {
      asked: 0,
      presence: false,
      writer: null,
      update: () => {
        policy.asked++
        return verdict
      },
    }
    return policy
  }

  it('applies, stores and relays nothing a refusing policy drops, and relays none of its presence', async () => {
    const { store, room } = await setup()
    const writer = recordingSocket()
    const reader = recordingSocket()
    const policy = refusing(DROP)
    room.join(writer.socket, policy)
    room.join(reader.socket, WRITES_ANYTHING)
    const joined = reader.frames.length

    room.receive(writer.socket, encodeSyncUpdate(oneEdit()))
    room.receive(writer.socket, encodeAwareness(presence()))
    await endOfTurn()
    await room.compact()

    expect(policy.asked).toBe(1)
    expect(room.doc.getText('t').toString()).toBe('')
    expect((await store.load('doc')).updates).toEqual([])
    expect(room.awareness.getStates().size).toBe(0)
    expect(kinds(reader.frames.slice(joined))).toEqual([])
    expect(writer.closed).toEqual([])
  })

  it('compacts through the state encoder: the stored state is the document, and the log is dropped', async () => {
    const stateEncoder = new StateEncoder()
    try {
      const { store, room } = await setup({ stateEncoder, compactAfterUpdates: 50 })
      const writer = recordingSocket()
      room.join(writer.socket, WRITES_ANYTHING)
      const author = new Y.Doc()
      author.on('update', (update: Uint8Array) => room.receive(writer.socket, encodeSyncUpdate(update)))
      for (let i = 0; i < 60; i++) author.getText('t').insert(0, `${i % 10}`)
      await endOfTurn()
      await room.compact()
      const stored = await store.load('doc')
      expect(stored.updates).toEqual([])
      const reloaded = new Y.Doc()
      Y.applyUpdate(reloaded, stored.state!)
      expect(reloaded.getText('t').toString()).toBe(author.getText('t').toString())
      expect(room.pendingLogLength).toBe(0)
    } finally {
      await stateEncoder.close()
    }
  })

  it('closes the socket with the code of a rejecting verdict, and applies nothing of its update', async () => {
    const { store, room } = await setup()
    const writer = recordingSocket()
    const reader = recordingSocket()
    room.join(writer.socket, refusing({ kind: 'reject', reason: 'foreign-client-id', detail: 'test' }))
    room.join(reader.socket, WRITES_ANYTHING)
    const joined = reader.frames.length

    room.receive(writer.socket, encodeSyncUpdate(oneEdit()))
    await endOfTurn()

    expect(writer.closed).toEqual([{ code: 4409, reason: 'foreign-client-id' }])
    expect(room.doc.getText('t').toString()).toBe('')
    expect((await store.load('doc')).updates).toEqual([])
    expect(kinds(reader.frames.slice(joined))).toEqual([])
  })

  it('applies, stores and relays what a policy allows', async () => {
    const { store, room } = await setup()
    const writer = recordingSocket()
    const reader = recordingSocket()
    room.join(writer.socket, WRITES_ANYTHING)
    room.join(reader.socket, WRITES_ANYTHING)
    const joined = reader.frames.length

    room.receive(writer.socket, encodeSyncUpdate(oneEdit()))
    room.receive(writer.socket, encodeAwareness(presence()))
    await endOfTurn()
    await endOfTurn()

    expect(room.doc.getText('t').toString()).toBe('hej')
    expect((await store.load('doc')).updates).toHaveLength(1)
    expect(kinds(reader.frames.slice(joined))).toEqual(expect.arrayContaining(['sync-update', 'awareness']))
  })

  it('closes a socket with 4412 when the content its update built on does not come when asked, and counts it', async () => {
    const counters = newRoomCounters()
    const { room } = await setup({ counters, missingDependencyTimeoutMs: 30 })
    const silent = recordingSocket()
    room.join(silent.socket, WRITES_ANYTHING)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('t').insert(0, 'a')
    doc.getText('t').insert(1, 'b')
    const asked = silent.frames.length
    room.receive(silent.socket, encodeSyncUpdate(updates[1]!))
    expect(kinds(silent.frames.slice(asked))).toEqual(['sync-step1'])
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(silent.closed).toEqual([{ code: 4412, reason: 'missing-dependencies' }])
    expect(counters).toMatchObject({ missingDependencies: 1, missingDependencyCloses: 1 })
  })

  it('reports stored content that builds on something never stored as an integrity error, and still serves the rest', async () => {
    const store = new MemoryDocumentStore()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('t').insert(0, 'a')
    doc.getText('t').insert(1, 'b')
    const other = new Y.Doc()
    other.getText('u').insert(0, 'fristående')
    await store.append([
      { docId: 'doc', update: updates[1]! },
      { docId: 'doc', update: Y.encodeStateAsUpdate(other) },
    ])
    const counters = newRoomCounters()
    const { room } = await setup({ counters }, store)
    expect(counters.storedPending).toBe(1)
    expect(room.doc.getText('u').toString()).toBe('fristående')
  })

  it('lets a socket set presence only for the client ids it introduced, and another socket of the same writer take them over', async () => {
    const counters = newRoomCounters()
    const { room } = await setup({ counters })
    const policyOf = (writer: string) => ({ ...WRITES_ANYTHING, writer })
    const aisha = recordingSocket()
    const impostor = recordingSocket()
    const aishaAgain = recordingSocket()
    room.join(aisha.socket, policyOf('aisha'))
    room.join(impostor.socket, policyOf('bertil'))
    room.join(aishaAgain.socket, policyOf('aisha'))
    const clientDoc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(clientDoc)
    awareness.setLocalState({ user: { name: 'Aisha' } })
    room.receive(
      aisha.socket,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientDoc.clientID])),
    )
    await endOfTurn()
    // Someone else claims Aisha's client id: it is not applied.
    awareness.setLocalState({ user: { name: 'IMPOSTOR' } })
    room.receive(
      impostor.socket,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientDoc.clientID])),
    )
    await endOfTurn()
    expect(room.awareness.getStates().get(clientDoc.clientID)).toEqual({ user: { name: 'Aisha' } })
    expect(counters.foreignPresence).toBe(1)
    // The impostor leaving removes nothing of Aisha's.
    room.leave(impostor.socket)
    expect(room.awareness.getStates().has(clientDoc.clientID)).toBe(true)
    // Aisha's reconnected socket may update her presence.
    awareness.setLocalState({ user: { name: 'Aisha', focus: 'syfte' } })
    room.receive(
      aishaAgain.socket,
      encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientDoc.clientID])),
    )
    await endOfTurn()
    expect(room.awareness.getStates().get(clientDoc.clientID)).toEqual({
      user: { name: 'Aisha', focus: 'syfte' },
    })
    clientDoc.destroy()
  })
})
