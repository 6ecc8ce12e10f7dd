import { describe, expect, it } from 'vitest'
import { MemoryDocumentStore } from '../../../server/storage/memory/MemoryDocumentStore'
import type { UpdateRecord } from '../../../server/storage/port'
import { type PersistOutcome, PersistQueue } from '../../../server/sync/PersistQueue'

/** A real memory store that records each append call and can be told to fail the next one. */
class RecordingStore extends MemoryDocumentStore {
  readonly calls: number[] = []
  failNext = false
  override async append(records: readonly UpdateRecord[]): Promise<number[]> {
    this.calls.push(records.length)
    if (this.failNext) {
      this.failNext = false
      throw new Error('disk full')
    }
    return super.append(records)
  }
}

const record = (docId: string, byte: number): UpdateRecord => ({ docId, update: Uint8Array.of(byte) })

describe('PersistQueue', () => {
  it('writes the updates of one event-loop turn, of any documents, in one append', async () => {
    const store = new RecordingStore()
    const queue = new PersistQueue(store)
    const outcomes: PersistOutcome[] = []
    for (let i = 0; i < 10; i++) queue.enqueue(record(i % 2 ? 'a' : 'b', i), (o) => outcomes.push(o))
    expect(store.calls).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    await queue.flush()
    expect(store.calls).toEqual([10])
    expect(outcomes.map((o) => o.ok)).toEqual(Array(10).fill(true))
    const seqs = outcomes.map((o) => (o.ok ? o.seq : -1))
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
  })

  it('runs afterPersisted hooks only once everything queued before them is durable', async () => {
    const store = new RecordingStore()
    const queue = new PersistQueue(store, { schedule: () => {} })
    const events: string[] = []
    queue.afterPersisted(() => events.push('nothing pending: at once'))
    queue.enqueue(record('a', 1), () => events.push('persisted 1'))
    queue.afterPersisted((error) => events.push(`after 1 (${error})`))
    expect(events).toEqual(['nothing pending: at once'])
    await queue.flush()
    expect(events).toEqual(['nothing pending: at once', 'persisted 1', 'after 1 (null)'])
    expect(queue.idle).toBe(true)
  })

  it('reports a failed write to every update of the batch and to the hooks, then carries on', async () => {
    const store = new RecordingStore()
    const queue = new PersistQueue(store, { schedule: () => {} })
    const outcomes: PersistOutcome[] = []
    const hookErrors: Array<Error | null> = []
    store.failNext = true
    queue.enqueue(record('a', 1), (o) => outcomes.push(o))
    queue.enqueue(record('a', 2), (o) => outcomes.push(o))
    queue.afterPersisted((error) => hookErrors.push(error))
    await queue.flush()
    expect(outcomes.every((o) => !o.ok)).toBe(true)
    expect(hookErrors[0]?.message).toBe('disk full')
    expect(await store.logLength('a')).toBe(0)

    queue.enqueue(record('a', 3), (o) => outcomes.push(o))
    await queue.flush()
    expect(outcomes.at(-1)?.ok).toBe(true)
    expect(await store.logLength('a')).toBe(1)
  })

  it('keeps going when a callback throws', async () => {
    const errors: unknown[] = []
    const queue = new PersistQueue(new RecordingStore(), {
      schedule: () => {},
      onCallbackError: (error) => errors.push(error),
    })
    const seen: number[] = []
    queue.enqueue(record('a', 1), () => {
      throw new Error('boom')
    })
    queue.enqueue(record('a', 2), (o) => seen.push(o.ok ? o.seq : -1))
    await queue.flush()
    expect(errors).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })
})
