import * as decoding from 'lib0/decoding'
import { describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { Outbox } from '../../../server/sync/Outbox'
import { RelayLoad } from '../../../server/sync/RelayLoad'
import type { SocketPort } from '../../../server/sync/SocketPort'

/** An in-memory socket that records each write (a `sendMany` is one write). */
const recordingSocket = () => {
  const writes: Uint8Array[][] = []
  const socket: SocketPort = {
    send: (frame) => writes.push([frame]),
    sendMany: (frames) => writes.push([...frames]),
    close: () => {},
    isOpen: true,
  }
  return { socket, writes }
}

const keystrokes = (count: number) => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i % 10))
  return updates
}

/** The text a client ends up with: what it authored itself (`own`) plus the update frames it received. */
const textOfFrames = (frames: Uint8Array[], own: Uint8Array[] = []): string => {
  const doc = new Y.Doc()
  for (const update of own) Y.applyUpdate(doc, update)
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) continue
    decoding.readVarUint(decoder)
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc.getText('t').toString()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('Outbox', () => {
  const setup = (windowMs: number) => {
    const a = recordingSocket()
    const b = recordingSocket()
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    const outbox = new Outbox({ windowMs, awareness, sockets: () => [a.socket, b.socket] })
    return { a, b, outbox, awareness }
  }

  it('sends the first change after a quiet period at the end of that turn of the event loop, to everyone but its author', async () => {
    const { a, b, outbox } = setup(20)
    const [update] = keystrokes(1)
    outbox.addUpdate(update!, a.socket)
    expect(b.writes).toEqual([])
    await endOfTurn()
    expect(a.writes).toEqual([])
    expect(b.writes).toHaveLength(1)
    expect(textOfFrames(b.writes.flat())).toBe('0')
  })

  it('merges changes within the window into one update per socket, sent when the window ends', async () => {
    const { a, b, outbox } = setup(30)
    const updates = keystrokes(6)
    outbox.addUpdate(updates[0]!, a.socket)
    await endOfTurn()
    // Authored by both: each then gets the merge, its own part included (applying it again changes nothing).
    updates.slice(1).forEach((update, i) => {
      outbox.addUpdate(update, i % 2 ? a.socket : b.socket)
    })
    await endOfTurn()
    expect(b.writes).toHaveLength(1)
    await sleep(60)
    // One more write each: the five later keystrokes merged into one frame.
    expect(a.writes).toHaveLength(1)
    expect(b.writes).toHaveLength(2)
    expect(textOfFrames(a.writes.flat(), [updates[0]!])).toBe('012345')
    expect(textOfFrames(b.writes.flat())).toBe('012345')
  })

  it('does not send a merge back to its only author', async () => {
    const { a, b, outbox } = setup(30)
    const updates = keystrokes(4)
    outbox.addUpdate(updates[0]!, a.socket)
    await endOfTurn()
    for (const update of updates.slice(1)) outbox.addUpdate(update, a.socket)
    await sleep(60)
    expect(a.writes).toEqual([])
    expect(b.writes).toHaveLength(2)
    expect(textOfFrames(b.writes.flat())).toBe('0123')
  })

  it('with a zero window sends each turn’s changes at the end of that turn, merged', async () => {
    const { b, outbox, a } = setup(0)
    const updates = keystrokes(4)
    for (const update of updates.slice(0, 3)) outbox.addUpdate(update, a.socket)
    await endOfTurn()
    expect(b.writes).toHaveLength(1)
    outbox.addUpdate(updates[3]!, a.socket)
    await endOfTurn()
    expect(b.writes).toHaveLength(2)
    expect(textOfFrames(b.writes.flat())).toBe('0123')
  })

  it('while the process is quiet, relays every change of a 300-socket room in the turn it arrived, window or not', async () => {
    // Quiet as far as this process can tell: late timers (other test files on the same cores) are not counted.
    const load = new RelayLoad({ sampleMs: 20, busyDelayMs: 10_000 }).start()
    try {
      const sockets = Array.from({ length: 300 }, recordingSocket)
      const outbox = new Outbox({
        windowMs: 1_000,
        load,
        awareness: new awarenessProtocol.Awareness(new Y.Doc()),
        sockets: () => sockets.map((each) => each.socket),
      })
      await sleep(100)
      for (const update of keystrokes(5)) {
        outbox.addUpdate(update, sockets[0]!.socket)
        await endOfTurn()
      }
      expect(load.merging).toBe(false)
      for (const { writes } of sockets.slice(1)) expect(writes).toHaveLength(5)
      expect(textOfFrames(sockets[299]!.writes.flat())).toBe('01234')
    } finally {
      load.stop()
    }
  })

  it('while the process is loaded, merges the changes of a busy room within the window', async () => {
    // Load made for real: the event loop busy 40 ms of every 50 while 300 sockets are written to.
    const load = new RelayLoad({ sampleMs: 50 }).start()
    const sockets = Array.from({ length: 300 }, recordingSocket)
    const outbox = new Outbox({
      windowMs: 120,
      load,
      awareness: new awarenessProtocol.Awareness(new Y.Doc()),
      sockets: () => sockets.map((each) => each.socket),
    })
    const updates = keystrokes(400)
    let next = 0
    const typing = setInterval(() => {
      const until = performance.now() + 40
      while (performance.now() < until) {}
      for (let i = 0; i < 10 && next < updates.length; i++) outbox.addUpdate(updates[next++]!, null)
    }, 50)
    try {
      await vi.waitFor(() => expect(load.merging).toBe(true), { timeout: 5_000, interval: 20 })
      const before = sockets[1]!.writes.length
      const sentBefore = next
      await sleep(600)
      const sent = next - sentBefore
      // Ten changes per 50 ms turn: without merging one write per turn (sent / 10); merged, one per window.
      expect(sockets[1]!.writes.length - before).toBeLessThan(sent / 15)
    } finally {
      clearInterval(typing)
      load.stop()
    }
    while (next < updates.length) outbox.addUpdate(updates[next++]!, null)
    outbox.flush()
    expect(textOfFrames(sockets[7]!.writes.flat())).toBe(updates.map((_, i) => String(i % 10)).join(''))
  })

  it('writes a keystroke and the cursor move read with it to a socket in one write, at once', async () => {
    const { a, b, outbox, awareness } = setup(30)
    const updates = keystrokes(3)
    outbox.addUpdate(updates[0]!, null)
    awareness.setLocalState({ user: 'Aisha' })
    outbox.addUpdate(updates[1]!, null)
    outbox.addPresence([awareness.clientID], null, null)
    awareness.setLocalState({ user: 'Aisha', cursor: 3 })
    outbox.addPresence([awareness.clientID], null, null)
    await endOfTurn()
    for (const { writes } of [a, b]) {
      expect(writes).toHaveLength(1)
      expect(writes[0]).toHaveLength(2)
      expect(textOfFrames(writes.flat())).toBe('01')
      const presence = writes[0]![1]!
      const decoder = decoding.createDecoder(presence)
      expect(decoding.readVarUint(decoder)).toBe(1)
      const other = new awarenessProtocol.Awareness(new Y.Doc())
      awarenessProtocol.applyAwarenessUpdate(other, decoding.readVarUint8Array(decoder), null)
      expect(other.getStates().get(awareness.clientID)).toEqual({ user: 'Aisha', cursor: 3 })
    }
  })

  it('hands every socket that gets the same frames the same frames, so a transport frames them once', async () => {
    const sockets = [0, 1, 2].map(() => {
      const lists: (readonly Uint8Array[])[] = []
      const socket: SocketPort = {
        send: (frame) => lists.push([frame]),
        sendMany: (frames) => lists.push(frames),
        close: () => {},
        isOpen: true,
      }
      return { socket, lists }
    })
    const [author, b, c] = sockets
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    const outbox = new Outbox({ windowMs: 0, awareness, sockets: () => sockets.map((each) => each.socket) })
    awareness.setLocalState({ user: 'Aisha' })
    outbox.addUpdate(keystrokes(1)[0]!, author!.socket)
    outbox.addPresence([awareness.clientID], null, author!.socket)
    await endOfTurn()
    expect(author!.lists).toEqual([])
    expect(b!.lists).toHaveLength(1)
    expect(b!.lists[0]).toHaveLength(2)
    expect(c!.lists[0]).toBe(b!.lists[0])
  })
})
