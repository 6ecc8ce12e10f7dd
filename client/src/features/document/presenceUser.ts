import type { Member } from '../../../../shared/schema/member'
import type { Party } from '../../../../shared/schema/party'
import type { PresenceUser } from '../../model/presence'
import { colorFor } from '../../ui/colors'
import { partyShape } from '../../ui/PartyMark'

/** How a member appears to the others: name, colour, the party's shape and name. */
export const presenceUserOf = (me: Member, party: Party | undefined): PresenceUser => ({
  name: me.name,
  color: colorFor(me.id),
  shape: partyShape(party?.kind ?? 'public'),
  partyName: party?.name ?? '',
  partyKind: party?.kind ?? 'public',
  memberId: me.id,
})
