import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import { hashToken, isWellFormedToken, newToken } from '../access/tokens'
import type { AccountSessionRecord, WorkspaceStore } from '../storage/port'

/**
 * The sessions of browsers signed in with an organisation account: the browser holds a random token (in an
 * HttpOnly cookie), the store only its hash, the identity and the ID token (the hint for signing out at the
 * provider). A session stands for the person, not for any membership: what it opens is decided per
 * workspace, from the memberships bound to that person at the time of each request.
 */
/** How long a sign-in lasts on a device; then the person signs in again (at the provider, often one click). */
export const ACCOUNT_SESSION_MS = 14 * 24 * 60 * 60 * 1000

export class AccountSessions {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly now: () => number = Date.now,
  ) {}

  async signIn(identity: VerifiedIdentity, idToken: string): Promise<string> {
    // Expired sessions hold ID tokens (names, e-mail addresses): each sign-in clears those past their time.
    await this.store.removeAccountSessionsBefore(new Date(this.now() - ACCOUNT_SESSION_MS).toISOString())
    const token = newToken()
    await this.store.addAccountSession({
      sessionHash: hashToken(token),
      identity,
      idToken,
      createdAt: new Date(this.now()).toISOString(),
    })
    return token
  }

  async find(token: string | null): Promise<AccountSessionRecord | null> {
    if (token === null || !isWellFormedToken(token)) return null
    const session = await this.store.findAccountSession(hashToken(token))
    if (session === null) return null
    if (this.now() - Date.parse(session.createdAt) > ACCOUNT_SESSION_MS) {
      await this.store.removeAccountSession(session.sessionHash)
      return null
    }
    return session
  }

  /** Ends the session; resolves with what it was (for the provider's sign-out), or null if there was none. */
  async signOut(token: string | null): Promise<AccountSessionRecord | null> {
    const session = await this.find(token)
    if (session !== null) await this.store.removeAccountSession(session.sessionHash)
    return session
  }
}
