import * as z from 'zod/mini'
import { type BudgetValue, budgetTotals } from '../document/budget'
import { fieldPlainText } from '../document/field-text'
import type { DocumentValue } from '../document/field-value'
import { lazySchema } from '../schema/lazy-schema'
import type { Party } from '../schema/party'
import { fieldsOf, type Template } from '../templates/template'
import type { Lexicon } from './hunspell-lexicon'
import { findVocabulary, type VocabularyTerm } from './vocabulary'

export const IndicatorId = z.enum([
  'initiative',
  'co-financing',
  'no-sanctions',
  'no-fixed-price',
  'general-purpose',
])
export type IndicatorId = z.infer<typeof IndicatorId>

export const IndicatorStatus = z.enum(['met', 'not-met', 'unknown'])
export type IndicatorStatus = z.infer<typeof IndicatorStatus>

/** Why an indicator has its status; each interface language words it (with the indicator's params). */
export const IndicatorReason = z.enum([
  'initiative-unrecorded',
  'initiative-nonprofit',
  'initiative-public',
  'budget-empty',
  'budget-zero',
  'public-pays-all',
  'party-contributes-nothing',
  'co-financed',
  'no-text',
  'no-sanction-words',
  'sanction-words',
  'no-fixed-price-words',
  'fixed-price-words',
  'purpose-empty',
  'purpose-general',
  'specification-words',
])
export type IndicatorReason = z.infer<typeof IndicatorReason>

/** Where in the agreement an indicator comes from: a field, and the words found there. */
/** Where an indicator's cause is: the field, the words around it, and the word or compound itself. */
export const IndicatorRef = lazySchema(() =>
  z.object({
    fieldId: z.string(),
    excerpt: z.string(),
    found: z.optional(z.string()),
  }),
)
export type IndicatorRef = z.infer<typeof IndicatorRef>

/**
 * One indicator of partnership rather than procurement (DOMAIN.md, "Agreement drafts"). The reason is a code
 * with parameters so each interface language words it; `refs` link it to the text that caused it.
 */
export const Indicator = lazySchema(() =>
  z.object({
    id: IndicatorId,
    status: IndicatorStatus,
    reason: IndicatorReason,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    refs: z.array(IndicatorRef),
  }),
)
export type Indicator = z.infer<typeof Indicator>

export const IndicatorReport = lazySchema(() => z.object({ indicators: z.array(Indicator) }))
export type IndicatorReport = z.infer<typeof IndicatorReport>

/** Words that price a service as a purchase does: a fixed price, a price per unit delivered. */
const FIXED_PRICE =
  /(?<![A-Za-zÅÄÖåäö])(?:fast(?:a)?\s+pris(?:et)?|à-?pris|á-?pris|styckpris|pris\s+per\s+\p{L}+|\d[\d\s]*\s*(?:kr|kronor|sek)\s*(?:per|\/)\s*(?:deltagare|timme|tillfälle|person|besök|elev|brukare|plats|styck|st))(?![A-Za-zÅÄÖåäö])/giu

/** Words of a detailed specification of how the work is done, as a tender would have. */
const SPECIFICATION =
  /(?<![A-Za-zÅÄÖåäö])(?:kravspecifikation\p{L}*|skall[- ]krav\p{L}*|utförare(?:n|ns)?|beställare(?:n|ns)?|leveranstid\p{L}*|leverera(?:s|r)?|upphandl\p{L}*|ska\s+utföras\s+enligt)(?![A-Za-zÅÄÖåäö])/giu

const excerptAround = (text: string, start: number, end: number): string => {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 30)) + 1)
  const to = text.indexOf(' ', Math.min(text.length, end + 30))
  return `${from > 0 ? '…' : ''}${text.slice(from, to === -1 ? text.length : to).trim()}${to === -1 ? '' : '…'}`
}

const PURPOSE_FIELDS = ['background', 'purpose', 'goals']

export interface IndicatorInput {
  readonly template: Template
  readonly value: DocumentValue
  readonly parties: readonly Party[]
  /** The party the initiative came from, as recorded in the workspace; null if nobody has recorded it. */
  readonly initiativeParty: string | null
  readonly vocabulary?: readonly VocabularyTerm[]
  /** The Swedish lexicon: a sanction word inside a compound ("vitesklausul") counts too. */
  readonly lexicon?: Lexicon | null
}

/**
 * The procurement indicators of an agreement — initiative, co-financing, sanction words, fixed prices,
 * general purpose — each met, not met or unknown, with its reason and the text that caused it. It informs the
 * partners' discussion; it is not legal advice.
 */
export const procurementIndicators = ({
  template,
  value,
  parties,
  initiativeParty,
  vocabulary,
  lexicon = null,
}: IndicatorInput): Indicator[] => {
  const fields = fieldsOf(template)
  const texts = fields
    .map((field) => ({ field, text: fieldPlainText(field, value.fields[field.id]) }))
    .filter(({ text }) => text.trim() !== '')
  const anyText = texts.length > 0

  const initiative = ((): Indicator => {
    const party = parties.find((candidate) => candidate.id === initiativeParty)
    if (party === undefined) {
      return { id: 'initiative', status: 'unknown', reason: 'initiative-unrecorded', params: {}, refs: [] }
    }
    return party.kind === 'nonprofit'
      ? {
          id: 'initiative',
          status: 'met',
          reason: 'initiative-nonprofit',
          params: { party: party.name },
          refs: [],
        }
      : {
          id: 'initiative',
          status: 'not-met',
          reason: 'initiative-public',
          params: { party: party.name },
          refs: [],
        }
  })()

  const coFinancing = ((): Indicator => {
    const budgetField = fields.find((field) => field.kind === 'budget')
    const budget =
      budgetField === undefined ? undefined : (value.fields[budgetField.id] as BudgetValue | undefined)
    const refs = budgetField === undefined ? [] : [{ fieldId: budgetField.id, excerpt: '' }]
    if (budget === undefined || budget.rows.length === 0) {
      return { id: 'co-financing', status: 'unknown', reason: 'budget-empty', params: {}, refs }
    }
    const totals = budgetTotals(
      budget,
      parties.map((party) => party.id),
    )
    if (totals.total === 0)
      return { id: 'co-financing', status: 'unknown', reason: 'budget-zero', params: {}, refs }
    const publicIds = new Set(parties.filter((party) => party.kind === 'public').map((party) => party.id))
    const publicTotal = totals.parties
      .filter((line) => line.party !== null && publicIds.has(line.party))
      .reduce((sum, line) => sum + line.total, 0)
    const publicShare = publicTotal / totals.total
    const idle = parties.filter(
      (party) => (totals.parties.find((line) => line.party === party.id)?.total ?? 0) === 0,
    )
    const percent = Math.round(publicShare * 1000) / 10
    if (publicShare >= 1) {
      return { id: 'co-financing', status: 'not-met', reason: 'public-pays-all', params: { percent }, refs }
    }
    if (idle.length > 0) {
      return {
        id: 'co-financing',
        status: 'not-met',
        reason: 'party-contributes-nothing',
        params: { parties: idle.map((party) => party.name).join(', '), percent },
        refs,
      }
    }
    return { id: 'co-financing', status: 'met', reason: 'co-financed', params: { percent }, refs }
  })()

  /**
   * An indicator that words in the text can fail: not met, with each word as a ref, when `found` has any;
   * otherwise met (with `metRefs`).
   */
  const wordIndicator = (
    id: Indicator['id'],
    found: IndicatorRef[],
    reasons: { readonly met: IndicatorReason; readonly notMet: IndicatorReason },
    metRefs: IndicatorRef[] = [],
  ): Indicator =>
    found.length === 0
      ? { id, status: 'met', reason: reasons.met, params: {}, refs: metRefs }
      : { id, status: 'not-met', reason: reasons.notMet, params: { count: found.length }, refs: found }
  const unknown = (id: Indicator['id'], reason: IndicatorReason): Indicator => ({
    id,
    status: 'unknown',
    reason,
    params: {},
    refs: [],
  })

  const matching = (pattern: RegExp): IndicatorRef[] =>
    texts.flatMap(({ field, text }) =>
      [...text.matchAll(pattern)].map((match) => ({
        fieldId: field.id,
        excerpt: excerptAround(text, match.index, match.index + match[0].length),
      })),
    )

  const sanctions = !anyText
    ? unknown('no-sanctions', 'no-text')
    : wordIndicator(
        'no-sanctions',
        texts.flatMap(({ field, text }) =>
          findVocabulary(text, vocabulary, lexicon)
            .filter((hit) => hit.kind === 'sanction')
            .map((hit) => ({
              fieldId: field.id,
              excerpt: excerptAround(text, hit.start, hit.end),
              found: hit.found,
            })),
        ),
        { met: 'no-sanction-words', notMet: 'sanction-words' },
      )

  const fixedPrice = !anyText
    ? unknown('no-fixed-price', 'no-text')
    : wordIndicator('no-fixed-price', matching(FIXED_PRICE), {
        met: 'no-fixed-price-words',
        notMet: 'fixed-price-words',
      })

  const purpose = texts.filter(({ field }) => PURPOSE_FIELDS.includes(field.id))
  const generalPurpose =
    purpose.length === 0
      ? unknown('general-purpose', 'purpose-empty')
      : wordIndicator(
          'general-purpose',
          matching(SPECIFICATION),
          { met: 'purpose-general', notMet: 'specification-words' },
          purpose.map(({ field }) => ({ fieldId: field.id, excerpt: '' })),
        )

  return [initiative, coFinancing, sanctions, fixedPrice, generalPurpose]
}
