import * as Y from 'yjs'
import type { StoredDocument } from '../../server/storage/port'

/** A fresh Y.Doc holding what storage holds for a document: its compacted state, then its log. */
export const docFromStored = (stored: Pick<StoredDocument, 'state' | 'updates'>): Y.Doc => {
  const doc = new Y.Doc()
  if (stored.state !== null) Y.applyUpdate(doc, stored.state)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}
