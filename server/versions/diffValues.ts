import { diffWordsWithSpace } from 'diff'
import type { BudgetValue } from '../../shared/document/budget'
import type {
  ChecklistEntry,
  DocumentValue,
  FieldValue,
  ListItem,
  TableRow,
} from '../../shared/document/field-value'
import { type Block, plainText } from '../../shared/document/rich-text'
import { unexpectedCase } from '../../shared/errors'
import { type Field, fieldsOf, type Template } from '../../shared/templates/template'

/** A run of text: unchanged, inserted or deleted. */
export interface TextPart {
  readonly type: 'same' | 'added' | 'removed'
  readonly text: string
}

/** A list item, table row, checklist statement or budget row that was added, removed or changed. */
export interface RowChange {
  readonly id: string
  readonly type: 'added' | 'removed' | 'changed'
  /** Word-level changes of the row's text (its cells joined), for added/removed the whole text. */
  readonly parts: readonly TextPart[]
}

export interface FieldDiff {
  readonly fieldId: string
  readonly kind: Field['kind']
  /** Text fields: word-level parts. */
  readonly text?: readonly TextPart[]
  /** Rows of lists, tables, checklists and budgets. */
  readonly rows?: readonly RowChange[]
}

const words = (before: string, after: string): TextPart[] =>
  diffWordsWithSpace(before, after).map((change) => ({
    type: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))

const changed = (parts: readonly TextPart[]) => parts.some((part) => part.type !== 'same')

const rowText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return String(value)
  // Sorted keys: a saved version's value comes back from canonical JSON with its keys in sorted order.
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key !== 'id')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) =>
      cell !== null && typeof cell === 'object' ? rowText(cell) : cell === null ? '–' : String(cell),
    )
    .join(' | ')
}

/** Rows matched by id: removed, added, and changed ones (word-level inside). */
const rowsDiff = <T>(before: readonly T[], after: readonly T[], idOf: (row: T) => string): RowChange[] => {
  const old = new Map(before.map((row) => [idOf(row), row]))
  const now = new Map(after.map((row) => [idOf(row), row]))
  const changes: RowChange[] = []
  for (const [id, row] of old)
    if (!now.has(id)) changes.push({ id, type: 'removed', parts: [{ type: 'removed', text: rowText(row) }] })
  for (const [id, row] of now) {
    const previous = old.get(id)
    if (previous === undefined) {
      changes.push({ id, type: 'added', parts: [{ type: 'added', text: rowText(row) }] })
      continue
    }
    const parts = words(rowText(previous), rowText(row))
    if (changed(parts)) changes.push({ id, type: 'changed', parts })
  }
  return changes
}

const fieldDiff = (field: Field, before: FieldValue, after: FieldValue): FieldDiff | null => {
  switch (field.kind) {
    case 'richtext':
    case 'text': {
      const text = (value: FieldValue) =>
        field.kind === 'richtext' ? plainText(value as Block[]) : String(value ?? '')
      const parts = words(text(before), text(after))
      return changed(parts) ? { fieldId: field.id, kind: field.kind, text: parts } : null
    }
    case 'date':
    case 'choice': {
      // One value, not words: a date or a choice is replaced as a whole.
      if (before === after) return null
      const parts: TextPart[] = []
      if (before !== null) parts.push({ type: 'removed', text: String(before) })
      if (after !== null) parts.push({ type: 'added', text: String(after) })
      return { fieldId: field.id, kind: field.kind, text: parts }
    }
    case 'list': {
      const rows = rowsDiff(before as ListItem[], after as ListItem[], (item) => item.id)
      return rows.length > 0 ? { fieldId: field.id, kind: field.kind, rows } : null
    }
    case 'table': {
      const rows = rowsDiff(before as TableRow[], after as TableRow[], (row) => row.id)
      return rows.length > 0 ? { fieldId: field.id, kind: field.kind, rows } : null
    }
    case 'checklist': {
      const entries = (value: FieldValue) =>
        Object.entries(value as Record<string, ChecklistEntry>).map(([id, entry]) => ({ id, ...entry }))
      const rows = rowsDiff(entries(before), entries(after), (entry) => entry.id)
      return rows.length > 0 ? { fieldId: field.id, kind: field.kind, rows } : null
    }
    case 'budget': {
      const b = before as BudgetValue
      const a = after as BudgetValue
      const rows = rowsDiff(b.rows, a.rows, (row) => row.id)
      if (b.hourlyValue !== a.hourlyValue) {
        rows.unshift({
          id: 'hourlyValue',
          type: 'changed',
          parts: words(String(b.hourlyValue ?? '–'), String(a.hourlyValue ?? '–')),
        })
      }
      return rows.length > 0 ? { fieldId: field.id, kind: field.kind, rows } : null
    }
    default:
      return unexpectedCase(field)
  }
}

/**
 * What changed between two values of a document, field by field, in the template's order: word-level for
 * text, row-level for lists, tables, checklists and budgets. Unchanged fields are left out, so a value
 * compared with itself gives an empty list.
 */
export const diffValues = (template: Template, before: DocumentValue, after: DocumentValue): FieldDiff[] =>
  fieldsOf(template).flatMap((field) => {
    const diff = fieldDiff(field, before.fields[field.id] ?? null, after.fields[field.id] ?? null)
    return diff === null ? [] : [diff]
  })
