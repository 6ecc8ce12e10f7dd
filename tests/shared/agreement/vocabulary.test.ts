import { describe, expect, it } from 'vitest'
import { swedishLexicon } from '../../../server/agreement/swedishLexicon'
import { findVocabulary, replaceHit, type VocabularyTerm } from '../../../shared/agreement/vocabulary'

const lexicon = swedishLexicon()
const hitsIn = (text: string, vocabulary?: readonly VocabularyTerm[]) =>
  findVocabulary(text, vocabulary, lexicon)
/** The text with every hit that has a replacement replaced. */
const rewritten = (text: string): string => {
  let result = text
  for (const hit of [...hitsIn(text)].reverse()) result = replaceHit(result, hit)
  return result
}

describe('the vocabulary guide', () => {
  it('finds the three purchase and sanction words in the issue’s sentence, each replaced in its own form', () => {
    const hits = hitsIn('Kontraktet ska faktureras och vid brott utgår vite')
    expect(hits.map(({ found, replacement, kind }) => ({ found, replacement, kind }))).toEqual([
      { found: 'Kontraktet', replacement: 'Överenskommelsen', kind: 'purchase' },
      { found: 'faktureras', replacement: 'samfinansieras', kind: 'purchase' },
      { found: 'vite', replacement: 'återbetalning', kind: 'sanction' },
    ])
    expect(rewritten('Kontraktet ska faktureras och vid brott utgår vite')).toBe(
      'Överenskommelsen ska samfinansieras och vid brott utgår återbetalning',
    )
  })

  it.each([
    ['Kontraktet gäller', 'Överenskommelsen gäller'],
    ['kontraktet gäller', 'överenskommelsen gäller'],
    ['KONTRAKTET GÄLLER', 'ÖVERENSKOMMELSEN GÄLLER'],
    ['Kontrakten gäller', 'Överenskommelserna gäller'],
    ['alla kontrakten', 'alla överenskommelserna'],
    ['kontraktets villkor', 'överenskommelsens villkor'],
    ['Kontraktets villkor', 'Överenskommelsens villkor'],
    ['kontraktens parter', 'överenskommelsernas parter'],
    ['Vi skriver ett kontrakt', 'Vi skriver en överenskommelse'],
    ['Ett kontrakt skrivs', 'En överenskommelse skrivs'],
    ['två kontrakt', 'två överenskommelser'],
    ['Alla uppdrag redovisas', 'Alla projekt redovisas'],
    ['uppdraget och uppdragen', 'projektet och projekten'],
    ['Ersättningen betalas ut', 'Utbetalningen betalas ut'],
    ['ersättningarna', 'utbetalningarna'],
    ['kommunen fakturerade', 'kommunen samfinansierade'],
    ['Föreningen fakturerar', 'Föreningen samfinansierar'],
    ['varje kontraktspart', 'varje partner'],
    ['Kontraktsparterna', 'Partnerna'],
    ['ett vite', 'en återbetalning'],
  ])('replaces “%s” with “%s”, in the form and capitals of the word it replaces', (text, expected) => {
    expect(rewritten(text)).toBe(expected)
  })

  it.each([
    ['Vid kontraktsbrott utgår vitesklausul', ['kontraktsbrott', 'vitesklausul']],
    ['Vitesbeloppet är 10 000 kronor', ['Vitesbeloppet']],
    ['ett avtalsvite tillämpas', ['avtalsvite']],
    ['Skadeståndsansvar gäller', ['Skadeståndsansvar']],
    ['Leveranskontraktet förlängs', ['Leveranskontraktet']],
  ])('finds the purchase or sanction word inside a compound in “%s”', (text, found) => {
    expect(hitsIn(text).map((hit) => hit.found)).toEqual(found)
  })

  it('rewrites a compound ending in a purchase word, and lists one it cannot rewrite for rewording', () => {
    const [last] = hitsIn('Leveranskontraktet förlängs')
    expect(last).toMatchObject({ compound: 'last', replacement: 'Leveransöverenskommelsen' })
    const [first] = hitsIn('Kontraktstiden är tre år')
    expect(first).toMatchObject({ found: 'Kontraktstiden', compound: 'first', replacement: null })
    const [sanction] = hitsIn('en vitesklausul')
    expect(sanction).toMatchObject({
      kind: 'sanction',
      compound: 'first',
      replacement: null,
      suggestion: 'återbetalning',
    })
    expect(replaceHit('en vitesklausul', sanction!)).toBe('en vitesklausul')
  })

  it('does not flag a word that merely contains a term’s letters', () => {
    expect(
      hitsIn('Vi vill invitera alla, levitera och invite till en vitesse-kväll med vitest och övervitenskap'),
    ).toEqual([])
    expect(hitsIn('invite levitera')).toEqual([])
    expect(hitsIn('Projektet, överenskommelsen och samverkan')).toEqual([])
  })

  it('keeps a workspace’s own terms working, whole words and compounds, without paradigms', () => {
    const own: VocabularyTerm[] = [{ term: 'leverantör', suggestion: 'partner', kind: 'purchase', forms: [] }]
    expect(
      hitsIn('Leverantören och leverantörsansvaret', own).map((hit) => [hit.found, hit.compound]),
    ).toEqual([
      ['Leverantören', null],
      ['leverantörsansvaret', 'first'],
    ])
  })

  it('without the lexicon finds whole words only', () => {
    expect(findVocabulary('vitesklausul och kontraktet').map((hit) => hit.found)).toEqual(['kontraktet'])
  })
})
