import * as z from 'zod/mini'

/**
 * Ids the server gives workspaces, parties, members, invites and documents: 32 lowercase hex characters
 * (128 random bits). A document id is also a valid `DocId`, so it can be used in `/sync/:docId` as it is.
 */
export const EntityId = z
  .string()
  .check(z.regex(/^[0-9a-f]{32}$/, 'an id is 32 lowercase hexadecimal characters'))
export type EntityId = z.infer<typeof EntityId>
