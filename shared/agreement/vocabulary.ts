import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import type { Lexicon } from './hunspell-lexicon'

/**
 * The forms of a word by grammatical slot, so that a replacement takes the form of the word it replaces.
 * Nouns: `sg` (kontrakt), `sg.def` (kontraktet), `pl` (kontrakt), `pl.def` (kontrakten), with `gender` for
 * the article (en/ett); genitives (kontraktets) follow from these. Verbs: `inf`, `pres`, `past`, `sup`, `pass`
 * (and the passive past and supine, `past.pass`, `sup.pass`).
 */
export const Paradigm = lazySchema(() =>
  z.object({
    gender: z.optional(z.enum(['en', 'ett'])),
    forms: z.partialRecord(
      z.enum(['sg', 'sg.def', 'pl', 'pl.def', 'inf', 'pres', 'past', 'sup', 'pass', 'past.pass', 'sup.pass']),
      z.string().check(z.minLength(1), z.maxLength(80)),
    ),
  }),
)
export type Paradigm = z.infer<typeof Paradigm>

/**
 * SKL's vocabulary guide (chapter 3): words of purchase and the partnership words to use instead, and words
 * that signal sanctions. A term is matched in its inflected forms (kontrakt, kontraktet, kontrakten,
 * kontraktets…), inside compounds the Swedish lexicon knows ("leveranskontrakt", "vitesklausul"), but never
 * inside an unrelated word ("invitera" does not contain the word "vite"). The tool informs; it gives no legal
 * advice.
 */
export const VocabularyTerm = lazySchema(() =>
  z.object({
    /** The word as a stem; without a paradigm, matching adds the Swedish noun endings. */
    term: z.string().check(z.minLength(2), z.maxLength(60)),
    suggestion: z.string().check(z.minLength(1), z.maxLength(60)),
    kind: z.enum(['purchase', 'sanction']),
    /** Inflected forms that do not follow the stem + ending rule. */
    forms: z._default(z.array(z.string().check(z.minLength(1))), []),
    /** The term's forms by slot: a replacement then takes the suggestion's form in the same slot. */
    paradigm: z.optional(Paradigm),
    suggestionParadigm: z.optional(Paradigm),
    /** The forms the term takes as a compound's first part (kontrakts-); the stem and stem + s when absent. */
    compoundFirst: z.optional(z.array(z.string().check(z.minLength(2), z.maxLength(60)))),
  }),
)
export type VocabularyTerm = z.infer<typeof VocabularyTerm>

/** A workspace's own guide: the partners may add, change or remove terms. */
export const Vocabulary = lazySchema(() => z.array(VocabularyTerm).check(z.maxLength(200)))
export type Vocabulary = z.infer<typeof Vocabulary>

const noun = (gender: 'en' | 'ett', sg: string, def: string, pl: string, plDef: string): Paradigm => ({
  gender,
  forms: { sg, 'sg.def': def, pl, 'pl.def': plDef },
})
const repayment = noun('en', 'återbetalning', 'återbetalningen', 'återbetalningar', 'återbetalningarna')

export const defaultVocabulary: readonly VocabularyTerm[] = [
  {
    term: 'kontrakt',
    suggestion: 'överenskommelse',
    kind: 'purchase',
    forms: [],
    paradigm: noun('ett', 'kontrakt', 'kontraktet', 'kontrakt', 'kontrakten'),
    suggestionParadigm: noun(
      'en',
      'överenskommelse',
      'överenskommelsen',
      'överenskommelser',
      'överenskommelserna',
    ),
    compoundFirst: ['kontrakts'],
  },
  {
    term: 'uppdrag',
    suggestion: 'projekt',
    kind: 'purchase',
    forms: [],
    paradigm: noun('ett', 'uppdrag', 'uppdraget', 'uppdrag', 'uppdragen'),
    suggestionParadigm: noun('ett', 'projekt', 'projektet', 'projekt', 'projekten'),
    compoundFirst: ['uppdrags'],
  },
  {
    term: 'anskaffning',
    suggestion: 'partnerskap',
    kind: 'purchase',
    forms: [],
    paradigm: noun('en', 'anskaffning', 'anskaffningen', 'anskaffningar', 'anskaffningarna'),
    suggestionParadigm: noun('ett', 'partnerskap', 'partnerskapet', 'partnerskap', 'partnerskapen'),
    compoundFirst: ['anskaffnings'],
  },
  {
    term: 'ersättning',
    suggestion: 'utbetalning',
    kind: 'purchase',
    forms: [],
    paradigm: noun('en', 'ersättning', 'ersättningen', 'ersättningar', 'ersättningarna'),
    suggestionParadigm: noun('en', 'utbetalning', 'utbetalningen', 'utbetalningar', 'utbetalningarna'),
    compoundFirst: ['ersättnings'],
  },
  {
    term: 'fakturering',
    suggestion: 'samfinansiering',
    kind: 'purchase',
    forms: [],
    paradigm: noun('en', 'fakturering', 'faktureringen', 'faktureringar', 'faktureringarna'),
    suggestionParadigm: noun(
      'en',
      'samfinansiering',
      'samfinansieringen',
      'samfinansieringar',
      'samfinansieringarna',
    ),
    compoundFirst: ['fakturerings'],
  },
  {
    term: 'fakturera',
    suggestion: 'samfinansiera',
    kind: 'purchase',
    forms: [],
    paradigm: {
      forms: {
        inf: 'fakturera',
        pres: 'fakturerar',
        past: 'fakturerade',
        sup: 'fakturerat',
        pass: 'faktureras',
        'past.pass': 'fakturerades',
        'sup.pass': 'fakturerats',
      },
    },
    suggestionParadigm: {
      forms: {
        inf: 'samfinansiera',
        pres: 'samfinansierar',
        past: 'samfinansierade',
        sup: 'samfinansierat',
        pass: 'samfinansieras',
        'past.pass': 'samfinansierades',
        'sup.pass': 'samfinansierats',
      },
    },
    compoundFirst: [],
  },
  {
    term: 'kontraktspart',
    suggestion: 'partner',
    kind: 'purchase',
    forms: [],
    paradigm: noun('en', 'kontraktspart', 'kontraktsparten', 'kontraktsparter', 'kontraktsparterna'),
    suggestionParadigm: noun('en', 'partner', 'partnern', 'partner', 'partnerna'),
    compoundFirst: [],
  },
  { term: 'rätt att häva', suggestion: 'rätt att lämna projektet', kind: 'purchase', forms: [] },
  {
    term: 'hävning',
    suggestion: 'rätt att lämna projektet',
    kind: 'purchase',
    forms: [],
    paradigm: noun('en', 'hävning', 'hävningen', 'hävningar', 'hävningarna'),
    compoundFirst: ['hävnings'],
  },
  {
    term: 'skadestånd',
    suggestion: 'återbetalning',
    kind: 'sanction',
    forms: [],
    paradigm: noun('ett', 'skadestånd', 'skadeståndet', 'skadestånd', 'skadestånden'),
    suggestionParadigm: repayment,
    compoundFirst: ['skadestånds'],
  },
  {
    term: 'vite',
    suggestion: 'återbetalning',
    kind: 'sanction',
    forms: [],
    paradigm: noun('ett', 'vite', 'vitet', 'viten', 'vitena'),
    suggestionParadigm: repayment,
    compoundFirst: ['vites'],
  },
]

/** Swedish noun endings (indefinite/definite, singular/plural, genitive) a stem without a paradigm may carry. */
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
  /** The text found: the word, the compound it is part of, or an article and the word ("ett kontrakt"). */
  readonly found: string
  readonly term: string
  /** The guide's word for it, as listed. */
  readonly suggestion: string
  readonly kind: VocabularyTerm['kind']
  /**
   * What replaces `found`: the suggestion in the same form and capitalisation ("Kontraktet" →
   * "Överenskommelsen", "leveranskontrakt" → "leveransöverenskommelse"); null when there is no good rewrite
   * (a compound with a sanction word, or with a purchase word as its first part): the text must be reworded.
   */
  readonly replacement: string | null
  /** The compound the word is part of, and whether it is the compound's first part or its last. */
  readonly compound: 'first' | 'last' | null
}

/** Words after which a noun whose singular and plural look alike is plural ("två kontrakt", "alla uppdrag"). */
const PLURAL_BEFORE = new Set([
  'två',
  'tre',
  'fyra',
  'fem',
  'sex',
  'sju',
  'åtta',
  'nio',
  'tio',
  'flera',
  'många',
  'några',
  'alla',
  'båda',
  'dessa',
  'de',
  'våra',
  'era',
  'deras',
  'sina',
  'andra',
  'olika',
  'samtliga',
  'övriga',
  'nya',
  'egna',
])

/** Letters a Swedish word is made of; a hit must not be preceded or followed by one. */
const LETTER = 'A-Za-zÅÄÖåäöÉéÜü'
const WORD = new RegExp(`[${LETTER}]+`, 'gu')

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every form of a term with its slot (genitives as `<slot>.gen`); legacy terms by stem + endings. */
const formsOf = (entry: VocabularyTerm): { form: string; slot: string | null }[] => {
  const forms: { form: string; slot: string | null }[] = []
  if (entry.paradigm !== undefined) {
    for (const [slot, form] of Object.entries(entry.paradigm.forms)) {
      forms.push({ form: form.toLowerCase(), slot })
      if (entry.paradigm.gender !== undefined && !/[sxz]$/.test(form)) {
        forms.push({ form: `${form}s`.toLowerCase(), slot: `${slot}.gen` })
      }
    }
  } else {
    for (const ending of ENDINGS) forms.push({ form: (entry.term + ending).toLowerCase(), slot: null })
  }
  for (const form of entry.forms) forms.push({ form: form.toLowerCase(), slot: null })
  return forms.sort((a, b) => b.form.length - a.form.length)
}

/** The suggestion in a slot (a genitive adds -s), or the plain suggestion when it has no such form. */
const suggestionIn = (entry: VocabularyTerm, slot: string | null): string => {
  const forms = entry.suggestionParadigm?.forms
  if (slot === null || forms === undefined) return entry.suggestion
  const genitive = slot.endsWith('.gen')
  const base = forms[(genitive ? slot.slice(0, -4) : slot) as keyof typeof forms]
  if (base === undefined) return entry.suggestion
  return genitive && !/[sxz]$/.test(base) ? `${base}s` : base
}

/** `text` written like `like`: all capitals, a capital first letter, or lower case. */
const caseLike = (like: string, text: string): string => {
  const letters = like.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase())
    return text.toUpperCase()
  const first = like[0] ?? ''
  return first !== first.toLowerCase()
    ? text[0]!.toUpperCase() + text.slice(1)
    : text[0]!.toLowerCase() + text.slice(1)
}

/** A hit of `entry` on text[start, end). */
const hitOf = (
  entry: VocabularyTerm,
  start: number,
  found: string,
  replacement: string | null,
  compound: VocabularyHit['compound'],
): VocabularyHit => ({
  start,
  end: start + found.length,
  found,
  term: entry.term,
  suggestion: entry.suggestion,
  kind: entry.kind,
  replacement,
  compound,
})

/**
 * Every purchase or sanction word in `text`, with the suggestion and its replacement, in order. Longer terms
 * win where terms overlap ("kontraktspart" before "kontrakt"). With a `lexicon`, words inside compounds are
 * found too: "leveranskontrakt" (a purchase word last, rewritten to "leveransöverenskommelse") and
 * "vitesklausul" (a sanction word first, listed for rewording).
 *
 * @example
 * findVocabulary('Kontraktet ska faktureras och vid brott utgår vite')
 * // Kontraktet → Överenskommelsen, faktureras → samfinansieras, vite → återbetalning
 */
export const findVocabulary = (
  text: string,
  vocabulary: readonly VocabularyTerm[] = defaultVocabulary,
  lexicon: Lexicon | null = null,
): VocabularyHit[] => {
  const hits: VocabularyHit[] = []
  const taken: Array<[number, number]> = []
  const free = (start: number, end: number) => !taken.some(([a, b]) => start < b && end > a)
  const add = (hit: VocabularyHit) => {
    taken.push([hit.start, hit.end])
    hits.push(hit)
  }
  const terms = [...vocabulary].sort((a, b) => b.term.length - a.term.length)
  const formsByTerm = new Map(terms.map((entry) => [entry, formsOf(entry)]))

  // Phrases (a term of several words) first, as before.
  for (const entry of terms.filter((candidate) => /\s/.test(candidate.term))) {
    const pattern = new RegExp(
      `(?<![${LETTER}])${escapeRegExp(entry.term).replace(/ /g, '\\s+')}(?![${LETTER}])`,
      'giu',
    )
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (!free(start, end)) continue
      add(hitOf(entry, start, match[0], caseLike(match[0], entry.suggestion), null))
    }
  }

  const words = [...text.matchAll(WORD)]
  for (const [index, match] of words.entries()) {
    const word = match[0]
    const lower = word.toLowerCase()
    const start = match.index
    const end = start + word.length
    if (!free(start, end)) continue
    let hit: VocabularyHit | null = null
    // The word itself, in one of a term's forms.
    const before = words[index - 1]?.[0].toLowerCase()
    for (const entry of terms) {
      const matching = formsByTerm.get(entry)!.filter((candidate) => candidate.form === lower)
      // "kontrakt" is singular and plural: a word before it that counts or gathers says which.
      const form =
        (before !== undefined && PLURAL_BEFORE.has(before)
          ? matching.find((candidate) => candidate.slot?.startsWith('pl'))
          : undefined) ?? matching[0]
      if (form === undefined) continue
      const replacement = caseLike(word, suggestionIn(entry, form.slot))
      hit = hitOf(entry, start, word, replacement, null)
      // "ett kontrakt" → "en överenskommelse": an adjacent article takes the suggestion's gender.
      const previous = words[index - 1]
      const gender = entry.suggestionParadigm?.gender
      if (
        form.slot === 'sg' &&
        previous !== undefined &&
        (before === 'en' || before === 'ett') &&
        gender !== undefined &&
        gender !== before &&
        /^\s+$/.test(text.slice(previous.index + previous[0].length, start)) &&
        free(previous.index, end)
      ) {
        const found = text.slice(previous.index, end)
        hit = hitOf(entry, previous.index, found, `${caseLike(previous[0], gender)} ${replacement}`, null)
      }
      break
    }
    // Inside a compound the lexicon knows: the term last ("leveranskontraktet") or first ("kontraktstiden").
    if (hit === null && lexicon !== null) {
      for (const entry of terms) {
        const last = formsByTerm
          .get(entry)!
          .find(
            ({ form }) =>
              lower.length - form.length >= 2 &&
              lower.endsWith(form) &&
              lexicon.canBeginCompound(lower.slice(0, -form.length)),
          )
        if (last !== undefined) {
          const first = word.slice(0, word.length - last.form.length)
          const rewrite =
            entry.kind === 'purchase' &&
            entry.paradigm !== undefined &&
            entry.suggestionParadigm !== undefined
          const replacement = rewrite
            ? caseLike(word, first.toLowerCase() + suggestionIn(entry, last.slot))
            : null
          hit = hitOf(entry, start, word, replacement, 'last')
          break
        }
        const firsts = entry.compoundFirst ?? [entry.term, `${entry.term}s`]
        const first = firsts
          .map((candidate) => candidate.toLowerCase())
          .sort((a, b) => b.length - a.length)
          .find(
            (form) =>
              lower.length - form.length >= 2 &&
              lower.startsWith(form) &&
              lexicon.canEndCompound(lower.slice(form.length)),
          )
        if (first !== undefined) {
          hit = hitOf(entry, start, word, null, 'first')
          break
        }
      }
    }
    if (hit !== null) add(hit)
  }
  return hits.sort((a, b) => a.start - b.start)
}

/** The text with one hit replaced (unchanged when the hit has no replacement: it needs rewording). */
export const replaceHit = (text: string, hit: VocabularyHit): string =>
  hit.replacement === null ? text : text.slice(0, hit.start) + hit.replacement + text.slice(hit.end)
