import { onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import type { DocumentValue } from '../../../shared/document/field-value'
import type { Template } from '../../../shared/templates/template'
import { readDocument } from '../../../shared/ydoc/document-ydoc'

/**
 * The document's value as a Solid store, refreshed from the Y.Doc at most once a frame and merged with
 * `reconcile`, so only the fields that changed re-render. Edits never go through this store: they are Yjs
 * transactions (shared/ydoc/field-actions.ts, or an editor binding).
 */
export const createDocumentValue = (doc: Y.Doc, template: Template): DocumentValue => {
  const [value, setValue] = createStore<DocumentValue>(readDocument(doc, template))
  let frame: number | null = null
  const refresh = () => {
    frame = null
    setValue(reconcile(readDocument(doc, template), { key: 'id', merge: true }))
  }
  const onUpdate = () => {
    frame ??= requestAnimationFrame(refresh)
  }
  doc.on('update', onUpdate)
  onCleanup(() => {
    doc.off('update', onUpdate)
    if (frame !== null) cancelAnimationFrame(frame)
  })
  return value
}
