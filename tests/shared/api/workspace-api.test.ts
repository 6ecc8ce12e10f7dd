import { describe, expect, it } from 'vitest'
import { CreateWorkspaceRequest, JoinRequest } from '../../../shared/api/workspace-api'
import { missingPartyKinds, NewParty } from '../../../shared/schema/party'

const valid = {
  name: '  Mötesplats Järva  ',
  challenge: 'Ensamhet bland äldre',
  parties: [
    { name: 'Järva stadsdelsförvaltning', kind: 'public' },
    { name: 'Föreningen Gemenskap', kind: 'nonprofit', orgNumber: '8024567890' },
  ],
  creator: { name: 'Karin', party: 1 },
}

describe('CreateWorkspaceRequest', () => {
  it('accepts a partnership, trimming names and normalising the organisation number', () => {
    const parsed = CreateWorkspaceRequest.parse(valid)
    expect(parsed.name).toBe('Mötesplats Järva')
    expect(parsed.parties[1]?.orgNumber).toBe('802456-7890')
  })

  it('needs both a public and a non-profit party', () => {
    const result = CreateWorkspaceRequest.safeParse({
      ...valid,
      parties: [valid.parties[1], { name: 'Annan förening', kind: 'nonprofit' }],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toContain(
      'a partnership needs at least one public party',
    )
  })

  it('refuses a creator party index outside the parties, empty names and control characters', () => {
    for (const body of [
      { ...valid, creator: { name: 'K', party: 2 } },
      { ...valid, name: '   ' },
      { ...valid, creator: { name: 'K\u0007', party: 0 } },
    ]) {
      expect(CreateWorkspaceRequest.safeParse(body).success).toBe(false)
    }
  })
})

describe('parties', () => {
  it('missingPartyKinds names the side that is missing', () => {
    expect(missingPartyKinds([{ kind: 'public' }])).toEqual(['nonprofit'])
    expect(missingPartyKinds([{ kind: 'public' }, { kind: 'nonprofit' }])).toEqual([])
  })

  it('an organisation number is ten digits', () => {
    expect(NewParty.safeParse({ name: 'X', kind: 'nonprofit', orgNumber: '80245-67890' }).success).toBe(false)
    expect(NewParty.parse({ name: 'X', kind: 'nonprofit', orgNumber: '802456-7890' }).orgNumber).toBe(
      '802456-7890',
    )
  })

  it('a join request needs an id-shaped party', () => {
    expect(JoinRequest.safeParse({ invite: 'x', name: 'A', partyId: 'kommunen' }).success).toBe(false)
  })
})
