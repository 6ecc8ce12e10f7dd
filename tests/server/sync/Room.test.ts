import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createLogger } from '../../../server/logger'
import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import { encodeAwareness, encodeSyncUpdate } from '../../../server/sync/messageCodec'
import { PersistQueue } from '../../../server/sync/PersistQueue'
import { Room } from '../../../server/sync/Room'
import type { SocketPort } from '../../../server/sync/SocketPort'
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

  const setup = async () => {
    const store = new MemoryDocumentStore()
    const room = new Room({
      docId: 'doc',
      stored: await store.load('doc'),
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
})
