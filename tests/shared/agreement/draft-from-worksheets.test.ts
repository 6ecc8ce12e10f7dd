import { describe, expect, it } from 'vitest'
import { candidateCommitments, draftAgreement } from '../../../shared/agreement/draft-from-worksheets'
import type { CafeRecord } from '../../../shared/cafe/cafe-record'
import { plainText, type RichText } from '../../../shared/document/rich-text'
import { templates } from '../../../shared/templates'

const idea = (text: string, votes: number, signUps: { name: string; organisation: string }[]) =>
  ({
    text,
    group: null,
    round: 1,
    table: 2,
    author: { name: 'Aisha', party: 'Föreningen' },
    votes,
    signUps,
  }) satisfies CafeRecord['ideas'][number]

describe('candidate commitments from the café harvest', () => {
  it('lists only ideas someone signed up for, most votes first, with who wants to go on', () => {
    const blocks = candidateCommitments([
      idea('Läxhjälp', 1, [{ name: 'Bengt', organisation: 'Kommunen' }]),
      idea('Ingen anmäld', 9, []),
      idea('Nattvandring', 4, [
        { name: 'Aisha', organisation: 'Föreningen' },
        { name: 'Dina', organisation: 'Kommunen' },
      ]),
    ])
    const text = plainText(blocks)
    expect(text).not.toContain('Ingen anmäld')
    expect(text.indexOf('Nattvandring')).toBeLessThan(text.indexOf('Läxhjälp'))
    expect(text).toContain('Nattvandring – vill gå vidare: Aisha (Föreningen), Dina (Kommunen)')
    expect(text).toContain('[Utgångspunkt från cafésamtalets skörd')
  })

  it('starts an agreement’s commitments from the harvest even without worksheets, and adds nothing without sign-ups', () => {
    const fields = draftAgreement(templates.agreement, [], undefined, [
      idea('Nattvandring', 2, [{ name: 'Aisha', organisation: 'Föreningen' }]),
    ])
    expect(Object.keys(fields)).toEqual(['commitments'])
    expect(plainText(fields.commitments as RichText)).toContain('Nattvandring')
    expect(draftAgreement(templates.agreement, [], undefined, [idea('Tyst idé', 5, [])])).toEqual({})
  })
})
