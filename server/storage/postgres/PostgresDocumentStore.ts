import type { Pool, PoolClient } from 'pg'
import { z } from 'zod'
import { ClientRows, ownersOf } from '../clientRows'
import { DocIdRows, RECENTLY_WRITTEN_SQL, StateRow, UpdateRows } from '../documentRows'
import { mergeIntoState } from '../mergeIntoState'
import { parseRow } from '../parseRow'
import type { ClientOwner, DocumentStore, StoredDocument, StoredSince, UpdateRecord } from '../port'

const SeqRows = z.array(z.object({ seq: z.number().int().positive() }))
const LatestRows = z.array(z.object({ doc_id: z.string(), n: z.number().int().nonnegative() }))
const CountRow = z.object({ n: z.number().int().nonnegative() })

const bytes = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/** Runs `work` in one transaction; `readOnlySnapshot` reads everything as of one instant. */
export const transaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  readOnlySnapshot = false,
): Promise<T> => {
  const client = await pool.connect()
  try {
    await client.query(readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/**
 * Documents in Postgres, shared by several server instances. Compaction merges the caller's state with the
 * stored state and every log entry it drops, under a per-document advisory lock, so an instance whose replica
 * has not yet seen another instance's update can never compact it away.
 */
export class PostgresDocumentStore implements DocumentStore {
  constructor(private readonly pool: Pool) {}

  private async readState(client: PoolClient | Pool, docId: string) {
    const result = await client.query('SELECT state, through_seq FROM doc_state WHERE doc_id = $1', [docId])
    return result.rows.length === 0 ? null : parseRow(StateRow, result.rows[0], `state of document ${docId}`)
  }

  async load(docId: string): Promise<StoredDocument> {
    return transaction(
      this.pool,
      async (client) => {
        const state = await this.readState(client, docId)
        const updates = parseRow(
          UpdateRows,
          (await client.query('SELECT seq, data FROM doc_update WHERE doc_id = $1 ORDER BY seq', [docId]))
            .rows,
          `updates of document ${docId}`,
        )
        return {
          state: state?.state ?? null,
          updates: updates.map((row) => row.data),
          lastSeq: Math.max(state?.through_seq ?? 0, updates.at(-1)?.seq ?? 0),
        }
      },
      true,
    )
  }

  async loadSince(docId: string, afterSeq: number): Promise<StoredSince> {
    return transaction(
      this.pool,
      async (client) => {
        const state = await this.readState(client, docId)
        const updates = parseRow(
          UpdateRows,
          (
            await client.query(
              'SELECT seq, data FROM doc_update WHERE doc_id = $1 AND seq > $2 ORDER BY seq',
              [docId, afterSeq],
            )
          ).rows,
          `updates of document ${docId}`,
        )
        const stateSeq = state?.through_seq ?? 0
        return {
          state: state !== null && stateSeq > afterSeq ? state.state : null,
          updates: updates.map((row) => row.data),
          lastSeq: Math.max(stateSeq, updates.at(-1)?.seq ?? afterSeq),
        }
      },
      true,
    )
  }

  async append(records: readonly UpdateRecord[]): Promise<number[]> {
    if (records.length === 0) return []
    // One statement: all or nothing. Seqs are allocated in row order, so sorted they match the records.
    const result = await this.pool.query(
      'INSERT INTO doc_update (doc_id, data) SELECT * FROM unnest($1::text[], $2::bytea[]) RETURNING seq',
      [records.map((record) => record.docId), records.map((record) => bytes(record.update))],
    )
    return parseRow(SeqRows, result.rows, 'appended seqs')
      .map((row) => row.seq)
      .sort((a, b) => a - b)
  }

  async compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [docId])
      const stored = await this.readState(client, docId)
      const dropped = parseRow(
        UpdateRows,
        (
          await client.query(
            'SELECT seq, data FROM doc_update WHERE doc_id = $1 AND seq <= $2 ORDER BY seq',
            [docId, throughSeq],
          )
        ).rows,
        `updates of document ${docId}`,
      )
      const merged = mergeIntoState(docId, [
        ...(stored === null ? [] : [stored.state]),
        ...dropped.map((row) => row.data),
        state,
      ])
      await client.query(
        `INSERT INTO doc_state (doc_id, state, through_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state,
           through_seq = greatest(doc_state.through_seq, excluded.through_seq), updated_at = excluded.updated_at`,
        [docId, bytes(merged), throughSeq, Date.now()],
      )
      await client.query('DELETE FROM doc_update WHERE doc_id = $1 AND seq <= $2', [docId, throughSeq])
    })
  }

  async logLength(docId: string): Promise<number> {
    const result = await this.pool.query('SELECT count(*)::int AS n FROM doc_update WHERE doc_id = $1', [
      docId,
    ])
    return parseRow(CountRow, result.rows[0], 'count').n
  }

  async latestSeqs(docIds: readonly string[]): Promise<Map<string, number>> {
    const result = await this.pool.query(
      `SELECT d.doc_id, greatest(coalesce((SELECT max(seq) FROM doc_update u WHERE u.doc_id = d.doc_id), 0),
                                 coalesce((SELECT through_seq FROM doc_state s WHERE s.doc_id = d.doc_id), 0))::bigint AS n
       FROM unnest($1::text[]) AS d(doc_id)`,
      [docIds],
    )
    return new Map(parseRow(LatestRows, result.rows, 'latest seqs').map((row) => [row.doc_id, row.n]))
  }

  async recentlyWritten(since: number, limit: number): Promise<string[]> {
    const sql = RECENTLY_WRITTEN_SQL.replace('$since', '$1::bigint').replace('$limit', '$2::int')
    const result = await this.pool.query(sql, [since, limit])
    return parseRow(DocIdRows, result.rows, 'recently written documents').map((row) => row.doc_id)
  }

  async delete(docId: string): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM doc_state WHERE doc_id = $1', [docId])
      await client.query('DELETE FROM doc_update WHERE doc_id = $1', [docId])
      await client.query('DELETE FROM doc_client WHERE doc_id = $1', [docId])
    })
  }

  async clientOwners(docId: string): Promise<Map<number, ClientOwner>> {
    const { rows } = await this.pool.query(
      'SELECT client_id, member_id, party_id FROM doc_client WHERE doc_id = $1',
      [docId],
    )
    return ownersOf(parseRow(ClientRows, rows, `client owners of document ${docId}`))
  }

  async claimClients(
    docId: string,
    claims: ReadonlyMap<number, ClientOwner>,
  ): Promise<Map<number, ClientOwner>> {
    const ids = [...claims.keys()]
    const { rows } = await this.pool.query(
      `WITH claim AS (
         INSERT INTO doc_client (doc_id, client_id, member_id, party_id)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[])
         ON CONFLICT DO NOTHING
       )
       SELECT client_id, member_id, party_id FROM doc_client WHERE doc_id = $1 AND client_id = ANY($2::bigint[])`,
      [docId, ids, ids.map((id) => claims.get(id)?.memberId), ids.map((id) => claims.get(id)?.partyId)],
    )
    const stored = ownersOf(parseRow(ClientRows, rows, `client owners of document ${docId}`))
    // The CTE's insert is not visible to the SELECT of the same statement: fresh claims are ours.
    for (const [id, owner] of claims) if (!stored.has(id)) stored.set(id, owner)
    return stored
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    // The pool belongs to openPostgresStorage, which ends it.
  }
}
