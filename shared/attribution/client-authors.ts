import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'

/**
 * `GET /api/documents/:id/authors`: which party wrote with each Yjs client id of a document, as the server
 * recorded it — what the "colour by party" view paints the text with.
 */
export const ClientAuthors = lazySchema(() =>
  z.object({
    authors: z.array(z.object({ client: z.number().check(z.int(), z.nonnegative()), partyId: EntityId })),
  }),
)
export type ClientAuthors = z.infer<typeof ClientAuthors>
