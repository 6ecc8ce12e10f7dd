import { describe, expect, it } from 'vitest'
import { hashToken } from '../../../server/access/tokens'
import { ACCOUNT_SESSION_MS, AccountSessions } from '../../../server/auth/AccountSessions'
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage'

const karin = { issuer: 'https://login.example.se', subject: 'karin-123', name: 'Karin Ek' }

describe('AccountSessions', () => {
  it('opens a session whose token is stored only as its hash, finds it, and ends it on sign-out', async () => {
    const storage = openSqliteStorage({ file: ':memory:' })
    const sessions = new AccountSessions(storage.workspaces)
    const token = await sessions.signIn(karin, 'the-id-token')
    expect(await storage.workspaces.findAccountSession(token)).toBeNull()
    expect((await storage.workspaces.findAccountSession(hashToken(token)))?.identity).toEqual(karin)
    expect((await sessions.find(token))?.idToken).toBe('the-id-token')
    expect((await sessions.signOut(token))?.identity).toEqual(karin)
    expect(await sessions.find(token)).toBeNull()
    expect(await sessions.signOut(token)).toBeNull()
    await storage.close()
  })

  it('refuses a malformed token without a lookup, and a session older than its lifetime', async () => {
    const storage = openSqliteStorage({ file: ':memory:' })
    let now = Date.UTC(2027, 0, 1)
    const sessions = new AccountSessions(storage.workspaces, () => now)
    expect(await sessions.find('not a token')).toBeNull()
    expect(await sessions.find(null)).toBeNull()
    const token = await sessions.signIn(karin, 'the-id-token')
    now += ACCOUNT_SESSION_MS - 1_000
    expect(await sessions.find(token)).not.toBeNull()
    now += 2_000
    expect(await sessions.find(token)).toBeNull()
    // An expired session is removed, not merely ignored.
    now -= 2_000
    expect(await sessions.find(token)).toBeNull()
    await storage.close()
  })

  it('clears sessions past their lifetime whenever someone signs in (they hold ID tokens with personal data)', async () => {
    const storage = openSqliteStorage({ file: ':memory:' })
    let now = Date.UTC(2027, 0, 1)
    const sessions = new AccountSessions(storage.workspaces, () => now)
    const stale = await sessions.signIn(karin, 'old-id-token')
    now += ACCOUNT_SESSION_MS + 1_000
    await sessions.signIn(karin, 'new-id-token')
    expect(await storage.workspaces.findAccountSession(hashToken(stale))).toBeNull()
    await storage.close()
  })
})
