import * as accountApi from '../../shared/api/account-routes'
import type { AccountSessions } from '../auth/AccountSessions'
import type { OidcClient } from '../auth/OidcClient'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './ApiRoute'
import { accountTokenOf, clearAccountCookie } from './sessionCookie'
import { siteOrigin } from './signInRoutes'

export interface AccountRoutesOptions {
  readonly workspaces: Pick<WorkspaceService, 'workspacesOf'>
  /** Null when sign-in is not configured: the start page then offers only invite links. */
  readonly sign: {
    readonly oidc: Pick<OidcClient, 'logoutUrl'>
    readonly sessions: Pick<AccountSessions, 'signOut'>
  } | null
  readonly requireSignInToCreate: boolean
  readonly publicUrl: string | null
}

/** Who is signed in with an organisation account on this browser, and signing out. */
export const accountRoutes = ({
  workspaces,
  sign,
  requireSignInToCreate,
  publicUrl,
}: AccountRoutesOptions): ApiRoute[] => [
  defineRoute(accountApi.getAccount, {
    access: 'public',
    handle: async ({ account, context }) => {
      context.header('cache-control', 'no-store')
      return {
        signInAvailable: sign !== null,
        signInRequiredToCreate: requireSignInToCreate,
        account:
          account === null ? null : { identity: account, workspaces: await workspaces.workspacesOf(account) },
      }
    },
  }),
  defineRoute(accountApi.signOut, {
    access: 'public',
    handle: async ({ context }) => {
      const origin = siteOrigin(context, publicUrl)
      clearAccountCookie(context, origin.startsWith('https:'))
      const ended = sign === null ? null : await sign.sessions.signOut(accountTokenOf(context))
      const providerLogoutUrl =
        ended === null || sign === null ? null : await sign.oidc.logoutUrl(ended.idToken, `${origin}/`)
      return { providerLogoutUrl }
    },
  }),
]
