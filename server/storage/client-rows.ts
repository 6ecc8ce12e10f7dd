import { z } from 'zod'

/** A `doc_client` row. Postgres returns BIGINT as text, hence the coercion; a Yjs client id is a uint32. */
export const ClientRow = z.object({
  client_id: z.coerce.number().int().nonnegative().max(0xffffffff),
  member_id: z.string().min(1),
  party_id: z.string().min(1),
})
export const ClientRows = z.array(ClientRow)
