import { createRoot, createSignal } from 'solid-js'
import { type Lexicon, parseHunspellLexicon } from '../../../shared/agreement/hunspell-lexicon'
import { LEXICON_FILES } from '../../../shared/api/lexicon-files'

/**
 * The Swedish lexicon the language guide uses to find words inside compounds, fetched once (about 2.4 MB,
 * cached by the browser for good) when the first editor with the guide opens. Until it has arrived, the
 * guide finds whole words only.
 */
const [lexicon, setLexicon] = createRoot(() => createSignal<Lexicon | null>(null))
let requested = false

export const swedishLexicon = (): Lexicon | null => {
  if (requested) return lexicon()
  requested = true
  void Promise.all([fetch(LEXICON_FILES.aff), fetch(LEXICON_FILES.dic)])
    .then(async ([aff, dic]) => {
      if (!aff.ok || !dic.ok) throw new Error(`lexicon: ${aff.status} ${dic.status}`)
      setLexicon(parseHunspellLexicon(await aff.text(), await dic.text()))
    })
    .catch((error: unknown) => {
      // Whole words are still found; compounds wait for the next page load.
      console.warn('the Swedish lexicon could not be loaded', error)
    })
  return lexicon()
}
