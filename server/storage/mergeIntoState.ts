import * as Y from 'yjs'
import { StorageIntegrityError } from './StorageIntegrityError'

/**
 * One compacted state holding everything in `updates` (stored state, log entries, a replica's state), in
 * any order and with any overlap: Yjs updates commute and are idempotent. Built through a garbage-collected
 * Y.Doc, so deleted content does not pile up in the state.
 */
export const mergeIntoState = (docId: string, updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc({ gc: true })
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } catch (error) {
    throw new StorageIntegrityError(`stored content of document ${docId} does not apply: ${String(error)}`)
  } finally {
    doc.destroy()
  }
}
