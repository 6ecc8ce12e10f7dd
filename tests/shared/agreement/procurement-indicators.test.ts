import { describe, expect, it } from 'vitest'
import { swedishLexicon } from '../../../server/agreement/swedishLexicon'
import { procurementIndicators } from '../../../shared/agreement/procurement-indicators'
import type { BudgetValue } from '../../../shared/document/budget'
import { type DocumentValue, initialDocumentValue } from '../../../shared/document/field-value'
import { richTextFromPlain } from '../../../shared/document/rich-text'
import type { Party } from '../../../shared/schema/party'
import { templates } from '../../../shared/templates'

const kommun: Party = { id: 'k'.repeat(32), name: 'Mora kommun', kind: 'public', orgNumber: null }
const forening: Party = {
  id: 'f'.repeat(32),
  name: 'Föreningen Gemenskap',
  kind: 'nonprofit',
  orgNumber: null,
}
const parties = [kommun, forening]

const agreement = (fields: Record<string, unknown>): DocumentValue => {
  const value = initialDocumentValue(templates.agreement)
  return { ...value, fields: { ...value.fields, ...fields } as DocumentValue['fields'] }
}
const budget = (rows: BudgetValue['rows'], hourlyValue: number | null = 300): BudgetValue => ({
  hourlyValue,
  rows,
})
const indicators = (value: DocumentValue, initiativeParty: string | null = forening.id) =>
  Object.fromEntries(
    procurementIndicators({ template: templates.agreement, value, parties, initiativeParty }).map(
      (indicator) => [indicator.id, indicator],
    ),
  )

describe('procurement indicators of an agreement', () => {
  it('co-financing is not met when the public party pays everything, and met once the association adds volunteer hours', () => {
    const money = {
      id: 'r1',
      party: kommun.id,
      kind: 'money' as const,
      description: 'Bidrag',
      quantity: 1,
      unitValue: 200_000,
    }
    const before = indicators(agreement({ budget: budget([money]) }))['co-financing']
    expect(before).toMatchObject({ status: 'not-met', reason: 'public-pays-all', params: { percent: 100 } })
    expect(before?.refs).toEqual([{ fieldId: 'budget', excerpt: '' }])
    const hours = {
      id: 'r2',
      party: forening.id,
      kind: 'volunteer-hours' as const,
      description: 'Läxhjälpare',
      quantity: 400,
      unitValue: null,
    }
    const after = indicators(agreement({ budget: budget([money, hours]) }))['co-financing']
    expect(after).toMatchObject({ status: 'met', reason: 'co-financed', params: { percent: 62.5 } })
    expect(indicators(agreement({ budget: budget([]) }))['co-financing']?.status).toBe('unknown')
  })

  it('names the association that contributes nothing even when the public share is below 100 %', () => {
    const third: Party = { id: 't'.repeat(32), name: 'Idrottsföreningen', kind: 'nonprofit', orgNumber: null }
    const report = procurementIndicators({
      template: templates.agreement,
      value: agreement({
        budget: budget([
          { id: 'a', party: kommun.id, kind: 'money', description: '', quantity: 1, unitValue: 100 },
          { id: 'b', party: forening.id, kind: 'money', description: '', quantity: 1, unitValue: 100 },
        ]),
      }),
      parties: [...parties, third],
      initiativeParty: null,
    })
    expect(report.find((indicator) => indicator.id === 'co-financing')).toMatchObject({
      status: 'not-met',
      reason: 'party-contributes-nothing',
      params: { parties: 'Idrottsföreningen' },
    })
  })

  it('the initiative is unknown until recorded, met when it came from the association, not met from the municipality', () => {
    const value = agreement({})
    expect(indicators(value, null).initiative?.status).toBe('unknown')
    expect(indicators(value, forening.id).initiative).toMatchObject({
      status: 'met',
      params: { party: forening.name },
    })
    expect(indicators(value, kommun.id).initiative?.status).toBe('not-met')
  })

  it('links sanction words, fixed prices and specification words to the fields they stand in', () => {
    const report = indicators(
      agreement({
        purpose: richTextFromPlain('Att minska ensamheten bland äldre i Mora.'),
        repayment: richTextFromPlain('Vid brott mot överenskommelsen utgår vite.'),
        economy: richTextFromPlain('Kommunen betalar 350 kr per deltagare och tillfälle.'),
        commitments: richTextFromPlain('Utföraren ska leverera enligt kravspecifikationen.'),
      }),
    )
    expect(report['no-sanctions']).toMatchObject({ status: 'not-met', refs: [{ fieldId: 'repayment' }] })
    expect(report['no-sanctions']?.refs[0]?.excerpt).toContain('vite')
    expect(report['no-fixed-price']).toMatchObject({ status: 'not-met', refs: [{ fieldId: 'economy' }] })
    expect(report['no-fixed-price']?.refs[0]?.excerpt).toContain('350 kr per deltagare')
    expect(report['general-purpose']?.status).toBe('not-met')
    expect(report['general-purpose']?.refs.map((ref) => ref.fieldId)).toEqual([
      'commitments',
      'commitments',
      'commitments',
    ])
  })

  it('counts a sanction word inside a compound, and names the compound and the field it stands in', () => {
    const value = agreement({
      repayment: richTextFromPlain('Vid kontraktsbrott utgår vitesklausul enligt punkt 9.'),
      economy: richTextFromPlain('Skadeståndsansvar gäller för skada på lokalen.'),
    })
    const report = Object.fromEntries(
      procurementIndicators({
        template: templates.agreement,
        value,
        parties,
        initiativeParty: forening.id,
        lexicon: swedishLexicon(),
      }).map((indicator) => [indicator.id, indicator]),
    )
    expect(report['no-sanctions']).toMatchObject({
      status: 'not-met',
      // In the sheet's order: the economy section comes before the repayment section.
      refs: [
        { fieldId: 'economy', found: 'Skadeståndsansvar' },
        { fieldId: 'repayment', found: 'vitesklausul' },
      ],
    })
    // Without the lexicon (as before) the compounds went unnoticed: the indicator was wrongly met.
    expect(indicators(value)['no-sanctions']?.status).toBe('met')
  })

  it('a general agreement without sanctions or prices meets those indicators; an empty one is unknown', () => {
    const report = indicators(
      agreement({
        purpose: richTextFromPlain('Tillsammans skapa mötesplatser mot ensamhet.'),
        repayment: richTextFromPlain('Medel som inte används återbetalas.'),
      }),
    )
    expect(report['no-sanctions']?.status).toBe('met')
    expect(report['no-fixed-price']?.status).toBe('met')
    expect(report['general-purpose']?.status).toBe('met')
    const empty = indicators(agreement({}))
    expect(['no-sanctions', 'no-fixed-price', 'general-purpose'].map((id) => empty[id]?.status)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ])
  })
})
