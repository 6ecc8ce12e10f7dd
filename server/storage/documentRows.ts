import { z } from 'zod'

/** A `doc_state` row: the compacted document and the last log entry it contains (both SQL stores). */
export const StateRow = z.object({
  state: z.instanceof(Uint8Array),
  through_seq: z.number().int().nonnegative(),
})

/** `doc_update` rows in log order. */
export const UpdateRows = z.array(
  z.object({
    seq: z.number().int().positive(),
    data: z.instanceof(Uint8Array),
  }),
)

/** Document ids, as `recentlyWritten` reads them (both SQL stores). */
export const DocIdRows = z.array(z.object({ doc_id: z.string() }))

/** Pending log entries first, then by compaction time: the order `DocumentStore.recentlyWritten` promises. */
export const RECENTLY_WRITTEN_SQL = `SELECT doc_id FROM (
    SELECT doc_id, 1 AS pending, 0 AS at FROM doc_update GROUP BY doc_id
    UNION ALL
    SELECT doc_id, 0 AS pending, updated_at AS at FROM doc_state WHERE updated_at >= $since
  ) AS written GROUP BY doc_id ORDER BY max(pending) DESC, max(at) DESC, doc_id LIMIT $limit`
