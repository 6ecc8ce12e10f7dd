import * as Y from 'yjs'

/** Characters of text each author has in the document now, per top-level type (one per field). */
export type TextAuthorship = Map<string, Map<string | null, number>>

/**
 * Counts the characters of current (not deleted) text by who wrote them: each Yjs item belongs to the client
 * id it was created with, and `authorOf` says whose that client id is (null: nobody known, e.g. the server's
 * own changes such as a template's initial text or a restore). Formatting and structure count nothing; text
 * inside lists, tables and rich text counts towards the field (top-level type) it sits in.
 *
 * @example
 * textAuthorship(doc, (client) => owners.get(client)?.partyId ?? null)
 * // Map { 'f:challenge' => Map { 'kommun' => 300, 'forening' => 100 } }
 */
export const textAuthorship = (doc: Y.Doc, authorOf: (client: number) => string | null): TextAuthorship => {
  const rootNames = new Map<Y.AbstractType<unknown>, string>()
  const rootNameOf = (type: Y.AbstractType<unknown>): string => {
    let root = type
    while (root._item !== null) root = root._item.parent as Y.AbstractType<unknown>
    let name = rootNames.get(root)
    if (name === undefined) {
      name = Y.findRootTypeKey(root)
      rootNames.set(root, name)
    }
    return name
  }
  const result: TextAuthorship = new Map()
  for (const [client, structs] of doc.store.clients) {
    const author = authorOf(client)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentString))
        continue
      const parent = struct.parent
      if (!(parent instanceof Y.AbstractType)) continue
      const field = rootNameOf(parent)
      let byAuthor = result.get(field)
      if (byAuthor === undefined) {
        byAuthor = new Map()
        result.set(field, byAuthor)
      }
      byAuthor.set(author, (byAuthor.get(author) ?? 0) + struct.length)
    }
  }
  return result
}
