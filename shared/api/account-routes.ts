import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'
import { Role } from '../schema/role'
import { VerifiedIdentity } from '../schema/verified-identity'
import { defineContract } from './route-contract'

/* Signing in with an organisation account (OpenID Connect), beside the invite links. */

/** Where the browser goes to sign in (`?returnTo=/path` brings it back there) and where the provider answers. */
export const SIGN_IN_PATH = '/auth/login'
export const SIGN_IN_CALLBACK_PATH = '/auth/callback'

/** A workspace the signed-in person is a member of, on any device. */
export const AccountWorkspace = lazySchema(() =>
  z.object({
    id: EntityId,
    name: z.string(),
    memberName: z.string(),
    role: Role,
  }),
)
export type AccountWorkspace = z.infer<typeof AccountWorkspace>

/** What the start page needs: whether sign-in is offered or required, and who is signed in. */
export const AccountState = lazySchema(() =>
  z.object({
    signInAvailable: z.boolean(),
    signInRequiredToCreate: z.boolean(),
    account: z.nullable(
      z.object({
        identity: VerifiedIdentity,
        workspaces: z.array(AccountWorkspace),
      }),
    ),
  }),
)
export type AccountState = z.infer<typeof AccountState>

/** After signing out here: where to end the session at the provider too (RP-initiated logout), if it offers it. */
export const SignOutResponse = lazySchema(() => z.object({ providerLogoutUrl: z.nullable(z.url()) }))
export type SignOutResponse = z.infer<typeof SignOutResponse>

export const getAccount = defineContract({
  method: 'get',
  path: '/api/account',
  summary: 'Whether sign-in is offered, and the signed-in person with their workspaces',
  status: 200,
  response: AccountState,
})

export const signOut = defineContract({
  method: 'post',
  path: '/api/account/sign-out',
  summary: "End this browser's sign-in; answers with the provider's sign-out address when it has one",
  status: 200,
  response: SignOutResponse,
})
