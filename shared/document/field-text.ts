import { unexpectedCase } from '../errors'
import type { Field } from '../templates/template'
import type { FieldValue, FieldValues } from './field-value'
import { plainText } from './rich-text'

/**
 * The words a field holds, as plain text (lines joined by newlines): rich text without formatting, list items,
 * table cells, checklist comments, budget descriptions. Dates and choices hold no prose and give ''.
 */
export const fieldPlainText = (field: Field, value: FieldValue | undefined): string => {
  if (value === undefined || value === null) return ''
  switch (field.kind) {
    case 'richtext':
      return plainText(value as FieldValues['richtext'])
    case 'text':
      return value as string
    case 'list':
      return (value as FieldValues['list']).map((item) => item.text).join('\n')
    case 'table':
      return (value as FieldValues['table'])
        .map((row) =>
          Object.values(row.cells)
            .filter((cell) => cell !== null && cell !== '')
            .join(' · '),
        )
        .join('\n')
    case 'checklist':
      return Object.values(value as FieldValues['checklist'])
        .map((entry) => entry.comment)
        .filter((comment) => comment !== '')
        .join('\n')
    case 'budget':
      return (value as FieldValues['budget']).rows.map((row) => row.description).join('\n')
    case 'date':
    case 'choice':
      return ''
    default:
      return unexpectedCase(field)
  }
}
