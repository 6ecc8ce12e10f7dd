import { describe, expect, it } from 'vitest'
import { swedishLexicon } from '../../../server/agreement/swedishLexicon'
import { findVocabulary } from '../../../shared/agreement/vocabulary'
import { VOCABULARY_CORPUS } from './vocabulary-corpus'

describe('the vocabulary guide on a corpus of agreement wording', () => {
  it('finds what it must and nothing it must not, with precision and recall of at least 0.95', () => {
    expect(VOCABULARY_CORPUS.length).toBeGreaterThanOrEqual(100)
    const lexicon = swedishLexicon()
    let truePositives = 0
    const falsePositives: string[] = []
    const falseNegatives: string[] = []
    for (const [text, expected] of VOCABULARY_CORPUS) {
      const found = findVocabulary(text, undefined, lexicon).map((hit) => hit.found)
      const missing = [...expected]
      for (const word of found) {
        const at = missing.indexOf(word)
        if (at === -1) falsePositives.push(`${word} (in “${text}”)`)
        else {
          missing.splice(at, 1)
          truePositives++
        }
      }
      falseNegatives.push(...missing.map((word) => `${word} (in “${text}”)`))
    }
    const precision = truePositives / (truePositives + falsePositives.length)
    const recall = truePositives / (truePositives + falseNegatives.length)
    console.info(
      `vocabulary corpus: ${VOCABULARY_CORPUS.length} sentences, ${truePositives} hits found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (falsePositives.length > 0 ? `\n  found but should not be: ${falsePositives.join('; ')}` : '') +
        (falseNegatives.length > 0 ? `\n  missed: ${falseNegatives.join('; ')}` : ''),
    )
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })
})
