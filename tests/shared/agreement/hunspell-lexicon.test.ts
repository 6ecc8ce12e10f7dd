import dictionary from 'dictionary-sv'
import { describe, expect, it } from 'vitest'
import {
  LEXICON_LINES_PER_STEP,
  parseHunspellLexicon,
  readHunspellLexicon,
} from '../../../shared/agreement/hunspell-lexicon'

const decoder = new TextDecoder()
const aff = decoder.decode(dictionary.aff)
const dic = decoder.decode(dictionary.dic)

describe('the Hunspell lexicon', () => {
  it('read in steps, pauses once per slice of the dictionary and knows the same compounds as read at once', () => {
    const reading = readHunspellLexicon(aff, dic)
    let pauses = 0
    let step = reading.next()
    while (step.done !== true) {
      pauses++
      step = reading.next()
    }
    const lines = dic.split('\n').length
    expect(pauses).toBe(Math.floor(lines / LEXICON_LINES_PER_STEP))
    expect(pauses).toBeGreaterThan(10)
    const stepped = step.value
    const whole = parseHunspellLexicon(aff, dic)
    for (const part of ['leverans', 'avtals', 'vitesbelopps', 'in', 'lev', 'kontrakt', 'partnerskaps']) {
      expect(stepped.canBeginCompound(part), part).toBe(whole.canBeginCompound(part))
    }
    for (const part of ['klausul', 'klausulen', 'beloppet', 'vite', 'itera', 'kontraktet']) {
      expect(stepped.canEndCompound(part), part).toBe(whole.canEndCompound(part))
    }
    expect(stepped.canBeginCompound('leverans')).toBe(true)
    expect(stepped.canEndCompound('klausulen')).toBe(true)
    expect(stepped.canBeginCompound('in')).toBe(false)
  })

  it('reads a dictionary whose last line has no line break, and skips the count line and empty lines', () => {
    const lexicon = parseHunspellLexicon('COMPOUNDBEGIN x\nCOMPOUNDEND y\n', '3\navtal/x\n\nklausul/y')
    expect(lexicon.canBeginCompound('avtal')).toBe(true)
    expect(lexicon.canEndCompound('klausul')).toBe(true)
    expect(lexicon.canBeginCompound('3')).toBe(false)
  })
})
