import * as Y from 'yjs'
import type * as z from 'zod/mini'
import { type BudgetRow, type BudgetValue, ContributionKind } from '../document/budget'
import {
  ChecklistAnswer,
  type ChecklistEntry,
  type DocumentValue,
  documentValueSchema,
  type FieldValue,
  type ListItem,
  type TableRow,
} from '../document/field-value'
import type { RichText } from '../document/rich-text'
import { unexpectedCase } from '../errors'
import { EntityId } from '../schema/entity-id'
import { type Field, type FieldOf, fieldsOf, type Template } from '../templates/template'
import { readRichText, writeRichText } from './rich-text-ydoc'

/**
 * How a document lives in a Y.Doc. Every field has top-level types of its own, named after its id, so no
 * field ever needs initialising inside another type — two people opening a new document at once cannot
 * overwrite each other's first edits (concurrently created nested types would replace one another).
 *
 * | field kind | Yjs |
 * | --- | --- |
 * | richtext | `XmlFragment('f:<id>')` in y-prosemirror's layout |
 * | text | `Text('f:<id>')` |
 * | list | `Map('f:<id>')`: item id → `Map{order, text: Text}` |
 * | table | `Map('f:<id>')`: row id → `Map{order, 'c:<column>': Text (text), string (date), number (number, money), 'yes'/'no'}` |
 * | checklist | `Map('f:<id>')`: statement id → answer; comments in `Text('f:<id>:<statement>')` |
 * | budget | `Map('f:<id>')`: `hourlyValue`; rows in `Map('f:<id>:rows')`: row id → `Map{order, party, kind, description: Text, quantity, unitValue}` |
 * | date, choice | `Map('fields')`: field id → value |
 *
 * `Map('meta')` holds the template id and version the content follows. Items are ordered by a number
 * (`order`) so that moving one is a single value change that keeps concurrent edits inside it.
 */

export const META = 'meta'
const SIMPLE_FIELDS = 'fields'

export const fieldTypeName = (field: Pick<Field, 'id'>): string => `f:${field.id}`
export const checklistCommentName = (field: Pick<Field, 'id'>, statementId: string): string =>
  `f:${field.id}:${statementId}`
export const budgetRowsName = (field: Pick<Field, 'id'>): string => `f:${field.id}:rows`
export const cellKey = (columnId: string): string => `c:${columnId}`

export interface DocumentMeta {
  readonly template: string
  readonly templateVersion: number
}

/** The template id and version the document's content follows, or null for a document never initialised. */
export const readMeta = (doc: Y.Doc): DocumentMeta | null => {
  const meta = doc.getMap(META)
  const template = meta.get('template')
  const templateVersion = meta.get('templateVersion')
  if (typeof template !== 'string' || typeof templateVersion !== 'number') return null
  return { template, templateVersion }
}

export const writeMeta = (doc: Y.Doc, meta: DocumentMeta): void => {
  const map = doc.getMap(META)
  if (map.get('template') !== meta.template) map.set('template', meta.template)
  if (map.get('templateVersion') !== meta.templateVersion) map.set('templateVersion', meta.templateVersion)
}

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
const nonNegativeOrNull = (value: unknown): number | null => {
  const number = finiteOrNull(value)
  return number !== null && number >= 0 && number <= 1e12 ? number : null
}
const textOf = (value: unknown): string =>
  value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''

/** A map's item maps in their order (by `order`, then id, so every replica agrees). */
export const orderedItems = (map: Y.Map<unknown>): Array<[string, Y.Map<unknown>]> =>
  [...map.entries()]
    .filter((entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map)
    .sort(([idA, a], [idB, b]) => {
      const orderA = finiteOrNull(a.get('order')) ?? 0
      const orderB = finiteOrNull(b.get('order')) ?? 0
      return orderA - orderB || (idA < idB ? -1 : idA > idB ? 1 : 0)
    })

const isoDate = /^\d{4}-\d{2}-\d{2}$/

// Readers accept whatever a client may have written and keep only what fits the template, so a document
// can always be read, exported and versioned; writers produce exactly the layout above.

/** One field's content as a plain value (not yet validated: see `fieldValueSchema`). */
export const readField = (doc: Y.Doc, field: Field): FieldValue => {
  switch (field.kind) {
    case 'richtext':
      return readRichText(doc.getXmlFragment(fieldTypeName(field)))
    case 'text':
      return doc.getText(fieldTypeName(field)).toString()
    case 'list':
      return orderedItems(doc.getMap(fieldTypeName(field))).map(
        ([id, item]): ListItem => ({ id, text: textOf(item.get('text')) }),
      )
    case 'table':
      return orderedItems(doc.getMap(fieldTypeName(field))).map(
        ([id, row]): TableRow => ({
          id,
          cells: Object.fromEntries(
            field.columns.map((column) => {
              const raw = row.get(cellKey(column.id))
              if (column.type === 'number' || column.type === 'money') return [column.id, finiteOrNull(raw)]
              if (column.type === 'yesno') return [column.id, raw === 'yes' || raw === 'no' ? raw : null]
              if (column.type === 'date')
                return [column.id, typeof raw === 'string' && isoDate.test(raw) ? raw : '']
              return [column.id, textOf(raw)]
            }),
          ),
        }),
      )
    case 'checklist': {
      const answers = doc.getMap(fieldTypeName(field))
      return Object.fromEntries(
        field.statements.map((statement): [string, ChecklistEntry] => {
          const answer = ChecklistAnswer.safeParse(answers.get(statement.id))
          return [
            statement.id,
            {
              answer: answer.success ? answer.data : null,
              comment: doc.getText(checklistCommentName(field, statement.id)).toString(),
            },
          ]
        }),
      )
    }
    case 'budget': {
      const settings = doc.getMap(fieldTypeName(field))
      const rows = orderedItems(doc.getMap(budgetRowsName(field))).map(([id, row]): BudgetRow => {
        const kind = ContributionKind.safeParse(row.get('kind'))
        const party = EntityId.safeParse(row.get('party'))
        return {
          id,
          party: party.success ? party.data : null,
          kind: kind.success ? kind.data : 'other',
          description: textOf(row.get('description')).slice(0, 2_000),
          quantity: nonNegativeOrNull(row.get('quantity')),
          unitValue: nonNegativeOrNull(row.get('unitValue')),
        }
      })
      const hourly = settings.has('hourlyValue')
        ? nonNegativeOrNull(settings.get('hourlyValue'))
        : field.defaultHourlyValue
      return { hourlyValue: hourly, rows } satisfies BudgetValue
    }
    case 'date': {
      const value = doc.getMap(SIMPLE_FIELDS).get(field.id)
      return typeof value === 'string' && isoDate.test(value) ? value : null
    }
    case 'choice': {
      const value = doc.getMap(SIMPLE_FIELDS).get(field.id)
      return field.options.some((option) => option.id === value) ? (value as string) : null
    }
    default:
      return unexpectedCase(field)
  }
}

/** Any shared type, as a transaction names the types it changed. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never

/** The top-level type a (possibly nested) type belongs to. */
const rootOf = (type: SharedType): SharedType => {
  let root = type
  while (root._item !== null && root._item.parent instanceof Y.AbstractType) root = root._item.parent
  return root
}

const rootNameOf = (doc: Y.Doc, root: SharedType): string | null => {
  for (const [name, shared] of doc.share) if (shared === root) return name
  return null
}

/**
 * The ids of the fields a transaction changed, read from the layout above (`f:<id>…` types, keys of
 * `Map('fields')`), or 'all' when it changed the document's meta (its template version: every field may have
 * moved). For re-reading only what changed after each remote edit.
 */
export const fieldIdsChangedBy = (transaction: Y.Transaction): ReadonlySet<string> | 'all' => {
  const ids = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    const root = rootOf(type)
    const name = rootNameOf(transaction.doc, root)
    if (name === META) return 'all'
    if (name === SIMPLE_FIELDS) {
      for (const key of keys) if (key !== null) ids.add(key)
    } else if (name?.startsWith('f:')) {
      ids.add(name.slice(2).split(':')[0]!)
    }
  }
  return ids
}

/**
 * The document's content as a plain value, validated by the template's schema.
 * A document never initialised reads as the template's empty document. A caller that reads the same
 * document again and again can pass the schema it built once: building it costs more than the parse. (The
 * browser reads field by field instead: client/src/model/createDocumentValue.ts.)
 */
export const readDocument = (
  doc: Y.Doc,
  template: Template,
  schema: z.ZodMiniType<DocumentValue> = documentValueSchema(template),
): DocumentValue => {
  const value: DocumentValue = {
    template: template.id,
    templateVersion: template.version,
    fields: Object.fromEntries(fieldsOf(template).map((field) => [field.id, readField(doc, field)])),
  }
  return schema.parse(value)
}

const replaceText = (text: Y.Text, value: string): void => {
  if (text.toString() === value) return
  text.delete(0, text.length)
  text.insert(0, value)
}

const newText = (value: string): Y.Text => {
  const text = new Y.Text()
  text.insert(0, value)
  return text
}

const clearMap = (map: Y.Map<unknown>): void => {
  for (const key of [...map.keys()]) map.delete(key)
}

/** A new list item, table row or budget row map with its content (before it is inserted into the doc). */
export const newListItem = (text: string, order: number): Y.Map<unknown> => {
  const item = new Y.Map<unknown>()
  item.set('order', order)
  item.set('text', newText(text))
  return item
}

export const newTableRow = (
  field: FieldOf<'table'>,
  cells: TableRow['cells'],
  order: number,
): Y.Map<unknown> => {
  const row = new Y.Map<unknown>()
  row.set('order', order)
  for (const column of field.columns) {
    const value = cells[column.id] ?? null
    if (column.type === 'text') row.set(cellKey(column.id), newText(typeof value === 'string' ? value : ''))
    else row.set(cellKey(column.id), value)
  }
  return row
}

export const newBudgetRow = (row: Omit<BudgetRow, 'id'>, order: number): Y.Map<unknown> => {
  const map = new Y.Map<unknown>()
  map.set('order', order)
  map.set('party', row.party)
  map.set('kind', row.kind)
  map.set('description', newText(row.description))
  map.set('quantity', row.quantity)
  map.set('unitValue', row.unitValue)
  return map
}

const writeField = (doc: Y.Doc, field: Field, value: FieldValue): void => {
  switch (field.kind) {
    case 'richtext':
      writeRichText(doc.getXmlFragment(fieldTypeName(field)), value as RichText)
      return
    case 'text':
      replaceText(doc.getText(fieldTypeName(field)), value as string)
      return
    case 'list': {
      const map = doc.getMap(fieldTypeName(field))
      clearMap(map)
      for (const [index, item] of (value as ListItem[]).entries())
        map.set(item.id, newListItem(item.text, index))
      return
    }
    case 'table': {
      const map = doc.getMap(fieldTypeName(field))
      clearMap(map)
      for (const [index, row] of (value as TableRow[]).entries())
        map.set(row.id, newTableRow(field, row.cells, index))
      return
    }
    case 'checklist': {
      const answers = doc.getMap(fieldTypeName(field))
      const entries = value as Record<string, ChecklistEntry>
      for (const statement of field.statements) {
        const entry = entries[statement.id] ?? { answer: null, comment: '' }
        if (answers.get(statement.id) !== entry.answer) answers.set(statement.id, entry.answer)
        replaceText(doc.getText(checklistCommentName(field, statement.id)), entry.comment)
      }
      return
    }
    case 'budget': {
      const budget = value as BudgetValue
      doc.getMap(fieldTypeName(field)).set('hourlyValue', budget.hourlyValue)
      const rows = doc.getMap(budgetRowsName(field))
      clearMap(rows)
      for (const [index, row] of budget.rows.entries()) rows.set(row.id, newBudgetRow(row, index))
      return
    }
    case 'date':
    case 'choice': {
      const map = doc.getMap(SIMPLE_FIELDS)
      if (map.get(field.id) !== value) map.set(field.id, value)
      return
    }
    default:
      unexpectedCase(field)
  }
}

/**
 * Makes the Y.Doc hold exactly `value` (validated first), as one forward transaction: everyone connected
 * sees the change happen, nobody's state is swapped out. Used for imports and restoring versions.
 */
export const writeDocument = (
  doc: Y.Doc,
  template: Template,
  value: DocumentValue,
  origin: unknown = null,
): void => {
  const valid = documentValueSchema(template).parse(value)
  doc.transact(() => {
    writeMeta(doc, { template: template.id, templateVersion: template.version })
    for (const field of fieldsOf(template)) writeField(doc, field, valid.fields[field.id]!)
  }, origin)
}
