import { z } from 'zod'
import type { ClientOwner } from './port'

/** A `doc_client` row. Postgres returns BIGINT as text, hence the coercion; a Yjs client id is a uint32. */
export const ClientRow = z.object({
  client_id: z.coerce.number().int().nonnegative().max(0xffffffff),
  member_id: z.string().min(1),
  party_id: z.string().min(1),
})
export const ClientRows = z.array(ClientRow)

/** Who owns each Yjs client id, from its rows. */
export const ownersOf = (rows: readonly z.infer<typeof ClientRow>[]): Map<number, ClientOwner> =>
  new Map(rows.map((row) => [row.client_id, { memberId: row.member_id, partyId: row.party_id }]))
