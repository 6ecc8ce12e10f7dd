import { createRoot, createSignal } from 'solid-js'
import { type Lexicon, readHunspellLexicon } from '../../../shared/agreement/hunspell-lexicon'
import { LEXICON_FILES } from '../../../shared/api/lexicon-files'

/**
 * The Swedish lexicon the language guide uses to find words inside compounds, fetched once (about 2.4 MB,
 * cached by the browser for good) when the first editor with the guide opens, and read a few milliseconds at
 * a time so that typing and drawing go on meanwhile. Until it is ready, the guide finds whole words only.
 */
const [lexicon, setLexicon] = createRoot(() => createSignal<Lexicon | null>(null))
let requested = false

/** Longest stretch of reading between two pauses: well inside one frame, even on a slow phone. */
const SLICE_MS = 8

/** Runs `steps` to its end a slice at a time, each slice a task of its own, so input and frames come between. */
const inSlices = <T>(steps: Generator<void, T, void>): Promise<T> =>
  new Promise((resolve, reject) => {
    const slice = () => {
      try {
        const until = performance.now() + SLICE_MS
        for (;;) {
          const step = steps.next()
          if (step.done === true) return resolve(step.value)
          if (performance.now() >= until) break
        }
        setTimeout(slice, 0)
      } catch (error) {
        reject(error)
      }
    }
    slice()
  })

const loadLexicon = () => {
  void Promise.all([fetch(LEXICON_FILES.aff), fetch(LEXICON_FILES.dic)])
    .then(async ([aff, dic]) => {
      if (!aff.ok || !dic.ok) throw new Error(`lexicon: ${aff.status} ${dic.status}`)
      setLexicon(await inSlices(readHunspellLexicon(await aff.text(), await dic.text())))
    })
    .catch((error: unknown) => {
      // Whole words are still found; compounds wait for the next page load.
      console.warn('the Swedish lexicon could not be loaded', error)
    })
}

export const swedishLexicon = (): Lexicon | null => {
  if (requested) return lexicon()
  requested = true
  // In a task of its own: asked for by the first editor as it is made, the two requests would otherwise be
  // issued before that editor can be typed in.
  setTimeout(loadLexicon)
  return lexicon()
}
