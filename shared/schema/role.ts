import * as z from 'zod/mini'

/**
 * What a member may do in a workspace. `facilitator` runs it (invites, café controls, freezing),
 * `participant` co-edits, saves versions and approves for their own party, `viewer` is a shared screen:
 * it reads everything and writes nothing.
 */
export const Role = z.enum(['facilitator', 'participant', 'viewer'])
export type Role = z.infer<typeof Role>
