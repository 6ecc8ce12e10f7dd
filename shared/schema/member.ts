import { z } from 'zod'
import { EntityId } from './entity-id'
import { Role } from './role'
import { singleLine, Timestamp } from './text'

/** A display name: what others see beside a cursor. The only personal data a member gives. */
export const DisplayName = singleLine(80)

/** A person in a workspace, representing one party, with one role. */
export const Member = z.object({
  id: EntityId,
  name: z.string(),
  partyId: EntityId,
  role: Role,
  joinedAt: Timestamp,
})
export type Member = z.infer<typeof Member>
