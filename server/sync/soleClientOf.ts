import * as decoding from 'lib0/decoding'

/**
 * The client id under which an update (Yjs update v1) adds content, when it adds content under exactly one,
 * read from the update's header without parsing its structs; null when it adds content under several or none,
 * or the header does not decode. A keystroke is one client's structs, so checking who may write it costs four
 * varints instead of a parse of the whole update.
 */
export const soleClientOf = (update: Uint8Array): number | null => {
  try {
    const decoder = decoding.createDecoder(update)
    if (decoding.readVarUint(decoder) !== 1) return null
    if (decoding.readVarUint(decoder) === 0) return null
    return decoding.readVarUint(decoder)
  } catch {
    return null
  }
}
