import type Database from 'better-sqlite3'
import { z } from 'zod'
import { ClientRow, ClientRows, ownersOf } from '../clientRows'
import { DocIdRows, RECENTLY_WRITTEN_SQL, StateRow, UpdateRows } from '../documentRows'
import { parseRow } from '../parseRow'
import type { ClientOwner, DocumentStore, StoredDocument, StoredSince, UpdateRecord } from '../port'
import { openSqliteDatabase, type SqliteDatabaseOptions } from './openSqliteDatabase'

const CountRow = z.object({ n: z.number().int().nonnegative() })

export type SqliteDocumentStoreOptions =
  | SqliteDatabaseOptions
  /** A database opened by `openSqliteDatabase`, shared with other stores; its owner closes it. */
  | { readonly database: Database.Database }

/**
 * The default embedded store: one SQLite file in WAL mode. Calls are synchronous underneath (better-sqlite3),
 * so an `append` is durable against a process crash by the time its promise is created.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database
  private readonly ownsDatabase: boolean
  private readonly statements
  private readonly appendAll: (records: readonly UpdateRecord[]) => number[]
  private readonly compactTx: (docId: string, state: Uint8Array, throughSeq: number) => void
  private readonly deleteTx: (docId: string) => void
  private readonly claimTx: (
    docId: string,
    claims: ReadonlyMap<number, ClientOwner>,
  ) => Map<number, ClientOwner>

  constructor(options: SqliteDocumentStoreOptions) {
    this.ownsDatabase = !('database' in options)
    this.db = 'database' in options ? options.database : openSqliteDatabase(options)
    const db = this.db
    this.statements = {
      state: db.prepare('SELECT state, through_seq FROM doc_state WHERE doc_id = ?'),
      updates: db.prepare('SELECT seq, data FROM doc_update WHERE doc_id = ? ORDER BY seq'),
      insert: db.prepare('INSERT INTO doc_update (doc_id, data) VALUES (?, ?)'),
      upsertState: db.prepare(
        `INSERT INTO doc_state (doc_id, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state,
           through_seq = max(through_seq, excluded.through_seq), updated_at = excluded.updated_at`,
      ),
      dropLog: db.prepare('DELETE FROM doc_update WHERE doc_id = ? AND seq <= ?'),
      count: db.prepare('SELECT count(*) AS n FROM doc_update WHERE doc_id = ?'),
      deleteState: db.prepare('DELETE FROM doc_state WHERE doc_id = ?'),
      deleteLog: db.prepare('DELETE FROM doc_update WHERE doc_id = ?'),
      deleteClients: db.prepare('DELETE FROM doc_client WHERE doc_id = ?'),
      clients: db.prepare('SELECT client_id, member_id, party_id FROM doc_client WHERE doc_id = ?'),
      claim: db.prepare(
        'INSERT INTO doc_client (doc_id, client_id, member_id, party_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      client: db.prepare(
        'SELECT client_id, member_id, party_id FROM doc_client WHERE doc_id = ? AND client_id = ?',
      ),
      ping: db.prepare('SELECT 1 AS n'),
      recentlyWritten: db.prepare(RECENTLY_WRITTEN_SQL),
      updatesSince: db.prepare('SELECT seq, data FROM doc_update WHERE doc_id = ? AND seq > ? ORDER BY seq'),
      latest: db.prepare(
        `SELECT max(coalesce((SELECT max(seq) FROM doc_update WHERE doc_id = ?), 0),
                    coalesce((SELECT through_seq FROM doc_state WHERE doc_id = ?), 0)) AS n`,
      ),
    }
    const { insert, upsertState, dropLog, deleteState, deleteLog, deleteClients, claim, client } =
      this.statements
    this.claimTx = db.transaction((docId: string, claims: ReadonlyMap<number, ClientOwner>) => {
      const owners = new Map<number, ClientOwner>()
      for (const [clientId, owner] of claims) {
        claim.run(docId, clientId, owner.memberId, owner.partyId)
        const row = parseRow(ClientRow, client.get(docId, clientId), `owner of client ${clientId}`)
        owners.set(row.client_id, { memberId: row.member_id, partyId: row.party_id })
      }
      return owners
    })
    this.appendAll = db.transaction((records: readonly UpdateRecord[]) =>
      records.map((record) => Number(insert.run(record.docId, record.update).lastInsertRowid)),
    )
    this.compactTx = db.transaction((docId: string, state: Uint8Array, throughSeq: number) => {
      upsertState.run(docId, state, throughSeq, Date.now())
      dropLog.run(docId, throughSeq)
    })
    this.deleteTx = db.transaction((docId: string) => {
      deleteState.run(docId)
      deleteLog.run(docId)
      deleteClients.run(docId)
    })
  }

  async load(docId: string): Promise<StoredDocument> {
    const rawState = this.statements.state.get(docId)
    const rawUpdates = this.statements.updates.all(docId)
    const state = rawState === undefined ? null : parseRow(StateRow, rawState, `state of document ${docId}`)
    const updates = parseRow(UpdateRows, rawUpdates, `updates of document ${docId}`)
    const stateSeq = state?.through_seq ?? 0
    return {
      state: state?.state ?? null,
      updates: updates.map((row) => row.data),
      lastSeq: Math.max(stateSeq, updates.at(-1)?.seq ?? 0),
    }
  }

  async append(records: readonly UpdateRecord[]): Promise<number[]> {
    if (records.length === 0) return []
    return this.appendAll(records)
  }

  async compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.compactTx(docId, state, throughSeq)
  }

  async logLength(docId: string): Promise<number> {
    return parseRow(CountRow, this.statements.count.get(docId), 'count').n
  }

  async loadSince(docId: string, afterSeq: number): Promise<StoredSince> {
    const rawState = this.statements.state.get(docId)
    const state = rawState === undefined ? null : parseRow(StateRow, rawState, `state of document ${docId}`)
    const updates = parseRow(
      UpdateRows,
      this.statements.updatesSince.all(docId, afterSeq),
      `updates of document ${docId}`,
    )
    const stateSeq = state?.through_seq ?? 0
    return {
      state: state !== null && stateSeq > afterSeq ? state.state : null,
      updates: updates.map((row) => row.data),
      lastSeq: Math.max(stateSeq, updates.at(-1)?.seq ?? afterSeq),
    }
  }

  async latestSeqs(docIds: readonly string[]): Promise<Map<string, number>> {
    return new Map(
      docIds.map((docId) => [
        docId,
        parseRow(CountRow, this.statements.latest.get(docId, docId), 'latest seq').n,
      ]),
    )
  }

  async recentlyWritten(since: number, limit: number): Promise<string[]> {
    const rows = this.statements.recentlyWritten.all({ since, limit })
    return parseRow(DocIdRows, rows, 'recently written documents').map((row) => row.doc_id)
  }

  async delete(docId: string): Promise<void> {
    this.deleteTx(docId)
  }

  async clientOwners(docId: string): Promise<Map<number, ClientOwner>> {
    return ownersOf(
      parseRow(ClientRows, this.statements.clients.all(docId), `client owners of document ${docId}`),
    )
  }

  async claimClients(
    docId: string,
    claims: ReadonlyMap<number, ClientOwner>,
  ): Promise<Map<number, ClientOwner>> {
    return this.claimTx(docId, claims)
  }

  async ping(): Promise<void> {
    this.statements.ping.get()
  }

  async close(): Promise<void> {
    if (this.ownsDatabase && this.db.open) this.db.close()
  }
}
