import type { DocumentStore, UpdateRecord } from '../storage/port'

/** Settles one queued update: its seq once durable, or the error that kept it from being stored. */
export type PersistOutcome =
  | { readonly ok: true; readonly seq: number }
  | { readonly ok: false; readonly error: Error }

interface Batch {
  readonly records: UpdateRecord[]
  readonly settlers: Array<(outcome: PersistOutcome) => void>
  readonly after: Array<(error: Error | null) => void>
}

export interface PersistQueueOptions {
  /** When to write a batch; defaults to the end of the current event-loop turn. Tests inject their own. */
  readonly schedule?: (flush: () => void) => void
  /** Receives errors thrown by callbacks, so one bad callback cannot stall the queue. */
  readonly onCallbackError?: (error: unknown) => void
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))

/**
 * Appends incoming updates to the store before anyone else sees them. Updates that arrive in one event-loop
 * turn, from any room, are written in one transaction; batches are written strictly in order, so when a batch
 * settles every earlier one has too.
 */
export class PersistQueue {
  private open: Batch | null = null
  private newest: Batch | null = null
  private tail: Promise<void> = Promise.resolve()
  private readonly schedule: (flush: () => void) => void
  private readonly onCallbackError: (error: unknown) => void

  constructor(
    private readonly store: DocumentStore,
    { schedule = (flush) => setImmediate(flush), onCallbackError = console.error }: PersistQueueOptions = {},
  ) {
    this.schedule = schedule
    this.onCallbackError = onCallbackError
  }

  /** Queues an update; `settle` is called with its seq once durable, or with the error if writing failed. */
  enqueue(record: UpdateRecord, settle: (outcome: PersistOutcome) => void): void {
    let batch = this.open
    if (batch === null) {
      batch = { records: [], settlers: [], after: [] }
      this.open = batch
      this.newest = batch
      this.schedule(() => void this.flush())
    }
    batch.records.push(record)
    batch.settlers.push(settle)
  }

  /**
   * Runs `fn` once everything queued so far is durable (with null), or failed (with the error);
   * runs it at once when nothing is queued or being written.
   */
  afterPersisted(fn: (error: Error | null) => void): void {
    if (this.newest === null) fn(null)
    else this.newest.after.push(fn)
  }

  /** Whether anything is queued or being written. */
  get idle(): boolean {
    return this.newest === null
  }

  /** Writes what is queued now; resolves when it and every earlier batch have settled. */
  flush(): Promise<void> {
    const batch = this.open
    if (batch !== null) {
      this.open = null
      this.tail = this.tail.then(() => this.write(batch))
    }
    return this.tail
  }

  private async write(batch: Batch): Promise<void> {
    let outcomes: PersistOutcome[]
    let failure: Error | null = null
    try {
      const seqs = await this.store.append(batch.records)
      outcomes = seqs.map((seq) => ({ ok: true, seq }))
    } catch (error) {
      failure = asError(error)
      const outcome: PersistOutcome = { ok: false, error: failure }
      outcomes = batch.records.map(() => outcome)
    }
    if (this.newest === batch) this.newest = null
    batch.settlers.forEach((settle, index) => {
      this.call(() => settle(outcomes[index]!))
    })
    for (const fn of batch.after) this.call(() => fn(failure))
  }

  private call(fn: () => void): void {
    try {
      fn()
    } catch (error) {
      this.onCallbackError(error)
    }
  }
}
