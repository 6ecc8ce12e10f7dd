import type { ClientOwner, DocumentStore, StoredDocument, StoredSince, UpdateRecord } from '../port'

interface MemoryDocument {
  state: Uint8Array | null
  stateSeq: number
  /** When the state was last compacted (ms since the epoch); 0 if never. */
  compactedAt: number
  log: Array<{ seq: number; update: Uint8Array }>
}

/** Keeps everything in process memory; for tests and throwaway demos. Copies bytes in and out like a real store. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly docs = new Map<string, MemoryDocument>()
  private readonly owners = new Map<string, Map<number, ClientOwner>>()
  private seq = 0
  private closed = false

  private doc(docId: string): MemoryDocument {
    let doc = this.docs.get(docId)
    if (doc === undefined) {
      doc = { state: null, stateSeq: 0, compactedAt: 0, log: [] }
      this.docs.set(docId, doc)
    }
    return doc
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryDocumentStore is closed')
  }

  async load(docId: string): Promise<StoredDocument> {
    this.assertOpen()
    const doc = this.docs.get(docId)
    if (doc === undefined) return { state: null, updates: [], lastSeq: 0 }
    const last = doc.log.at(-1)
    return {
      state: doc.state === null ? null : doc.state.slice(),
      updates: doc.log.map((entry) => entry.update.slice()),
      lastSeq: last === undefined ? doc.stateSeq : last.seq,
    }
  }

  async append(records: readonly UpdateRecord[]): Promise<number[]> {
    this.assertOpen()
    return records.map((record) => {
      const seq = ++this.seq
      this.doc(record.docId).log.push({ seq, update: record.update.slice() })
      return seq
    })
  }

  async compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.assertOpen()
    const doc = this.doc(docId)
    doc.state = state.slice()
    doc.stateSeq = Math.max(doc.stateSeq, throughSeq)
    doc.compactedAt = Date.now()
    doc.log = doc.log.filter((entry) => entry.seq > throughSeq)
  }

  async recentlyWritten(since: number, limit: number): Promise<string[]> {
    this.assertOpen()
    // The same order as the SQL stores': pending entries first, then the compaction time (if since `since`).
    const written = [...this.docs]
      .map(([docId, doc]) => ({
        docId,
        pending: doc.log.length > 0 ? 1 : 0,
        at: doc.state !== null && doc.compactedAt >= since ? doc.compactedAt : 0,
      }))
      .filter((doc) => doc.pending === 1 || doc.at > 0)
    written.sort((x, y) => y.pending - x.pending || y.at - x.at || (x.docId < y.docId ? -1 : 1))
    return written.slice(0, limit).map((doc) => doc.docId)
  }

  async logLength(docId: string): Promise<number> {
    this.assertOpen()
    return this.docs.get(docId)?.log.length ?? 0
  }

  async loadSince(docId: string, afterSeq: number): Promise<StoredSince> {
    this.assertOpen()
    const doc = this.docs.get(docId)
    if (doc === undefined) return { state: null, updates: [], lastSeq: 0 }
    const last = doc.log.at(-1)?.seq ?? doc.stateSeq
    return {
      state: doc.stateSeq > afterSeq && doc.state !== null ? doc.state.slice() : null,
      updates: doc.log.filter((entry) => entry.seq > afterSeq).map((entry) => entry.update.slice()),
      lastSeq: last,
    }
  }

  async latestSeqs(docIds: readonly string[]): Promise<Map<string, number>> {
    this.assertOpen()
    return new Map(
      docIds.map((docId) => {
        const doc = this.docs.get(docId)
        return [docId, doc === undefined ? 0 : (doc.log.at(-1)?.seq ?? doc.stateSeq)]
      }),
    )
  }

  async delete(docId: string): Promise<void> {
    this.assertOpen()
    this.docs.delete(docId)
    this.owners.delete(docId)
  }

  async clientOwners(docId: string): Promise<Map<number, ClientOwner>> {
    this.assertOpen()
    return new Map(this.owners.get(docId))
  }

  async claimClients(
    docId: string,
    claims: ReadonlyMap<number, ClientOwner>,
  ): Promise<Map<number, ClientOwner>> {
    this.assertOpen()
    let owners = this.owners.get(docId)
    if (owners === undefined) {
      owners = new Map()
      this.owners.set(docId, owners)
    }
    const result = new Map<number, ClientOwner>()
    for (const [id, owner] of claims) {
      if (!owners.has(id)) owners.set(id, owner)
      result.set(id, owners.get(id) ?? owner)
    }
    return result
  }

  async ping(): Promise<void> {
    this.assertOpen()
  }

  async close(): Promise<void> {
    this.closed = true
  }
}
