import type { Member } from '../../../../shared/schema/member'
import type { Party } from '../../../../shared/schema/party'
import type { PresenceUser } from '../../model/presence'
import { partyColor } from '../../ui/colors'
import { partyShape } from '../../ui/PartyMark'

/** How a member appears to the others: name, colour, the party's shape and name. */
export const presenceUserOf = (me: Member, party: Party | undefined): PresenceUser => ({
  name: me.name,
  color: partyColor(party?.kind ?? 'public'),
  shape: partyShape(party?.kind ?? 'public'),
  partyName: party?.name ?? '',
  partyKind: party?.kind ?? 'public',
  memberId: me.id,
})
