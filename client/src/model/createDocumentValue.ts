import { batch, onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import {
  type DocumentValue,
  documentValueSchema,
  fieldValueSchema,
} from '../../../shared/document/field-value'
import { type Field, fieldsOf, type Template } from '../../../shared/templates/template'
import { fieldIdsChangedBy, readDocument, readField } from '../../../shared/ydoc/document-ydoc'
import { afterNextFrame } from '../ui/afterNextFrame'

/**
 * The document's value as a Solid store, refreshed from the Y.Doc at most once a frame and merged with
 * `reconcile`, so only the fields that changed re-render. Only the fields the transactions since the last
 * refresh changed are read again (with a room typing in one field, the other fields are not re-read and
 * re-validated every frame). The refresh runs just after a frame, not in it: reading before the frame that
 * shows a keystroke would delay that keystroke's paint. The schemas are built once for the page, not for every
 * read. Edits never go through this store: they are Yjs transactions (shared/ydoc/field-actions.ts, or an
 * editor binding).
 */
export const createDocumentValue = (doc: Y.Doc, template: Template): DocumentValue => {
  const schema = documentValueSchema(template)
  const fields = new Map(fieldsOf(template).map((field) => [field.id, field]))
  // A field's own schema is built when that field is first re-read, not at start (most fields never are).
  const fieldSchemas = new Map<string, ReturnType<typeof fieldValueSchema>>()
  const schemaOf = (field: Field) => {
    let fieldSchema = fieldSchemas.get(field.id)
    if (fieldSchema === undefined) {
      fieldSchema = fieldValueSchema(field)
      fieldSchemas.set(field.id, fieldSchema)
    }
    return fieldSchema
  }
  const [value, setValue] = createStore<DocumentValue>(readDocument(doc, template, schema))
  let changed: Set<string> | 'all' = new Set()
  let cancelRefresh: (() => void) | null = null
  const refresh = () => {
    cancelRefresh = null
    const ids = changed
    changed = new Set()
    if (ids === 'all') {
      setValue(reconcile(readDocument(doc, template, schema), { key: 'id', merge: true }))
      return
    }
    batch(() => {
      for (const id of ids) {
        const field = fields.get(id)
        if (field === undefined) continue
        const fresh = schemaOf(field).parse(readField(doc, field))
        setValue('fields', id, reconcile(fresh, { key: 'id', merge: true }))
      }
    })
  }
  const onTransaction = (transaction: Y.Transaction) => {
    const ids = fieldIdsChangedBy(transaction)
    if (ids === 'all') changed = 'all'
    else if (changed !== 'all') for (const id of ids) changed.add(id)
    if (cancelRefresh !== null || (changed !== 'all' && changed.size === 0)) return
    cancelRefresh = afterNextFrame(refresh)
  }
  doc.on('afterTransaction', onTransaction)
  onCleanup(() => {
    doc.off('afterTransaction', onTransaction)
    cancelRefresh?.()
  })
  return value
}
