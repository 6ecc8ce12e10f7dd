import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../../server/storage/port'
import { docFromStored } from '../helpers/docFromStored'

/** Builds a fresh, empty store for one test. */
export type StoreFactory = () => Promise<DocumentStore> | DocumentStore

const typed = (text: string): Uint8Array[] => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const char of text) doc.getText('t').insert(doc.getText('t').length, char)
  doc.destroy()
  return updates
}

const textOf = (stored: { state: Uint8Array | null; updates: readonly Uint8Array[] }): string => {
  const doc = docFromStored(stored)
  const text = doc.getText('t').toString()
  doc.destroy()
  return text
}

/**
 * The storage contract every `DocumentStore` adapter must keep. Cases carry spec ids so a failure names
 * the rule it broke, whichever adapter ran it.
 */
export interface StorageContractOptions {
  /** The adapter is shared by several server instances (Postgres): compaction must merge, never replace. */
  readonly concurrentWriters?: boolean
}

export const registerStorageContract = (
  name: string,
  factory: StoreFactory,
  { concurrentWriters = false }: StorageContractOptions = {},
): void => {
  describe(`${name} keeps the DocumentStore contract`, () => {
    let store: DocumentStore
    beforeEach(async () => {
      store = await factory()
    })
    afterEach(async () => {
      await store.close()
    })

    it('[ST1] an unknown document loads as empty', async () => {
      expect(await store.load('nothing-here')).toEqual({ state: null, updates: [], lastSeq: 0 })
      expect(await store.logLength('nothing-here')).toBe(0)
    })

    it('[ST2] appended updates load back byte for byte, in order', async () => {
      const updates = typed('Hej')
      await store.append(updates.map((update) => ({ docId: 'd', update })))
      const loaded = await store.load('d')
      expect(loaded.state).toBeNull()
      expect(loaded.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
      expect(textOf(loaded)).toBe('Hej')
    })

    it('[ST3] seqs increase within a document, across batches and across documents', async () => {
      const first = await store.append([
        { docId: 'a', update: typed('x')[0]! },
        { docId: 'b', update: typed('y')[0]! },
      ])
      const second = await store.append([{ docId: 'a', update: typed('z')[0]! }])
      const seqs = [...first, ...second]
      expect(seqs).toHaveLength(3)
      expect([...seqs].sort((p, q) => p - q)).toEqual(seqs)
      expect(new Set(seqs).size).toBe(3)
      expect((await store.load('a')).lastSeq).toBe(second[0])
      expect((await store.load('b')).lastSeq).toBe(first[1])
    })

    it('[ST4] documents are isolated from each other', async () => {
      await store.append(typed('aaa').map((update) => ({ docId: 'a', update })))
      await store.append(typed('bb').map((update) => ({ docId: 'b', update })))
      expect(textOf(await store.load('a'))).toBe('aaa')
      expect(textOf(await store.load('b'))).toBe('bb')
      expect(await store.logLength('a')).toBe(3)
      expect(await store.logLength('b')).toBe(2)
    })

    it('[ST5] compaction keeps the content identical and shrinks the log', async () => {
      const updates = typed('Samfinansiering')
      const seqs = await store.append(updates.map((update) => ({ docId: 'd', update })))
      const before = await store.load('d')
      const merged = Y.mergeUpdates(before.updates as Uint8Array[])
      await store.compact('d', merged, seqs.at(-1)!)
      const after = await store.load('d')
      expect(textOf(after)).toBe(textOf(before))
      expect(after.updates).toHaveLength(0)
      expect(await store.logLength('d')).toBe(0)
      expect(after.lastSeq).toBe(seqs.at(-1))
    })

    it('[ST6] compaction keeps log entries newer than throughSeq', async () => {
      const updates = typed('abcd')
      const seqs = await store.append(updates.map((update) => ({ docId: 'd', update })))
      const state = Y.mergeUpdates(updates.slice(0, 2))
      await store.compact('d', state, seqs[1]!)
      const loaded = await store.load('d')
      expect(loaded.updates).toHaveLength(2)
      expect(textOf(loaded)).toBe('abcd')
      expect(loaded.lastSeq).toBe(seqs[3])
    })

    it('[ST7] updates appended after a compaction follow the new state', async () => {
      const updates = typed('abcdef')
      const seqs = await store.append(updates.slice(0, 3).map((update) => ({ docId: 'd', update })))
      await store.compact('d', Y.mergeUpdates(updates.slice(0, 3)), seqs[2]!)
      await store.append(updates.slice(3).map((update) => ({ docId: 'd', update })))
      const loaded = await store.load('d')
      expect(loaded.updates).toHaveLength(3)
      expect(textOf(loaded)).toBe('abcdef')
    })

    it('[ST8] a second compaction replaces the first state', async () => {
      const updates = typed('abc')
      const seqs = await store.append(updates.map((update) => ({ docId: 'd', update })))
      await store.compact('d', Y.mergeUpdates(updates.slice(0, 1)), seqs[0]!)
      await store.compact('d', Y.mergeUpdates(updates), seqs[2]!)
      const loaded = await store.load('d')
      expect(loaded.updates).toHaveLength(0)
      expect(textOf(loaded)).toBe('abc')
    })

    it('[ST9] delete removes the state and the log of that document only', async () => {
      const seqs = await store.append(typed('ab').map((update) => ({ docId: 'gone', update })))
      await store.compact('gone', Y.mergeUpdates(typed('ab')), seqs[0]!)
      await store.append(typed('c').map((update) => ({ docId: 'kept', update })))
      await store.delete('gone')
      expect(await store.load('gone')).toEqual({ state: null, updates: [], lastSeq: 0 })
      expect(textOf(await store.load('kept'))).toBe('c')
    })

    it('[ST10] stored bytes are copies: mutating the input or a loaded array changes nothing stored', async () => {
      const update = typed('q')[0]!
      const original = [...update]
      await store.append([{ docId: 'd', update }])
      update.fill(0)
      const first = await store.load('d')
      ;(first.updates[0] as Uint8Array).fill(0)
      const second = await store.load('d')
      expect([...second.updates[0]!]).toEqual(original)
    })

    it('[ST11] appending nothing writes nothing', async () => {
      expect(await store.append([])).toEqual([])
      expect(await store.load('d')).toEqual({ state: null, updates: [], lastSeq: 0 })
    })

    it('[ST12] ping answers while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
    })

    it('[ST13] a large batch (5,000 updates) is appended whole', async () => {
      const updates = typed('x'.repeat(5_000))
      const seqs = await store.append(updates.map((update) => ({ docId: 'big', update })))
      expect(seqs).toHaveLength(5_000)
      expect(await store.logLength('big')).toBe(5_000)
      expect(textOf(await store.load('big'))).toBe('x'.repeat(5_000))
    })

    it('[ST14] loadSince returns only what was stored after a seq', async () => {
      const updates = typed('abcd')
      const seqs = await store.append(updates.map((update) => ({ docId: 'd', update })))
      const since = await store.loadSince('d', seqs[1]!)
      expect(since.state).toBeNull()
      expect(since.updates.map((u) => [...u])).toEqual(updates.slice(2).map((u) => [...u]))
      expect(since.lastSeq).toBe(seqs[3])
      expect((await store.loadSince('d', seqs[3]!)).updates).toEqual([])
      expect(await store.loadSince('nothing', 0)).toEqual({ state: null, updates: [], lastSeq: 0 })
    })

    it('[ST15] loadSince includes the compacted state once compaction dropped entries after the seq', async () => {
      const updates = typed('abcd')
      const seqs = await store.append(updates.map((update) => ({ docId: 'd', update })))
      const doc = new Y.Doc()
      for (const update of updates.slice(0, 3)) Y.applyUpdate(doc, update)
      await store.compact('d', Y.encodeStateAsUpdate(doc), seqs[2]!)
      const since = await store.loadSince('d', seqs[0]!)
      expect(since.state).not.toBeNull()
      expect(textOf(since)).toBe('abcd')
      expect((await store.loadSince('d', seqs[2]!)).state).toBeNull()
    })

    it('[ST16] latestSeqs gives the newest seq of each document in one call, 0 for unknown ones', async () => {
      const a = await store.append(typed('xy').map((update) => ({ docId: 'a', update })))
      const b = await store.append(typed('z').map((update) => ({ docId: 'b', update })))
      const latest = await store.latestSeqs(['a', 'b', 'nothing'])
      expect(latest).toEqual(
        new Map([
          ['a', a[1]],
          ['b', b[0]],
          ['nothing', 0],
        ]),
      )
    })

    it('[ST18] the first writer of a client id keeps it: later claims do not change the owner, deletion forgets them', async () => {
      const doc = `owners-${Math.random().toString(36).slice(2)}`
      const karin = { memberId: 'm-karin', partyId: 'p-kommun' }
      const aisha = { memberId: 'm-aisha', partyId: 'p-forening' }
      expect(await store.clientOwners(doc)).toEqual(new Map())
      expect(await store.claimClients(doc, new Map([[4_000_000_000, karin]]))).toEqual(
        new Map([[4_000_000_000, karin]]),
      )
      const second = await store.claimClients(
        doc,
        new Map([
          [4_000_000_000, aisha],
          [7, aisha],
        ]),
      )
      expect(second).toEqual(
        new Map([
          [4_000_000_000, karin],
          [7, aisha],
        ]),
      )
      expect(await store.clientOwners(doc)).toEqual(second)
      expect(await store.clientOwners(`${doc}-other`)).toEqual(new Map())
      await store.delete(doc)
      expect(await store.clientOwners(doc)).toEqual(new Map())
    })

    it('[ST19] lists recently written documents: uncompacted ones first, then newest compaction first, none compacted before `since`, at most `limit`, deleted ones never', async () => {
      const tag = Math.random().toString(36).slice(2)
      const [old, newer, newest, pending, gone] = ['old', 'newer', 'newest', 'pending', 'gone'].map(
        (name) => `${name}-${tag}`,
      ) as [string, string, string, string, string]
      const pause = () => new Promise((resolve) => setTimeout(resolve, 5))
      for (const doc of [old, newer, newest, gone]) {
        const seqs = await store.append(typed('ab').map((update) => ({ docId: doc, update })))
        await store.compact(doc, Y.mergeUpdates(typed('ab')), seqs.at(-1)!)
        await pause()
      }
      await store.append(typed('c').map((update) => ({ docId: pending, update })))
      await store.delete(gone)
      const mine = (ids: string[]) => ids.filter((id) => id.endsWith(tag))
      expect(mine(await store.recentlyWritten(0, 1_000))).toEqual([pending, newest, newer, old])
      expect(await store.recentlyWritten(0, 2)).toHaveLength(2)
      // Compacted "in the future": only the document with pending entries is listed.
      expect(mine(await store.recentlyWritten(Date.now() + 60_000, 1_000))).toEqual([pending])
    })

    it.runIf(concurrentWriters)(
      '[ST17] compacting with a state that lacks a logged entry (another instance wrote it) keeps that entry',
      async () => {
        const mine = typed('mitt ')
        const theirs = new Y.Doc()
        theirs.getText('u').insert(0, 'deras')
        const seqs = await store.append([
          ...mine.map((update) => ({ docId: 'd', update })),
          { docId: 'd', update: Y.encodeStateAsUpdate(theirs) },
        ])
        const partial = new Y.Doc()
        for (const update of mine) Y.applyUpdate(partial, update)
        // This instance's state never saw the other instance's update, yet compacts through its seq.
        await store.compact('d', Y.encodeStateAsUpdate(partial), seqs.at(-1)!)
        const loaded = await store.load('d')
        expect(loaded.updates).toEqual([])
        const doc = new Y.Doc()
        Y.applyUpdate(doc, loaded.state!)
        expect(doc.getText('t').toString()).toBe('mitt ')
        expect(doc.getText('u').toString()).toBe('deras')
      },
    )
  })
}
