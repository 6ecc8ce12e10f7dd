import { onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import { type DocumentValue, documentValueSchema } from '../../../shared/document/field-value'
import type { Template } from '../../../shared/templates/template'
import { readDocument } from '../../../shared/ydoc/document-ydoc'

/**
 * The document's value as a Solid store, refreshed from the Y.Doc at most once a frame and merged with
 * `reconcile`, so only the fields that changed re-render. The refresh runs just after a frame, not in it:
 * re-reading the whole document before the frame that shows a keystroke would delay that keystroke's paint.
 * The template's schema is built once for the page, not for every read. Edits never go through this store: they are Yjs
 * transactions (shared/ydoc/field-actions.ts, or an editor binding).
 */
export const createDocumentValue = (doc: Y.Doc, template: Template): DocumentValue => {
  const schema = documentValueSchema(template)
  const [value, setValue] = createStore<DocumentValue>(readDocument(doc, template, schema))
  let frame: number | null = null
  let afterFrame: ReturnType<typeof setTimeout> | null = null
  const refresh = () => {
    afterFrame = null
    setValue(reconcile(readDocument(doc, template, schema), { key: 'id', merge: true }))
  }
  const onUpdate = () => {
    if (frame !== null || afterFrame !== null) return
    frame = requestAnimationFrame(() => {
      frame = null
      afterFrame = setTimeout(refresh, 0)
    })
  }
  doc.on('update', onUpdate)
  onCleanup(() => {
    doc.off('update', onUpdate)
    if (frame !== null) cancelAnimationFrame(frame)
    if (afterFrame !== null) clearTimeout(afterFrame)
  })
  return value
}
