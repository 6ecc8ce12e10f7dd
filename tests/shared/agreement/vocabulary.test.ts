import { describe, expect, it } from 'vitest'
import { findVocabulary, replaceHit } from '../../../shared/agreement/vocabulary'

describe('the vocabulary guide', () => {
  it('finds the three purchase and sanction words in the issue’s sentence, with their suggestions', () => {
    const hits = findVocabulary('Kontraktet ska faktureras och vid brott utgår vite')
    expect(hits.map(({ found, suggestion, kind }) => ({ found, suggestion, kind }))).toEqual([
      { found: 'Kontraktet', suggestion: 'överenskommelse', kind: 'purchase' },
      { found: 'faktureras', suggestion: 'samfinansiera', kind: 'purchase' },
      { found: 'vite', suggestion: 'återbetalning', kind: 'sanction' },
    ])
  })

  it('replacing every hit clears them all', () => {
    let text = 'Kontraktet ska faktureras och vid brott utgår vite'
    for (let hits = findVocabulary(text); hits.length > 0; hits = findVocabulary(text))
      text = replaceHit(text, hits[0]!)
    expect(text).toBe('Överenskommelse ska samfinansiera och vid brott utgår återbetalning')
    expect(findVocabulary(text)).toEqual([])
  })

  it('matches inflected forms and longer terms first', () => {
    const found = (text: string) => findVocabulary(text).map((hit) => [hit.found, hit.term])
    expect(found('kontrakten, kontraktets och skadeståndet')).toEqual([
      ['kontrakten', 'kontrakt'],
      ['kontraktets', 'kontrakt'],
      ['skadeståndet', 'skadestånd'],
    ])
    expect(found('Varje kontraktspart har rätt att häva avtalet')).toEqual([
      ['kontraktspart', 'kontraktspart'],
      ['rätt att häva', 'rätt att häva'],
    ])
    expect(found('vitet och vitena')).toEqual([
      ['vitet', 'vite'],
      ['vitena', 'vite'],
    ])
  })

  it('does not flag a term inside an unrelated word', () => {
    expect(
      findVocabulary('Vi vill invitera alla till en vitesse-kväll med vitest och övervitenskap'),
    ).toEqual([])
    expect(findVocabulary('Uppdragsgivaren och ersättningsnivån')).toEqual([])
  })
})
