import dictionary from 'dictionary-sv'
import { type Lexicon, parseHunspellLexicon } from '../../shared/agreement/hunspell-lexicon'

const decoder = new TextDecoder()

/** The Swedish Hunspell dictionary's two files, as `dictionary-sv` ships them (served to browsers as is). */
export const swedishLexiconFiles: { readonly aff: Uint8Array; readonly dic: Uint8Array } = dictionary

let lexicon: Lexicon | null = null

/** The language guide's Swedish lexicon, read from `dictionary-sv` on first use (about 0.4 s) and kept. */
export const swedishLexicon = (): Lexicon => {
  lexicon ??= parseHunspellLexicon(decoder.decode(dictionary.aff), decoder.decode(dictionary.dic))
  return lexicon
}
