import type { Awareness } from 'y-protocols/awareness'
import type { Member } from '../../../../shared/schema/member'
import type { Party, PartyKind } from '../../../../shared/schema/party'
import { colorFor } from '../../ui/colors'
import { partyShape } from '../../ui/PartyMark'

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

/** Announces who this device is (name, colour, party) to everyone in the room; a watch-only device nobody. */
export const announcePresence = (
  awareness: Awareness,
  me: Member,
  party: Party | undefined,
  watchOnly: boolean,
): void => {
  if (watchOnly) {
    awareness.setLocalState(null)
    return
  }
  const user: PresenceUser = {
    name: me.name,
    color: colorFor(me.id),
    shape: partyShape(party?.kind ?? 'public'),
    partyName: party?.name ?? '',
    partyKind: party?.kind ?? 'public',
    memberId: me.id,
  }
  awareness.setLocalStateField('user', user)
}
