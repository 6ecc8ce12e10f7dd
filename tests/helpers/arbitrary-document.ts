import fc from 'fast-check'
import { ContributionKind } from '../../shared/document/budget'
import type { DocumentValue, FieldValue } from '../../shared/document/field-value'
import type { Block, Inline } from '../../shared/document/rich-text'
import { type Field, fieldsOf, type Template } from '../../shared/templates/template'

/** Text as people type it: Swedish words, punctuation, emoji, and arbitrary Unicode. */
const text = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      'Samfinansiering',
      'Åsa & Örjan',
      'kärnteam – förankring',
      '"citat" <b>',
      '🌱 växa',
      'rad\nbrytning',
    ),
    fc.string({ unit: 'binary', maxLength }),
  )

const inline: fc.Arbitrary<Inline> = fc
  .record({
    text: text(20).filter((value) => value !== ''),
    bold: fc.boolean(),
    italic: fc.boolean(),
    link: fc.option(fc.constantFrom('https://example.se/iop', 'mailto:kontakt@forening.se'), {
      nil: undefined,
    }),
  })
  .map(({ text, bold, italic, link }) => ({
    text,
    ...(bold ? { bold: true as const } : {}),
    ...(italic ? { italic: true as const } : {}),
    ...(link === undefined ? {} : { link }),
  }))

const { block } = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph' as const), content: fc.array(inline, { maxLength: 4 }) }),
    fc.record({
      type: fc.constant('heading' as const),
      level: fc.constantFrom(1 as const, 2 as const, 3 as const),
      content: fc.array(inline, { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constantFrom('bullet_list' as const, 'ordered_list' as const),
      items: fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    }),
  ),
}))

const ids = (maxLength: number) => fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxLength })
const amount = fc.option(
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
  { nil: null },
)
const isoDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

const fieldValue = (field: Field, parties: readonly string[]): fc.Arbitrary<FieldValue> => {
  switch (field.kind) {
    case 'richtext':
      return fc.array(block, { maxLength: 4 })
    case 'text':
      return text()
    case 'list':
      return ids(5).chain((keys) =>
        fc.tuple(...keys.map((id) => text().map((value) => ({ id, text: value })))).map((items) => items),
      )
    case 'table':
      return ids(4).chain((keys) =>
        fc.tuple(
          ...keys.map((id) =>
            fc
              .tuple(
                ...field.columns.map((column) =>
                  column.type === 'number' || column.type === 'money'
                    ? amount
                    : column.type === 'yesno'
                      ? fc.constantFrom('yes', 'no', null)
                      : column.type === 'date'
                        ? fc.oneof(fc.constant(''), isoDate)
                        : text(),
                ),
              )
              .map((cells) => ({
                id,
                cells: Object.fromEntries(field.columns.map((column, i) => [column.id, cells[i]!])),
              })),
          ),
        ),
      )
    case 'checklist':
      return fc
        .tuple(
          ...field.statements.map(() =>
            fc.record({
              answer: fc.constantFrom('yes' as const, 'no' as const, 'unsure' as const, null),
              comment: text(),
            }),
          ),
        )
        .map((entries) =>
          Object.fromEntries(field.statements.map((statement, i) => [statement.id, entries[i]!])),
        )
    case 'budget':
      return fc.record({
        hourlyValue: amount,
        rows: ids(4).chain((keys) =>
          fc.tuple(
            ...keys.map((id) =>
              fc.record({
                id: fc.constant(id),
                party: fc.constantFrom(null, ...parties),
                kind: fc.constantFrom(...ContributionKind.options),
                description: text(),
                quantity: amount,
                unitValue: amount,
              }),
            ),
          ),
        ),
      })
    case 'date':
      return fc.option(isoDate, { nil: null })
    case 'choice':
      return fc.option(fc.constantFrom(...field.options.map((option) => option.id)), { nil: null })
  }
}

/** Random, valid content for every field of a template. */
export const arbitraryDocument = (
  template: Template,
  parties: readonly string[] = ['a'.repeat(32), 'b'.repeat(32)],
): fc.Arbitrary<DocumentValue> =>
  fc.tuple(...fieldsOf(template).map((field) => fieldValue(field, parties))).map((values) => ({
    template: template.id,
    templateVersion: template.version,
    fields: Object.fromEntries(fieldsOf(template).map((field, i) => [field.id, values[i]!])),
  }))
