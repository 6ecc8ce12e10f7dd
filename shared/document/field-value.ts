import * as z from 'zod/mini'
import { CafeRecord } from '../cafe/cafe-record'
import { lazySchema } from '../schema/lazy-schema'
import type { TemplateId } from '../schema/template-id'
import { type Field, fieldsOf, type Template } from '../templates/template'
import { BudgetValue } from './budget'
import { RichText } from './rich-text'

export const ListItem = lazySchema(() => z.object({ id: z.string().check(z.minLength(1)), text: z.string() }))
export type ListItem = z.infer<typeof ListItem>
export const TableRow = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  }),
)
export type TableRow = z.infer<typeof TableRow>
export const ChecklistAnswer = z.enum(['yes', 'no', 'unsure'])
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>
export const ChecklistEntry = lazySchema(() =>
  z.object({ answer: z.nullable(ChecklistAnswer), comment: z.string() }),
)
export type ChecklistEntry = z.infer<typeof ChecklistEntry>
export const IsoDate = z.iso.date()

/** The value each field kind holds. */
export interface FieldValues {
  richtext: RichText
  text: string
  list: ListItem[]
  table: TableRow[]
  checklist: Record<string, ChecklistEntry>
  budget: BudgetValue
  date: string | null
  choice: string | null
}
export type FieldValue = FieldValues[keyof FieldValues]

/** The zod schema of one field's value, exact to the template (columns, statements, options). */
export const fieldValueSchema = (field: Field): z.ZodMiniType<FieldValue> => {
  switch (field.kind) {
    case 'richtext':
      return RichText
    case 'text':
      return z.string().check(z.maxLength(10_000))
    case 'list':
      return z.array(ListItem)
    case 'table': {
      const cell = (type: string) =>
        type === 'number' || type === 'money'
          ? z.nullable(z.number())
          : type === 'yesno'
            ? z.nullable(z.enum(['yes', 'no']))
            : z.string().check(z.maxLength(10_000))
      const cells = z.object(
        Object.fromEntries(field.columns.map((column) => [column.id, cell(column.type)])),
      )
      return z.array(z.object({ id: z.string().check(z.minLength(1)), cells })) as z.ZodMiniType<TableRow[]>
    }
    case 'checklist':
      return z.object(Object.fromEntries(field.statements.map((statement) => [statement.id, ChecklistEntry])))
    case 'budget':
      return BudgetValue
    case 'date':
      return z.nullable(IsoDate)
    case 'choice':
      return z.nullable(z.enum(field.options.map((option) => option.id) as [string, ...string[]]))
  }
}

/** A document's whole content as a plain value: what exports, diffs, versions and imports work with. */
export interface DocumentValue {
  readonly template: TemplateId
  readonly templateVersion: number
  readonly fields: Record<string, FieldValue>
  /** A café's rounds, notes, walls and harvest (café documents only; not part of the template's fields). */
  readonly cafe?: CafeRecord
}

/** The zod schema a document of `template` must satisfy: every field present, each value of its kind. */
export const documentValueSchema = (template: Template): z.ZodMiniType<DocumentValue> =>
  z.object({
    template: z.literal(template.id),
    templateVersion: z.literal(template.version),
    fields: z.object(
      Object.fromEntries(fieldsOf(template).map((field) => [field.id, fieldValueSchema(field)])),
    ),
    cafe: z.optional(CafeRecord),
  }) as unknown as z.ZodMiniType<DocumentValue>

/** An empty value of each kind (a new document). */
export const emptyFieldValue = (field: Field): FieldValue => {
  switch (field.kind) {
    case 'richtext':
      return []
    case 'text':
      return ''
    case 'list':
    case 'table':
      return []
    case 'checklist':
      return Object.fromEntries(
        field.statements.map((statement) => [statement.id, { answer: null, comment: '' }]),
      )
    case 'budget':
      return { hourlyValue: field.defaultHourlyValue, rows: [] }
    case 'date':
    case 'choice':
      return null
  }
}

export const emptyDocumentValue = (template: Template): DocumentValue => ({
  template: template.id,
  templateVersion: template.version,
  fields: Object.fromEntries(fieldsOf(template).map((field) => [field.id, emptyFieldValue(field)])),
})

/** What a field of a new document holds: the template's prefilled rows or text, else empty. */
export const initialFieldValue = (field: Field): FieldValue => {
  if (field.kind === 'text' && field.initial !== undefined) return field.initial
  if (field.kind === 'list' && field.initial !== undefined) {
    return field.initial.map((text, index) => ({ id: `i${index + 1}`, text }))
  }
  if (field.kind === 'table' && field.initial !== undefined) {
    return field.initial.map((cells, index) => ({
      id: `r${index + 1}`,
      cells: Object.fromEntries(
        field.columns.map((column) => [
          column.id,
          cells[column.id] ?? (column.type === 'text' || column.type === 'date' ? '' : null),
        ]),
      ),
    }))
  }
  return emptyFieldValue(field)
}

/** A new document of `template`, with its prefilled parts. */
export const initialDocumentValue = (template: Template): DocumentValue => ({
  template: template.id,
  templateVersion: template.version,
  fields: Object.fromEntries(fieldsOf(template).map((field) => [field.id, initialFieldValue(field)])),
})
