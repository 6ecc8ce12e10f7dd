import * as z from 'zod/mini'
import { lazySchema } from '../schema/lazy-schema'
import { TemplateId } from '../schema/template-id'

/** A text in both interface languages; Swedish is the source, English the translation. */
export const Localized = lazySchema(() =>
  z.object({ sv: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) }),
)
export type Localized = z.infer<typeof Localized>

/** Ids of sections, fields, columns and statements: stable keys in stored documents, never renamed. */
export const FieldId = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{0,47}$/, 'a field id is lowercase letters, digits and "-"'))

/** Where in the IOP process a document belongs (the workspace lists documents by these four steps). */
export const ProcessPhase = z.enum(['inleda', 'genomfora', 'folja-upp', 'avsluta'])
export type ProcessPhase = z.infer<typeof ProcessPhase>

const base = {
  id: FieldId,
  label: Localized,
  /** Our own words explaining the prompt (shown behind a "?"). */
  help: z.optional(Localized),
}

export const RichTextField = lazySchema(() => z.object({ ...base, kind: z.literal('richtext') }))
export const TextField = lazySchema(() =>
  z.object({ ...base, kind: z.literal('text'), initial: z.optional(z.string()) }),
)
export const ListField = lazySchema(() =>
  z.object({
    ...base,
    kind: z.literal('list'),
    itemLabel: z.optional(Localized),
    initial: z.optional(z.array(z.string())),
  }),
)
export const TableColumn = lazySchema(() =>
  z.object({
    id: FieldId,
    label: Localized,
    type: z.enum(['text', 'number', 'date', 'money', 'yesno']),
  }),
)
export type TableColumn = z.infer<typeof TableColumn>
export const TableField = lazySchema(() =>
  z.object({
    ...base,
    kind: z.literal('table'),
    columns: z.array(TableColumn).check(z.minLength(1)),
    /** Rows a new document starts with (cells by column id), e.g. the documents to request from a partner. */
    initial: z.optional(z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))),
  }),
)
export const ChecklistStatement = lazySchema(() => z.object({ id: FieldId, text: Localized }))
export const ChecklistField = lazySchema(() =>
  z.object({
    ...base,
    kind: z.literal('checklist'),
    statements: z.array(ChecklistStatement).check(z.minLength(1)),
  }),
)
export const BudgetField = lazySchema(() =>
  z.object({
    ...base,
    kind: z.literal('budget'),
    /** SEK per volunteer hour until the partners set their own value in the document. */
    defaultHourlyValue: z.number().check(z.nonnegative()),
  }),
)
export const DateField = lazySchema(() => z.object({ ...base, kind: z.literal('date') }))
export const ChoiceField = lazySchema(() =>
  z.object({
    ...base,
    kind: z.literal('choice'),
    options: z.array(z.object({ id: FieldId, label: Localized })).check(z.minLength(2)),
  }),
)

/** One prompt of a template and the kind of answer it takes. */
export const Field = lazySchema(() =>
  z.discriminatedUnion('kind', [
    RichTextField,
    TextField,
    ListField,
    TableField,
    ChecklistField,
    BudgetField,
    DateField,
    ChoiceField,
  ]),
)
export type Field = z.infer<typeof Field>
export type FieldKind = Field['kind']
export type FieldOf<K extends FieldKind> = Extract<Field, { kind: K }>

export const Section = lazySchema(() =>
  z.object({
    id: FieldId,
    title: Localized,
    help: z.optional(Localized),
    fields: z.array(Field).check(z.minLength(1)),
  }),
)
export type Section = z.infer<typeof Section>

/**
 * A document template: data, not code. `version` increases whenever the fields change; a stored document
 * records the version it was written with and is upgraded by the template's migrations when loaded.
 */
export const Template = lazySchema(() =>
  z
    .object({
      id: TemplateId,
      version: z.number().check(z.int(), z.positive()),
      title: Localized,
      /** One line on what the document is for (shown when choosing a template). */
      purpose: Localized,
      phase: ProcessPhase,
      /** The published source of the prompts, where they come from one. */
      source: z.optional(z.string()),
      /** The credit line every export of the document carries (the method the sheet comes from). */
      credit: z.optional(Localized),
      sections: z.array(Section).check(z.minLength(1)),
    })
    .check(
      z.superRefine((template, ctx) => {
        const seen = new Set<string>()
        for (const [s, section] of template.sections.entries()) {
          for (const [f, field] of section.fields.entries()) {
            if (seen.has(field.id)) {
              ctx.addIssue({
                code: 'custom',
                path: ['sections', s, 'fields', f, 'id'],
                message: `duplicate field id ${field.id}`,
              })
            }
            seen.add(field.id)
          }
        }
      }),
    ),
)
export type Template = z.infer<typeof Template>

/** Every field of a template, in order. */
export const fieldsOf = (template: Template): Field[] =>
  template.sections.flatMap((section) => section.fields)

/**
 * A template as written in this code base. Templates are data we ship, not input: the compiler checks each
 * against `Template`'s type, and the templates test parses every one with `Template` (the lengths, the
 * literals and the unique field ids the type cannot say). They are not parsed again at start-up, where
 * parsing thirteen templates cost a phone tens of milliseconds before the first field could be typed in.
 */
export const defineTemplate = (template: Template): Template => template
