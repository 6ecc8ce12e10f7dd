import { describe, expect, it } from 'vitest'
import { diffValues } from '../../../server/versions/diffValues'
import type { DocumentValue } from '../../../shared/document/field-value'
import { templates } from '../../../shared/templates'
import { filledDocument } from '../../helpers/filled-document'

const parties = ['a'.repeat(32), 'b'.repeat(32)]

describe('diffValues', () => {
  const before = filledDocument(templates.agreement, parties)
  const after: DocumentValue = structuredClone(before) as DocumentValue

  it('a version compared with itself has no changes', () => {
    expect(diffValues(templates.agreement, before, structuredClone(before) as DocumentValue)).toEqual([])
  })

  it('reports exactly the changed fields, and exactly the changed words', () => {
    const fields = after.fields as Record<string, unknown>
    fields.background = [
      {
        type: 'paragraph',
        content: [{ text: 'Svar om background åäö ÅÄÖ, ' }, { text: 'mycket viktigt', bold: true }],
      },
      (before.fields.background as unknown[])[1],
    ]
    fields.parties = [
      {
        id: 'r1',
        cells: {
          name: 'Cell name parties ö',
          'org-number': '802456-7890',
          representative: 'Cell representative parties ö',
        },
      },
    ]
    const budget = structuredClone(before.fields.budget) as { rows: unknown[] }
    budget.rows.push({
      id: 'r3',
      party: parties[1],
      kind: 'premises',
      description: 'Samlingslokal',
      quantity: 12,
      unitValue: 5000,
    })
    fields.budget = budget
    fields['end-date'] = '2029-12-31'

    const diff = diffValues(templates.agreement, before, after)
    expect(diff.map((field) => field.fieldId)).toEqual(['background', 'parties', 'budget', 'end-date'])

    const background = diff[0]!.text!
    expect(background.filter((part) => part.type === 'added').map((part) => part.text.trim())).toEqual([
      'mycket',
    ])
    expect(background.filter((part) => part.type === 'removed')).toEqual([])

    const row = diff[1]!.rows!
    expect(row).toHaveLength(1)
    expect(row[0]).toMatchObject({ id: 'r1', type: 'changed' })
    expect(
      row[0]!.parts
        .filter((part) => part.type === 'removed')
        .map((part) => part.text)
        .join(''),
    ).toContain('parties')
    expect(
      row[0]!.parts
        .filter((part) => part.type === 'added')
        .map((part) => part.text)
        .join(''),
    ).toContain('802456')

    expect(diff[2]!.rows).toEqual([
      { id: 'r3', type: 'added', parts: [{ type: 'added', text: expect.stringContaining('Samlingslokal') }] },
    ])
    expect(
      diff[3]!.text!.filter((part) => part.type !== 'same').map((part) => [part.type, part.text]),
    ).toEqual([
      ['removed', '2027-01-01'],
      ['added', '2029-12-31'],
    ])
  })
})
