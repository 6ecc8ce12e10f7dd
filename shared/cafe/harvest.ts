import type * as Y from 'yjs'
import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'

/** Dots each person may place over all ideas (they may put several on one). */
export const VOTES_PER_PERSON = 3

const CARDS = 'cafe-cards'
const CARD_GROUP = 'cafe-card-group'
const GROUPS = 'cafe-groups'
const VOTES = 'cafe-votes'
const SIGNUPS = 'cafe-signups'

const Key = z.string().check(z.minLength(1), z.maxLength(64))

/** An idea written during the harvest: its text, where it came from, and who wrote it. */
export const IdeaCard = lazySchema(() =>
  z.object({
    id: Key,
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
    /** The round and table (0-based) the idea comes from; null when it came up in the harvest itself. */
    round: z.nullable(z.number().check(z.int(), z.nonnegative())),
    table: z.nullable(z.number().check(z.int(), z.nonnegative())),
    memberId: EntityId,
    at: z.iso.datetime(),
  }),
)
export type IdeaCard = z.infer<typeof IdeaCard>

export const IdeaGroup = lazySchema(() =>
  z.object({ id: Key, name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)) }),
)
export type IdeaGroup = z.infer<typeof IdeaGroup>

/** Someone who wants to go on with an idea, with the organisation they would bring. */
export const SignUp = lazySchema(() =>
  z.object({
    memberId: EntityId,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    organisation: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
  }),
)
export type SignUp = z.infer<typeof SignUp>

/**
 * Who wrote an entry of the harvest (member id), when known: the server answers from the Yjs client id's
 * recorded owner, so a client cannot vote or sign up in someone else's name.
 */
export type EntryWriter = (map: string, key: string) => string | null

export interface HarvestCard extends IdeaCard {
  readonly groupId: string | null
  readonly votes: number
  readonly signUps: readonly SignUp[]
}

export interface Harvest {
  readonly groups: readonly IdeaGroup[]
  /** Cards in the order they were written. */
  readonly cards: readonly HarvestCard[]
  /** Dots each member has placed (what is left of their limit shows from it). */
  readonly votesBy: ReadonlyMap<string, number>
  /** Organisations someone signed up for an idea with, each once, in the order they first appeared. */
  readonly organisations: readonly string[]
}

const valuesOf = <T>(doc: Y.Doc, map: string, schema: z.ZodMiniType<T>): Array<[string, T]> => {
  const entries: Array<[string, T]> = []
  doc.getMap(map).forEach((value, key) => {
    const parsed = schema.safeParse(value)
    if (parsed.success) entries.push([key, parsed.data])
  })
  return entries
}

/**
 * The harvest board as a value. Entries that do not parse are skipped; a vote or sign-up whose key names
 * another member than the one who wrote it (per `writer`) is not counted; each person's dots are counted up to
 * `VOTES_PER_PERSON`, in card order, however many their device wrote.
 */
export const readHarvest = (doc: Y.Doc, writer: EntryWriter = () => null): Harvest => {
  const honest = (map: string, key: string, memberId: string) => {
    const actual = writer(map, key)
    return actual === null || actual === memberId
  }
  const groups = valuesOf(doc, GROUPS, IdeaGroup)
    .map(([, group]) => group)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
  const groupIds = new Set(groups.map((group) => group.id))
  const cards = valuesOf(doc, CARDS, IdeaCard)
    .filter(([key, card]) => key === card.id && honest(CARDS, key, card.memberId))
    .map(([, card]) => card)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
  const cardIds = new Set(cards.map((card) => card.id))
  const votes = new Map<string, number>()
  const votesBy = new Map<string, number>()
  const ballots = valuesOf(doc, VOTES, z.number().check(z.int(), z.minimum(1), z.maximum(VOTES_PER_PERSON)))
    .map(([key, count]) => ({ key, count, ...splitKey(key) }))
    .filter((ballot) => cardIds.has(ballot.cardId) && honest(VOTES, ballot.key, ballot.memberId))
  const order = new Map(cards.map((card, index) => [card.id, index]))
  ballots.sort((a, b) => (order.get(a.cardId) ?? 0) - (order.get(b.cardId) ?? 0))
  for (const ballot of ballots) {
    const used = votesBy.get(ballot.memberId) ?? 0
    const counted = Math.min(ballot.count, VOTES_PER_PERSON - used)
    if (counted <= 0) continue
    votesBy.set(ballot.memberId, used + counted)
    votes.set(ballot.cardId, (votes.get(ballot.cardId) ?? 0) + counted)
  }
  const signUps = new Map<string, SignUp[]>()
  for (const [key, signUp] of valuesOf(doc, SIGNUPS, SignUp)) {
    const { cardId, memberId } = splitKey(key)
    if (!cardIds.has(cardId) || memberId !== signUp.memberId || !honest(SIGNUPS, key, memberId)) continue
    signUps.set(cardId, [...(signUps.get(cardId) ?? []), signUp])
  }
  const groupOf = doc.getMap(CARD_GROUP)
  const harvestCards = cards.map((card) => {
    const groupId = groupOf.get(card.id)
    return {
      ...card,
      groupId: typeof groupId === 'string' && groupIds.has(groupId) ? groupId : null,
      votes: votes.get(card.id) ?? 0,
      signUps: (signUps.get(card.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    }
  })
  const organisations: string[] = []
  for (const card of harvestCards) {
    for (const signUp of card.signUps) {
      if (!organisations.includes(signUp.organisation)) organisations.push(signUp.organisation)
    }
  }
  return { groups, cards: harvestCards, votesBy, organisations }
}

/** Votes and sign-ups are keyed `<memberId>:<cardId>`, so each person has one entry per card. */
const splitKey = (key: string): { memberId: string; cardId: string } => {
  const at = key.indexOf(':')
  return { memberId: key.slice(0, at), cardId: key.slice(at + 1) }
}
const entryKey = (memberId: string, cardId: string): string => `${memberId}:${cardId}`

export const addCard = (doc: Y.Doc, card: IdeaCard): void => {
  doc.getMap(CARDS).set(card.id, IdeaCard.parse(card))
}

export const addGroup = (doc: Y.Doc, group: IdeaGroup): void => {
  doc.getMap(GROUPS).set(group.id, IdeaGroup.parse(group))
}

export const moveCard = (doc: Y.Doc, cardId: string, groupId: string | null): void => {
  if (groupId === null) doc.getMap(CARD_GROUP).delete(cardId)
  else doc.getMap(CARD_GROUP).set(cardId, groupId)
}

/**
 * Sets how many of a member's dots are on a card (0 removes them). Refuses to go over the member's limit,
 * counting what they have on other cards.
 */
export const setVotes = (doc: Y.Doc, memberId: string, cardId: string, count: number): boolean => {
  const votes = doc.getMap(VOTES)
  const key = entryKey(memberId, cardId)
  let elsewhere = 0
  votes.forEach((value, other) => {
    if (other !== key && other.startsWith(`${memberId}:`) && typeof value === 'number') elsewhere += value
  })
  if (count < 0 || elsewhere + count > VOTES_PER_PERSON) return false
  if (count === 0) votes.delete(key)
  else votes.set(key, count)
  return true
}

export const votesOn = (doc: Y.Doc, memberId: string, cardId: string): number => {
  const value = doc.getMap(VOTES).get(entryKey(memberId, cardId))
  return typeof value === 'number' ? value : 0
}

export const signUp = (doc: Y.Doc, cardId: string, entry: SignUp | null, memberId: string): void => {
  const key = entryKey(memberId, cardId)
  if (entry === null) doc.getMap(SIGNUPS).delete(key)
  else doc.getMap(SIGNUPS).set(key, SignUp.parse(entry))
}

/** Who wrote a map entry, by the Yjs client id of the item holding its current value. */
export const entryClient = (doc: Y.Doc, map: string, key: string): number | null => {
  const item = (doc.getMap(map) as unknown as { _map: Map<string, Y.Item> })._map.get(key)
  return item === undefined || item.deleted ? null : item.id.client
}
