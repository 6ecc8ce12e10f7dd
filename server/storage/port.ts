/**
 * The storage contract the sync core sees. Adapters (memory, SQLite, later Postgres) implement it and are
 * wired only in `server/main.ts`; every adapter runs the same contract suite (tests/contract).
 *
 * A document is stored as a compacted Yjs state plus an append-only log of updates after it. Each log entry
 * gets a sequence number that increases within a document; compaction replaces the state and drops the log
 * entries the new state already contains.
 */

/** What `load` returns: apply `state` (if any), then every update in order. */
export interface StoredDocument {
  readonly state: Uint8Array | null
  readonly updates: readonly Uint8Array[]
  /** The seq of the newest entry the state or the log holds; 0 for a document never written. */
  readonly lastSeq: number
}

export interface UpdateRecord {
  readonly docId: string
  readonly update: Uint8Array
}

export interface DocumentStore {
  /** Everything stored for a document. An unknown document loads as empty (`state: null`, no updates). */
  load(docId: string): Promise<StoredDocument>
  /**
   * Appends updates (of any documents) in one transaction, in order, and resolves with the seq given to each
   * once they are durable. If it rejects, none of them was written.
   */
  append(records: readonly UpdateRecord[]): Promise<number[]>
  /**
   * Replaces the document's state with `state` and drops the log entries with seq ≤ `throughSeq`.
   * The caller promises that `state` contains every update of those entries; later entries stay.
   */
  compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void>
  /** Number of log entries stored after the compacted state. */
  logLength(docId: string): Promise<number>
  /** Removes the document's state and log. */
  delete(docId: string): Promise<void>
  /** Resolves if the store answers; used by `/readyz`. */
  ping(): Promise<void>
  close(): Promise<void>
}
