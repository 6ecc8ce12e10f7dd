import { z } from 'zod'

/**
 * SKL's vocabulary guide (chapter 3): words of purchase and the partnership words to use instead, and words
 * that signal sanctions. A term is matched in its inflected forms (kontrakt, kontraktet, kontrakten,
 * kontraktets…) but never inside an unrelated word ("invitera" does not contain the word "vite").
 * The tool informs; it gives no legal advice.
 */
export const VocabularyTerm = z.object({
  /** The word as a stem; matching adds the Swedish endings. */
  term: z.string().min(2).max(60),
  suggestion: z.string().min(1).max(60),
  kind: z.enum(['purchase', 'sanction']),
  /** Inflected forms that do not follow the stem + ending rule. */
  forms: z.array(z.string().min(1)).default([]),
})
export type VocabularyTerm = z.infer<typeof VocabularyTerm>

/** A workspace's own guide: the partners may add, change or remove terms. */
export const Vocabulary = z.array(VocabularyTerm).max(200)
export type Vocabulary = z.infer<typeof Vocabulary>

export const defaultVocabulary: readonly VocabularyTerm[] = [
  { term: 'kontrakt', suggestion: 'överenskommelse', kind: 'purchase', forms: [] },
  { term: 'uppdrag', suggestion: 'projekt', kind: 'purchase', forms: [] },
  { term: 'anskaffning', suggestion: 'partnerskap', kind: 'purchase', forms: [] },
  { term: 'ersättning', suggestion: 'utbetalning', kind: 'purchase', forms: [] },
  { term: 'fakturering', suggestion: 'samfinansiering', kind: 'purchase', forms: [] },
  {
    term: 'fakturera',
    suggestion: 'samfinansiera',
    kind: 'purchase',
    forms: ['faktureras', 'fakturerar', 'fakturerade', 'fakturerat'],
  },
  { term: 'kontraktspart', suggestion: 'partner', kind: 'purchase', forms: [] },
  { term: 'rätt att häva', suggestion: 'rätt att lämna projektet', kind: 'purchase', forms: [] },
  { term: 'hävning', suggestion: 'rätt att lämna projektet', kind: 'purchase', forms: [] },
  { term: 'skadestånd', suggestion: 'återbetalning', kind: 'sanction', forms: [] },
  {
    term: 'vite',
    suggestion: 'återbetalning',
    kind: 'sanction',
    forms: ['viten', 'vitet', 'vitena', 'vites'],
  },
]

/** Swedish noun endings (indefinite/definite, singular/plural, genitive) a stem may carry. */
const ENDINGS = [
  '',
  'et',
  'en',
  'er',
  'erna',
  'ar',
  'arna',
  'na',
  'n',
  'ens',
  'ets',
  'ernas',
  'arnas',
  's',
  'ers',
]

export interface VocabularyHit {
  /** Where in the text (UTF-16 offsets), for underlining and one-keystroke replacement. */
  readonly start: number
  readonly end: number
  readonly found: string
  readonly term: string
  readonly suggestion: string
  readonly kind: VocabularyTerm['kind']
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Letters a Swedish word is made of; a hit must not be preceded or followed by one. */
const LETTER = 'A-Za-zÅÄÖåäöÉéÜü'

/**
 * Every purchase or sanction word in `text`, with the suggestion, in order. Longer terms win where terms
 * overlap ("kontraktspart" before "kontrakt").
 *
 * @example
 * findVocabulary('Kontraktet ska faktureras och vid brott utgår vite')
 * // kontraktet → överenskommelse, faktureras → samfinansiera, vite → återbetalning
 */
export const findVocabulary = (
  text: string,
  vocabulary: readonly VocabularyTerm[] = defaultVocabulary,
): VocabularyHit[] => {
  const hits: VocabularyHit[] = []
  const terms = [...vocabulary].sort((a, b) => b.term.length - a.term.length)
  const taken: Array<[number, number]> = []
  for (const entry of terms) {
    const forms = [...entry.forms, ...ENDINGS.map((ending) => entry.term + ending)]
      .sort((a, b) => b.length - a.length)
      .map((form) => escapeRegExp(form).replace(/ /g, '\\s+'))
    const pattern = new RegExp(`(?<![${LETTER}])(?:${forms.join('|')})(?![${LETTER}])`, 'giu')
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (taken.some(([a, b]) => start < b && end > a)) continue
      taken.push([start, end])
      hits.push({
        start,
        end,
        found: match[0],
        term: entry.term,
        suggestion: entry.suggestion,
        kind: entry.kind,
      })
    }
  }
  return hits.sort((a, b) => a.start - b.start)
}

/** The text with one hit replaced by its suggestion (capitalised like the word it replaces). */
export const replaceHit = (text: string, hit: VocabularyHit): string => {
  const first = hit.found[0] ?? ''
  const suggestion =
    first === first.toUpperCase() && first !== first.toLowerCase()
      ? hit.suggestion[0]!.toUpperCase() + hit.suggestion.slice(1)
      : hit.suggestion
  return text.slice(0, hit.start) + suggestion + text.slice(hit.end)
}

/** The suggestion for a hit as it would replace the word (capitalised like it). */
export const suggestionFor = (hit: VocabularyHit): string =>
  replaceHit(hit.found, { ...hit, start: 0, end: hit.found.length })
