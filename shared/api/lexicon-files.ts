/**
 * Where the server serves the Swedish Hunspell lexicon (`dictionary-sv`, LGPL-3.0) for the language guide.
 * The version is in the path, so the files are cached for good and a new dictionary gets new addresses.
 */
export const LEXICON_FILES = {
  aff: '/lexicon/sv-4.0.0.aff',
  dic: '/lexicon/sv-4.0.0.dic',
} as const
