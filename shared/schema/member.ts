import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { Role } from './role'
import { singleLine, Timestamp } from './text'
import { VerifiedIdentity } from './verified-identity'

/** A display name: what others see beside a cursor. The only personal data a member gives. */
export const DisplayName = singleLine(80)

/** A person in a workspace, representing one party, with one role. */
export const Member = lazySchema(() =>
  z.object({
    id: EntityId,
    name: z.string(),
    partyId: EntityId,
    role: Role,
    joinedAt: Timestamp,
    /**
     * Marked by the member's own party as one who may take the party's position on a version (beslutsfattare,
     * e.g. who has authority to sign); others recommend. The workspace's creator is one from the start.
     */
    decisionMaker: z.optional(z.boolean()),
    /** Set when the member joined signed in with an organisation account: the membership belongs to it. */
    identity: z.optional(VerifiedIdentity),
  }),
)
export type Member = z.infer<typeof Member>
