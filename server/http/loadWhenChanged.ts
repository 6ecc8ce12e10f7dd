import { statSync } from 'node:fs'

/**
 * `load(file)`, done again only when the file's modification time changes; null while the file does not exist.
 * For the client build's files, which a deploy replaces under a running server and every page load reads.
 */
export const loadWhenChanged = <T>(file: string, load: (file: string) => T): (() => T | null) => {
  let loaded: { readonly mtimeMs: number; readonly value: T } | null = null
  return () => {
    let mtimeMs: number
    try {
      mtimeMs = statSync(file).mtimeMs
    } catch {
      return null
    }
    if (loaded?.mtimeMs !== mtimeMs) loaded = { mtimeMs, value: load(file) }
    return loaded.value
  }
}
