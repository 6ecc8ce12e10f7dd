import type { DocumentValue, FieldValue } from '../../shared/document/field-value'
import type { Block } from '../../shared/document/rich-text'
import { type Field, fieldsOf, type Template } from '../../shared/templates/template'

/** Content for a field that says which field it belongs to and carries Swedish letters. */
const filledField = (field: Field, parties: readonly string[]): FieldValue => {
  const tag = `${field.id} åäö ÅÄÖ`
  switch (field.kind) {
    case 'richtext':
      return [
        { type: 'paragraph', content: [{ text: `Svar om ${tag}, ` }, { text: 'viktigt', bold: true }] },
        {
          type: 'bullet_list',
          items: [[{ type: 'paragraph', content: [{ text: `Punkt om ${field.id}` }] }]],
        },
      ]
    case 'text':
      return `Text om ${tag}`
    case 'list':
      return [
        { id: 'a', text: `Första ${tag}` },
        { id: 'b', text: `Andra ${field.id}` },
      ]
    case 'table':
      return [
        {
          id: 'r1',
          cells: Object.fromEntries(
            field.columns.map((column) => [
              column.id,
              column.type === 'number' || column.type === 'money'
                ? 42
                : column.type === 'yesno'
                  ? 'yes'
                  : column.type === 'date'
                    ? '2027-03-01'
                    : `Cell ${column.id} ${field.id} ö`,
            ]),
          ),
        },
      ]
    case 'checklist':
      return Object.fromEntries(
        field.statements.map((statement, index) => [
          statement.id,
          {
            answer: index % 2 === 0 ? ('yes' as const) : ('unsure' as const),
            comment: `Kommentar ${statement.id} å`,
          },
        ]),
      )
    case 'budget':
      return {
        hourlyValue: 300,
        rows: [
          {
            id: 'r1',
            party: parties[0] ?? null,
            kind: 'money',
            description: `Bidrag ${field.id} ä`,
            quantity: 1,
            unitValue: 100_000,
          },
          {
            id: 'r2',
            party: parties[1] ?? null,
            kind: 'volunteer-hours',
            description: `Ideell tid ${field.id} ö`,
            quantity: 200,
            unitValue: null,
          },
        ],
      }
    case 'date':
      return '2027-01-01'
    case 'choice':
      return field.options[0]!.id
  }
}

/** Every field of `template` filled with recognisable content. */
export const filledDocument = (template: Template, parties: readonly string[]): DocumentValue => ({
  template: template.id,
  templateVersion: template.version,
  fields: Object.fromEntries(fieldsOf(template).map((field) => [field.id, filledField(field, parties)])),
})

/** Each run of text (formatting splits a paragraph into runs, which exports mark up separately). */
const runsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) =>
    block.type === 'paragraph' || block.type === 'heading'
      ? block.content.map((run) => run.text)
      : block.items.flatMap((item) => runsOf(item)),
  )

/** The texts an export of `value` must show: every label, and every piece of text entered. */
export const expectedTexts = (template: Template, value: DocumentValue): string[] => {
  const texts: string[] = []
  for (const section of template.sections) {
    texts.push(section.title.sv)
    for (const field of section.fields) {
      texts.push(field.label.sv)
      const v = value.fields[field.id]
      switch (field.kind) {
        case 'richtext':
          texts.push(...runsOf(v as Block[]))
          break
        case 'text':
          texts.push(v as string)
          break
        case 'list':
          texts.push(...(v as { text: string }[]).map((item) => item.text))
          break
        case 'table':
          for (const row of v as { cells: Record<string, unknown> }[]) {
            for (const column of field.columns)
              if (column.type === 'text') texts.push(String(row.cells[column.id]))
          }
          texts.push(...field.columns.map((column) => column.label.sv))
          break
        case 'checklist':
          for (const statement of field.statements) {
            texts.push(statement.text.sv, (v as Record<string, { comment: string }>)[statement.id]!.comment)
          }
          break
        case 'budget':
          texts.push(...(v as { rows: { description: string }[] }).rows.map((row) => row.description))
          break
        case 'date':
          texts.push(v as string)
          break
        case 'choice':
          texts.push(field.options.find((option) => option.id === v)!.label.sv)
          break
      }
    }
  }
  return texts.filter((text) => text.trim() !== '')
}
