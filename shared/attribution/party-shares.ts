import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import type { TextAuthorship } from './text-authorship'

export const PartyShare = lazySchema(() =>
  z.object({
    partyId: z.string(),
    characters: z.number().check(z.int(), z.nonnegative()),
    /** 0–1 of the attributed text; null when there is none. */
    share: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  }),
)
export type PartyShare = z.infer<typeof PartyShare>

export const SharesOfText = lazySchema(() =>
  z.object({
    parties: z.array(PartyShare),
    /** Characters nobody known wrote (the server's own changes: initial texts, restores). */
    unattributed: z.number().check(z.int(), z.nonnegative()),
  }),
)
export type SharesOfText = z.infer<typeof SharesOfText>

/** One café round: each party's share of what the tables noted, and how many ideas each party's people wrote. */
export const CafeRoundAttribution = lazySchema(() =>
  z.object({
    round: z.number().check(z.int(), z.positive()),
    notes: SharesOfText,
    cards: z.array(z.object({ partyId: z.string(), cards: z.number().check(z.int(), z.nonnegative()) })),
  }),
)
export type CafeRoundAttribution = z.infer<typeof CafeRoundAttribution>

/**
 * `GET /api/documents/:id/attribution`: each party's share of the document's text, overall and per field;
 * for a café also per round.
 */
export const DocumentAttribution = lazySchema(() =>
  z.extend(SharesOfText.unwrap(), {
    fields: z.array(z.extend(SharesOfText.unwrap(), { fieldId: z.string() })),
    cafeRounds: z.optional(z.array(CafeRoundAttribution)),
  }),
)
export type DocumentAttribution = z.infer<typeof DocumentAttribution>

/** Each party's share of characters counted by author (party id, null for nobody known). */
export const sharesOf = (
  counts: ReadonlyMap<string | null, number>,
  parties: readonly string[],
): SharesOfText => {
  const attributed = parties.reduce((sum, party) => sum + (counts.get(party) ?? 0), 0)
  const known = new Set(parties)
  let unattributed = 0
  for (const [author, characters] of counts)
    if (author === null || !known.has(author)) unattributed += characters
  return {
    parties: parties.map((partyId) => {
      const characters = counts.get(partyId) ?? 0
      return { partyId, characters, share: attributed === 0 ? null : characters / attributed }
    }),
    unattributed,
  }
}

/**
 * Each party's share of the text, overall and per field — every party listed (also at 0), in the given
 * order, so no party is left out of the picture. `fieldOf` maps a top-level type name to its field id (null
 * for types that are not fields).
 *
 * @example
 * partyShares(new Map([['f:a', new Map([['kommun', 300], ['forening', 100]])]]), ['kommun', 'forening'], (n) => n.slice(2))
 * // parties: [{ partyId: 'kommun', characters: 300, share: 0.75 }, { partyId: 'forening', characters: 100, share: 0.25 }]
 */
export const partyShares = (
  authorship: TextAuthorship,
  parties: readonly string[],
  fieldOf: (typeName: string) => string | null,
): DocumentAttribution => {
  const total = new Map<string | null, number>()
  const fields: DocumentAttribution['fields'] = []
  for (const [typeName, counts] of authorship) {
    const fieldId = fieldOf(typeName)
    if (fieldId === null) continue
    for (const [author, characters] of counts) total.set(author, (total.get(author) ?? 0) + characters)
    fields.push({ fieldId, ...sharesOf(counts, parties) })
  }
  return { ...sharesOf(total, parties), fields }
}
