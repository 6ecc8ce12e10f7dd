import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { type CafeSeating, writeFlow, writeSeating } from '../../shared/cafe/cafe-control'
import { controlRoomId, NOTE_FRAGMENT, noteRoomId } from '../../shared/cafe/control-room'
import { addCard, setVotes, signUp } from '../../shared/cafe/harvest'
import { writeRichText } from '../../shared/ydoc/rich-text-ydoc'
import { waitSynced } from '../helpers/clients'
import { serverWithClients } from '../helpers/serverWithClients'
import { sleep, waitFor } from '../helpers/wait'
import { TestWorkspace } from '../helpers/workspace'

const write = (doc: Y.Doc, text: string) =>
  writeRichText(doc.getXmlFragment(NOTE_FRAGMENT), [{ type: 'paragraph', content: [{ text }] }])
const textOf = (doc: Y.Doc) => doc.getXmlFragment(NOTE_FRAGMENT).toString()

describe('café table notes', () => {
  const clients = serverWithClients()

  const setup = async () => {
    const running = await clients.start()
    const workspace = await TestWorkspace.create(running.url)
    const people = await Promise.all(
      ['Aisha', 'Bengt', 'Cecilia', 'David'].map((name, i) => workspace.join('participant', name, i % 2)),
    )
    const [aisha, bengt, cecilia, david] = people.map((joined) => ({
      id: joined.member.id,
      token: joined.session.token,
    })) as [
      { id: string; token: string },
      { id: string; token: string },
      { id: string; token: string },
      { id: string; token: string },
    ]
    const cafe = await workspace.createDocument('Idémöte', 'cafe')
    const control = clients.open(controlRoomId(cafe.id), workspace.token)
    await waitSynced(control)
    const seating: CafeSeating = {
      seed: 1,
      rounds: [
        [
          [aisha.id, bengt.id],
          [cecilia.id, david.id],
        ],
        [
          [aisha.id, david.id],
          [cecilia.id, bengt.id],
        ],
      ],
    }
    control.doc.transact(() => {
      writeSeating(control.doc, seating)
      writeFlow(control.doc, { phase: 'round', round: 0 })
    })
    const api = (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${running.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      })
    await waitFor(
      () => running.registry.peek(controlRoomId(cafe.id))?.doc.getMap('seating').size === 1,
      'the seating to reach the server',
    )
    return { running, workspace, cafe, control, seating, aisha, bengt, cecilia, david, api }
  }

  it('only the people seated at a table in a round (and facilitators) write its note; everyone reads it', async () => {
    const { running, workspace, cafe, bengt, cecilia } = await setup()
    const room = noteRoomId(cafe.id, 0, 0)
    const seated = clients.open(room, bengt.token)
    const elsewhere = clients.open(room, cecilia.token)
    const facilitator = clients.open(room, workspace.token)
    await Promise.all([waitSynced(seated), waitSynced(elsewhere), waitSynced(facilitator)])

    write(elsewhere.doc, 'Cecilia skriver vid fel bord')
    write(seated.doc, 'Bengt antecknar')
    await waitFor(() => textOf(facilitator.doc).includes('Bengt antecknar'), 'the seated note to arrive')
    await sleep(200)
    const server = running.registry.peek(room)!.doc
    expect(textOf(server)).toContain('Bengt antecknar')
    expect(textOf(server)).not.toContain('Cecilia')
    expect(textOf(facilitator.doc)).not.toContain('Cecilia')
    // Cecilia reads the table's note even though she cannot write it.
    await waitFor(() => textOf(elsewhere.doc).includes('Bengt antecknar'), 'the reader to see the note')

    write(facilitator.doc, 'Facilitatorn lägger till')
    await waitFor(() => textOf(seated.doc).includes('Facilitatorn'), 'the facilitator’s note to arrive')
  })

  it('someone moved to another table mid-round stops writing to the old table’s note on the socket already open', async () => {
    const { running, cafe, control, seating, aisha, bengt, cecilia, david } = await setup()
    const room = noteRoomId(cafe.id, 0, 0)
    const moving = clients.open(room, bengt.token)
    await waitSynced(moving)
    write(moving.doc, 'före flytten')
    await waitFor(() => textOf(running.registry.peek(room)!.doc).includes('före flytten'), 'the first note')

    writeSeating(control.doc, {
      ...seating,
      rounds: [
        [
          [aisha.id, david.id],
          [cecilia.id, bengt.id],
        ],
        seating.rounds[1]!,
      ],
    })
    await waitFor(
      () =>
        JSON.stringify(
          running.registry.peek(controlRoomId(cafe.id))!.doc.getMap('seating').get('plan'),
        ).includes(`"${cecilia.id}","${bengt.id}"`),
      'the new seating to reach the server',
    )
    write(moving.doc, 'efter flytten')
    await sleep(300)
    expect(textOf(running.registry.peek(room)!.doc)).not.toContain('efter flytten')
  })

  it('ending a round saves a version once, whose export holds every table’s note of that round, the harvest and sign-ups', async () => {
    const { running, workspace, cafe, aisha, bengt, cecilia, david, api } = await setup()
    const notes = [
      [aisha, noteRoomId(cafe.id, 0, 0), 'Trygghet i parken på kvällen'],
      [david, noteRoomId(cafe.id, 0, 1), 'Läxhjälp i biblioteket'],
    ] as const
    for (const [person, room, text] of notes) {
      const provider = clients.open(room, person.token)
      await waitSynced(provider)
      write(provider.doc, text)
    }
    const board = clients.open(cafe.id, cecilia.token)
    await waitSynced(board)
    addCard(board.doc, {
      id: 'idea-1',
      text: 'Nattvandring tillsammans',
      round: 0,
      table: 1,
      memberId: cecilia.id,
      at: new Date().toISOString(),
    })
    setVotes(board.doc, cecilia.id, 'idea-1', 2)
    signUp(
      board.doc,
      'idea-1',
      { memberId: cecilia.id, name: 'Cecilia', organisation: 'Föreningen Trygg' },
      cecilia.id,
    )
    // A vote written in Bengt's name from Cecilia's device does not count.
    setVotes(board.doc, bengt.id, 'idea-1', 3)
    await waitFor(
      () => running.registry.peek(cafe.id)?.doc.getMap('cafe-signups').size === 1,
      'the harvest to reach the server',
    )
    await waitFor(() => running.registry.peek(noteRoomId(cafe.id, 0, 1)) !== undefined, 'the notes')
    await sleep(200)

    expect(
      (await api(`/api/documents/${cafe.id}/cafe/rounds/1/end`, bengt.token, { method: 'POST' })).status,
    ).toBe(403)
    expect(
      (await api(`/api/documents/${cafe.id}/cafe/rounds/2/end`, workspace.token, { method: 'POST' })).status,
    ).toBe(409)
    const ended = await api(`/api/documents/${cafe.id}/cafe/rounds/1/end`, workspace.token, {
      method: 'POST',
    })
    expect(ended.status).toBe(201)
    const version = (await ended.json()) as { number: number; label: string }
    expect(version.label).toBe('Runda 1 avslutad')
    const again = (await (
      await api(`/api/documents/${cafe.id}/cafe/rounds/1/end`, workspace.token, { method: 'POST' })
    ).json()) as { number: number }
    expect(again.number).toBe(version.number)

    const markdown = await (
      await api(`/api/documents/${cafe.id}/versions/${version.number}?format=md`, workspace.token)
    ).text()
    expect(markdown).toContain('Runda 1: Vad betyder')
    expect(markdown).toContain('Bord 1 – värd Aisha')
    expect(markdown).toContain('Trygghet i parken på kvällen')
    expect(markdown).toContain('Läxhjälp i biblioteket')
    expect(markdown).toContain('Nattvandring tillsammans')
    expect(markdown).toContain('Cecilia (Föreningen Trygg)')
    const json = (await (
      await api(`/api/documents/${cafe.id}/versions/${version.number}`, workspace.token)
    ).json()) as {
      value: { cafe: { ideas: { votes: number; author: { name: string } }[]; organisations: string[] } }
    }
    expect(json.value.cafe.ideas[0]).toMatchObject({ votes: 2, author: { name: 'Cecilia' } })
    expect(json.value.cafe.organisations).toEqual(['Föreningen Trygg'])

    // An agreement drafted now starts its commitments from the ideas people signed up for.
    const drafted = await api(`/api/workspaces/${workspace.id}/agreement-drafts`, workspace.token, {
      method: 'POST',
      body: JSON.stringify({}),
    })
    expect(drafted.status).toBe(201)
    const draft = (await drafted.json()) as { id: string }
    const agreement = await (await api(`/api/documents/${draft.id}/export?format=md`, workspace.token)).text()
    expect(agreement).toContain('Kandidater till åtaganden')
    expect(agreement).toContain('Nattvandring tillsammans')
    expect(agreement).toContain('vill gå vidare: Cecilia (Föreningen Trygg)')
  })

  it('gives each party’s share of a round’s notes and its idea cards, by who actually wrote them', async () => {
    const { running, workspace, cafe, aisha, bengt, cecilia, david, api } = await setup()
    const aishaNote = clients.open(noteRoomId(cafe.id, 0, 0), aisha.token)
    const davidNote = clients.open(noteRoomId(cafe.id, 0, 1), david.token)
    await Promise.all([waitSynced(aishaNote), waitSynced(davidNote)])
    write(aishaNote.doc, 'a'.repeat(30))
    write(davidNote.doc, 'd'.repeat(10))
    const board = clients.open(cafe.id, cecilia.token)
    await waitSynced(board)
    const card = { round: 0, table: 1, at: new Date().toISOString() }
    addCard(board.doc, { ...card, id: 'mine', text: 'Cecilias idé', memberId: cecilia.id })
    // A card Cecilia's device writes in Bengt's name is not counted as anyone's.
    addCard(board.doc, { ...card, id: 'forged', text: 'Bengts idé?', memberId: bengt.id })
    await waitFor(() => running.registry.peek(cafe.id)?.doc.getMap('cafe-cards').size === 2, 'the cards')
    await waitFor(() => {
      const doc = running.registry.peek(noteRoomId(cafe.id, 0, 1))?.doc
      return doc !== undefined && textOf(doc).includes('d')
    }, 'the notes')
    const response = await api(`/api/documents/${cafe.id}/attribution`, workspace.token)
    const attribution = (await response.json()) as {
      cafeRounds: {
        round: number
        notes: { parties: { partyId: string; characters: number; share: number }[] }
        cards: { partyId: string; cards: number }[]
      }[]
    }
    const [round] = attribution.cafeRounds
    expect(round!.round).toBe(1)
    expect(round!.notes.parties).toEqual([
      { partyId: workspace.partyId(0), characters: 30, share: 0.75 },
      { partyId: workspace.partyId(1), characters: 10, share: 0.25 },
    ])
    expect(round!.cards).toEqual([
      { partyId: workspace.partyId(0), cards: 1 },
      { partyId: workspace.partyId(1), cards: 0 },
    ])
  })

  it('deleting the café removes its control room and table notes from storage', async () => {
    const { running, workspace, cafe, bengt, api } = await setup()
    const room = noteRoomId(cafe.id, 0, 0)
    const provider = clients.open(room, bengt.token)
    await waitSynced(provider)
    write(provider.doc, 'snart borta')
    await waitFor(() => textOf(running.registry.peek(room)!.doc).includes('snart borta'), 'the note')
    await sleep(300)
    expect((await running.storage.documents.load(room)).updates.length + 1).toBeGreaterThan(1)
    const removed = await api(`/api/workspaces/${workspace.id}/documents/${cafe.id}`, workspace.token, {
      method: 'DELETE',
    })
    expect(removed.status).toBe(204)
    for (const id of [room, controlRoomId(cafe.id)]) {
      const stored = await running.storage.documents.load(id)
      expect(stored.state).toBeNull()
      expect(stored.updates).toEqual([])
    }
  })
})
