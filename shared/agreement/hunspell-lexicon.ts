/**
 * What the language guide asks of a Swedish lexicon: whether a piece of a word can begin a compound
 * ("leverans" in "leveranskontrakt", "avtals" in "avtalsvite") and whether one can end it, inflected or not
 * ("klausul" in "vitesklausul", "beloppet" in "vitesbeloppet"). With it, a purchase or sanction word inside a
 * compound is told from a word that merely contains its letters ("invite", "levitera").
 */
export interface Lexicon {
  canBeginCompound(part: string): boolean
  canEndCompound(part: string): boolean
}

interface AffixRule {
  readonly strip: string
  readonly add: string
  readonly flags: string
  readonly condition: RegExp
}

/**
 * A Hunspell dictionary (.aff and .dic, as `dictionary-sv` ships the Swedish one) read for compounding: its
 * COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND flags, on a stem or carried by a suffix rule (the linking
 * *-s-* of "avtals-" is a suffix that makes a compound's first part), and the suffix rules that inflect a
 * last part. Only what compounding needs is read; nothing is expanded ahead, so it is quick to build in a
 * browser too. Single-character flags (Hunspell's default, and what the Swedish dictionary uses).
 */
export const parseHunspellLexicon = (aff: string, dic: string): Lexicon => {
  const reading = readHunspellLexicon(aff, dic)
  for (;;) {
    const step = reading.next()
    if (step.done === true) return step.value
  }
}

/** How many lines of the .dic `readHunspellLexicon` reads between two pauses. */
export const LEXICON_LINES_PER_STEP = 4_000

/**
 * `parseHunspellLexicon` as steps: it pauses (yields) every `LEXICON_LINES_PER_STEP` lines of the .dic and
 * returns the lexicon when done. A browser reads the 2.4 MB Swedish dictionary a few milliseconds at a time
 * between frames: in one piece it would freeze a phone for almost half a second, just as its user begins
 * to type.
 */
export function* readHunspellLexicon(aff: string, dic: string): Generator<void, Lexicon, void> {
  let begin = ''
  let middle = ''
  let end = ''
  const suffixes = new Map<string, AffixRule[]>()
  for (const line of aff.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields[0] === 'COMPOUNDBEGIN') begin = fields[1] ?? ''
    else if (fields[0] === 'COMPOUNDMIDDLE') middle = fields[1] ?? ''
    else if (fields[0] === 'COMPOUNDEND') end = fields[1] ?? ''
    else if (fields[0] === 'SFX' && fields.length >= 5) {
      const [, flag = '', strip = '0', addWithFlags = '0', condition = '.'] = fields
      const [add = '0', flags = ''] = addWithFlags.split('/')
      const rules = suffixes.get(flag) ?? []
      rules.push({
        strip: strip === '0' ? '' : strip,
        add: add === '0' ? '' : add,
        flags,
        condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u'),
      })
      suffixes.set(flag, rules)
    }
  }
  const words = new Map<string, string>()
  let lines = 0
  // Line by line without splitting the whole file first (an array of 200,000 strings at once).
  for (let at = 0; at < dic.length; ) {
    const next = dic.indexOf('\n', at)
    const line = dic.slice(at, next === -1 ? dic.length : next)
    at = next === -1 ? dic.length : next + 1
    if (++lines % LEXICON_LINES_PER_STEP === 0) yield
    const slash = line.indexOf('/')
    const word = (slash === -1 ? line : line.slice(0, slash)).trim()
    if (word === '' || /^\d+$/.test(word)) continue
    const flags = slash === -1 ? '' : line.slice(slash + 1).split(/\s/)[0]!
    words.set(word, (words.get(word) ?? '') + flags)
  }
  const strips = new Set([...suffixes.values()].flat().map((rule) => rule.strip))

  /** Forms of the lexicon's words that carry `flag`: a stem with it, or a suffix rule's form that adds it. */
  const carries = (part: string, flag: string, inflected: boolean): boolean => {
    if (flag === '') return false
    if (words.get(part)?.includes(flag)) return true
    for (const strip of strips) {
      for (let cut = part.length - 1; cut >= 2; cut--) {
        const stem = part.slice(0, cut) + strip
        const stemFlags = words.get(stem)
        if (stemFlags === undefined) continue
        const added = part.slice(cut)
        for (const ruleFlag of stemFlags) {
          for (const rule of suffixes.get(ruleFlag) ?? []) {
            if (rule.strip !== strip || rule.add !== added || !rule.condition.test(stem)) continue
            // The form has the flag itself (a linking form), or inflects a stem that has it (a last part).
            if (rule.flags.includes(flag) || (inflected && stemFlags.includes(flag))) return true
          }
        }
      }
    }
    return false
  }
  const beginsOrMiddles = (part: string, depth: number): boolean => {
    if (carries(part, begin, false)) return true
    if (depth === 0) return false
    // A first part may itself be a compound: a begin and then middles ("vitesbelopps-").
    for (let cut = part.length - 2; cut >= 2; cut--) {
      if (carries(part.slice(cut), middle, false) && beginsOrMiddles(part.slice(0, cut), depth - 1))
        return true
    }
    return false
  }
  return {
    canBeginCompound: (part) => part.length >= 2 && beginsOrMiddles(part.toLowerCase(), 2),
    canEndCompound: (part) => part.length >= 2 && carries(part.toLowerCase(), end, true),
  }
}
