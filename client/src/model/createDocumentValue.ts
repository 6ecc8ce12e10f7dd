import { batch, onCleanup } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type * as Y from 'yjs'
import { type DocumentValue, type FieldValue, fieldValueSchema } from '../../../shared/document/field-value'
import { type Field, fieldsOf, type Template } from '../../../shared/templates/template'
import { fieldIdsChangedBy, readField } from '../../../shared/ydoc/document-ydoc'
import { afterNextFrame } from '../ui/afterNextFrame'

/** The document's value as a Solid store, read from the Y.Doc field by field as it is asked for. */
export interface DocumentValueStore {
  /** The whole value: every field is read (and validated) that was not yet. */
  readonly whole: () => DocumentValue
  /** One field's value, read the first time it is asked for; undefined for an id the template lacks. */
  readonly field: (fieldId: string) => FieldValue | undefined
}

/**
 * The document's value as a Solid store, refreshed from the Y.Doc at most once a frame and merged with
 * `reconcile`, so only the fields that changed re-render. A field is read and validated by its own schema
 * the first time something asks for it, not all at once: the rest of a sheet, drawn just after its first
 * frame, may show one table, and reading, building the schemas of and validating every field of the template
 * for it cost ~20 ms of a throttled phone's main thread in that task. Only fields already read are read again,
 * and only those the transactions since the last refresh changed (with a room typing in one field, the others
 * are not re-read and re-validated every frame). The refresh runs just after a frame, not in it: reading
 * before the frame that shows a keystroke would delay that keystroke's paint. Edits never go through this
 * store: they are Yjs transactions (shared/ydoc/field-actions.ts, or an editor binding).
 */
export const createDocumentValue = (doc: Y.Doc, template: Template): DocumentValueStore => {
  const fields = new Map(fieldsOf(template).map((field) => [field.id, field]))
  const schemas = new Map<string, ReturnType<typeof fieldValueSchema>>()
  const validatedValue = (field: Field): FieldValue => {
    let schema = schemas.get(field.id)
    if (schema === undefined) {
      schema = fieldValueSchema(field)
      schemas.set(field.id, schema)
    }
    return schema.parse(readField(doc, field))
  }
  const [value, setValue] = createStore<DocumentValue>({
    template: template.id,
    templateVersion: template.version,
    fields: {},
  })
  const read = new Set<string>()
  // A field that fails validation throws, and again each time it is asked for (as the whole read did).
  const readFirst = (field: Field) => {
    setValue('fields', field.id, validatedValue(field))
    read.add(field.id)
  }
  let changed: Set<string> | 'all' = new Set()
  let cancelRefresh: (() => void) | null = null
  const refresh = () => {
    cancelRefresh = null
    // Only fields already read are ever marked changed (see onTransaction).
    const ids = changed === 'all' ? [...read] : [...changed]
    changed = new Set()
    batch(() => {
      for (const id of ids) {
        const field = fields.get(id)
        if (field !== undefined)
          setValue('fields', id, reconcile(validatedValue(field), { key: 'id', merge: true }))
      }
    })
  }
  const onTransaction = (transaction: Y.Transaction) => {
    const ids = fieldIdsChangedBy(transaction)
    if (ids === 'all') changed = 'all'
    else if (changed !== 'all') for (const id of ids) if (read.has(id)) changed.add(id)
    if (cancelRefresh !== null || (changed !== 'all' && changed.size === 0)) return
    cancelRefresh = afterNextFrame(refresh)
  }
  doc.on('afterTransaction', onTransaction)
  onCleanup(() => {
    doc.off('afterTransaction', onTransaction)
    cancelRefresh?.()
  })
  return {
    whole: () => {
      if (read.size === fields.size) return value
      const unread = [...fields.values()].filter((field) => !read.has(field.id))
      if (unread.length > 0) batch(() => unread.forEach(readFirst))
      return value
    },
    field: (fieldId) => {
      const field = fields.get(fieldId)
      if (field === undefined) return undefined
      if (!read.has(fieldId)) readFirst(field)
      return value.fields[fieldId]
    },
  }
}
