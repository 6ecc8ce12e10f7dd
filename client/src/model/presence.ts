import type { Awareness } from 'y-protocols/awareness'
import type { PartyKind } from '../../../shared/schema/party'

/** What each person announces (awareness `user`), and which field they are in (`focus`). */
export interface PresenceUser {
  readonly name: string
  readonly color: string
  readonly shape: string
  readonly partyName: string
  readonly partyKind: PartyKind
  readonly memberId: string
}

export interface Peer extends PresenceUser {
  readonly clientId: number
  readonly focus: string | null
}

/** Everyone else in the document who announced themselves (a shared screen announces nothing). */
export const peersOf = (awareness: Awareness): Peer[] => {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const user = (state as { user?: Partial<PresenceUser> }).user
    if (typeof user?.name !== 'string' || typeof user.color !== 'string') continue
    peers.push({
      clientId,
      name: user.name,
      color: user.color,
      shape: user.shape ?? '',
      partyName: user.partyName ?? '',
      partyKind: user.partyKind === 'nonprofit' ? 'nonprofit' : 'public',
      memberId: user.memberId ?? '',
      focus:
        typeof (state as { focus?: unknown }).focus === 'string' ? (state as { focus: string }).focus : null,
    })
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name, 'sv'))
}

/** The members who have the room open now, by what their devices announce (this device included). */
export const membersOnline = (awareness: Awareness): Set<string> => {
  const ids = new Set<string>()
  for (const state of awareness.getStates().values()) {
    const id = (state as { user?: { memberId?: unknown } }).user?.memberId
    if (typeof id === 'string') ids.add(id)
  }
  return ids
}
