import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { Role } from './role'
import { Timestamp } from './text'

/**
 * An invite link's record. The token itself is shown once, when the invite is created; the server keeps
 * only its hash, so a lost link is replaced by rotating it.
 */
export const Invite = lazySchema(() =>
  z.object({
    id: EntityId,
    role: Role,
    createdAt: Timestamp,
    revokedAt: z.nullable(Timestamp),
  }),
)
export type Invite = z.infer<typeof Invite>

/** A freshly created invite with its capability token and the link to share. */
export const InviteLink = lazySchema(() =>
  z.object({
    id: EntityId,
    role: Role,
    token: z.string(),
    url: z.url(),
  }),
)
export type InviteLink = z.infer<typeof InviteLink>
