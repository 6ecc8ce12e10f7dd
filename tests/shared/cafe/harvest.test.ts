import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAnswers, writeAnswer } from '../../../shared/cafe/check-in-answers'
import {
  addCard,
  addGroup,
  moveCard,
  readHarvest,
  setVotes,
  signUp,
  VOTES_PER_PERSON,
} from '../../../shared/cafe/harvest'

const A = 'a'.repeat(32)
const B = 'b'.repeat(32)
const card = (id: string, at: string) => ({ id, text: `Idé ${id}`, round: 0, table: 1, memberId: A, at })

describe('the harvest board', () => {
  it('refuses a dot over the per-person limit and counts at most the limit however many a device wrote', () => {
    const doc = new Y.Doc()
    addCard(doc, card('one', '2027-01-01T10:00:00.000Z'))
    addCard(doc, card('two', '2027-01-01T10:01:00.000Z'))
    expect(setVotes(doc, A, 'one', 2)).toBe(true)
    expect(setVotes(doc, A, 'two', 2)).toBe(false)
    expect(setVotes(doc, A, 'two', 1)).toBe(true)
    // A tampered device writes past the limit directly.
    doc.getMap('cafe-votes').set(`${A}:two`, VOTES_PER_PERSON)
    const harvest = readHarvest(doc)
    expect(harvest.votesBy.get(A)).toBe(VOTES_PER_PERSON)
    expect(harvest.cards.map((c) => c.votes)).toEqual([2, 1])
  })

  it('groups cards, lists sign-ups per idea and the organisations that want to go on, each once', () => {
    const doc = new Y.Doc()
    addCard(doc, card('one', '2027-01-01T10:00:00.000Z'))
    addCard(doc, card('two', '2027-01-01T10:01:00.000Z'))
    addGroup(doc, { id: 'g', name: 'Trygghet' })
    moveCard(doc, 'two', 'g')
    signUp(doc, 'one', { memberId: A, name: 'Aisha', organisation: 'Föreningen' }, A)
    signUp(doc, 'two', { memberId: A, name: 'Aisha', organisation: 'Föreningen' }, A)
    signUp(doc, 'two', { memberId: B, name: 'Bengt', organisation: 'Kommunen' }, B)
    const harvest = readHarvest(doc)
    expect(harvest.cards.map((c) => c.groupId)).toEqual([null, 'g'])
    expect(harvest.cards[1]!.signUps.map((s) => s.name)).toEqual(['Aisha', 'Bengt'])
    expect(harvest.organisations).toEqual(['Föreningen', 'Kommunen'])
    signUp(doc, 'one', null, A)
    expect(readHarvest(doc).cards[0]!.signUps).toEqual([])
  })

  it('leaves out votes, sign-ups, cards and answers written in another member’s name', () => {
    const doc = new Y.Doc()
    addCard(doc, card('one', '2027-01-01T10:00:00.000Z'))
    setVotes(doc, B, 'one', 3)
    signUp(doc, 'one', { memberId: B, name: 'Bengt', organisation: 'Kommunen' }, B)
    writeAnswer(doc, {
      kind: 'check-in',
      memberId: B,
      text: 'Jag heter Bengt',
      at: '2027-01-01T09:00:00.000Z',
    })
    // Every entry was in fact written by A's device.
    const writer = () => A
    const harvest = readHarvest(doc, writer)
    expect(harvest.cards).toHaveLength(1)
    expect(harvest.cards[0]!.votes).toBe(0)
    expect(harvest.cards[0]!.signUps).toEqual([])
    expect(readAnswers(doc, 'check-in', writer)).toEqual([])
    expect(readAnswers(doc, 'check-in')).toHaveLength(1)
    expect(readHarvest(doc, () => B).cards).toEqual([])
  })
})
