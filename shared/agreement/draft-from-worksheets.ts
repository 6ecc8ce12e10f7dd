import type { CafeRecord } from '../cafe/cafe-record'
import type { BudgetValue } from '../document/budget'
import { fieldPlainText } from '../document/field-text'
import type { DocumentValue, FieldValue } from '../document/field-value'
import { type RichText, richTextFromPlain } from '../document/rich-text'
import type { TemplateId } from '../schema/template-id'
import { fieldsOf, type Template } from '../templates/template'

/** One source of an agreement section: a field of a worksheet. */
export interface DraftSource {
  readonly template: TemplateId
  readonly field: string
}

/**
 * Which worksheet answers start which agreement section: the mapping is data, so a partnership's own
 * variant can be written without code. Budgets are copied as budgets; everything else becomes text.
 */
export const draftMapping: Readonly<Record<string, readonly DraftSource[]>> = {
  background: [{ template: 'dwa-1', field: 'challenge' }],
  purpose: [{ template: 'dwa-1', field: 'why-together' }],
  goals: [
    { template: 'dwa-1', field: 'direction' },
    { template: 'dwa-1', field: 'concrete-results' },
    { template: 'dwa-1', field: 'intangible-results' },
  ],
  'target-group': [
    { template: 'dwa-2', field: 'target-groups' },
    { template: 'dwa-2', field: 'target-involvement' },
  ],
  commitments: [
    { template: 'dwa-1', field: 'activities' },
    { template: 'dwa-2', field: 'who-does-what' },
  ],
  organisation: [
    { template: 'dwa-2', field: 'core-team' },
    { template: 'dwa-2', field: 'anchoring' },
  ],
  'learning-plan': [{ template: 'dwa-2', field: 'partnership-challenge' }],
  term: [{ template: 'dwa-1', field: 'timeline' }],
  budget: [{ template: 'dwa-2', field: 'co-financing' }],
}

/** A worksheet the draft is made from. */
export interface DraftInput {
  readonly template: Template
  readonly value: DocumentValue
}

/** The marker that starts every prefilled section: a starting point to rework together, not a text to sign. */
export const draftMarker = (sources: string): string =>
  `[Utgångspunkt från ${sources} – bearbeta tillsammans innan ni tar ställning.]`

/**
 * The agreement's field values prefilled from the worksheets: each mapped section gets a marker line naming
 * where it comes from, then each source's text under its prompt. Sections without any filled source are left
 * out (they keep the template's own start). Pure: the caller writes the result into a new document.
 *
 * @example
 * draftAgreement(templates.agreement, [{ template: templates['dwa-1'], value }])
 * // { background: [[Utgångspunkt från Arbetsblad 1 …], 'Ensamheten bland äldre…'], … }
 */
export const draftAgreement = (
  agreement: Template,
  worksheets: readonly DraftInput[],
  mapping: Readonly<Record<string, readonly DraftSource[]>> = draftMapping,
  harvest: readonly CafeRecord['ideas'][number][] = [],
): Record<string, FieldValue> => {
  const result: Record<string, FieldValue> = {}
  const targets = new Map(fieldsOf(agreement).map((field) => [field.id, field]))
  for (const [targetId, sources] of Object.entries(mapping)) {
    const target = targets.get(targetId)
    if (target === undefined) continue
    const found = sources.flatMap((source) => {
      const sheet = worksheets.find((candidate) => candidate.template.id === source.template)
      const field =
        sheet === undefined ? undefined : fieldsOf(sheet.template).find((f) => f.id === source.field)
      if (sheet === undefined || field === undefined) return []
      return [{ sheet, field, value: sheet.value.fields[field.id] }]
    })
    if (target.kind === 'budget') {
      const budget = found.find(({ field }) => field.kind === 'budget')?.value as BudgetValue | undefined
      if (budget !== undefined && budget.rows.length > 0) result[targetId] = budget
      continue
    }
    const parts = found
      .map(({ sheet, field, value }) => ({ sheet, field, text: fieldPlainText(field, value).trim() }))
      .filter(({ text }) => text !== '')
    if (parts.length === 0 || target.kind !== 'richtext') continue
    const names = [...new Set(parts.map(({ sheet }) => sheet.template.title.sv))].join(' och ')
    const blocks: RichText = [
      { type: 'paragraph', content: [{ text: draftMarker(names), italic: true }] },
      ...parts.flatMap(({ field, text }) => [
        { type: 'paragraph' as const, content: [{ text: field.label.sv, bold: true as const }] },
        ...richTextFromPlain(text),
      ]),
    ]
    result[targetId] = blocks
  }
  const candidates = candidateCommitments(harvest)
  if (candidates.length > 0 && targets.get(HARVEST_TARGET)?.kind === 'richtext') {
    const before = (result[HARVEST_TARGET] as RichText | undefined) ?? []
    result[HARVEST_TARGET] = [...before, ...candidates]
  }
  return result
}

/** Who a party is in the workspace: enough to fill the agreement's Parter table. */
export interface DraftParty {
  readonly id: string
  readonly name: string
  readonly orgNumber: string | null
}
export interface DraftMember {
  readonly name: string
  readonly partyId: string
  readonly role: 'facilitator' | 'participant' | 'viewer'
}

/**
 * The agreement's Parter table from what the workspace knows: each party's name and organisation number, and
 * as its representative whoever leads the work for it here (its processledare; else its first participant).
 * The partners correct the representative to the signatory where that is someone else.
 */
export const partiesRows = (
  parties: readonly DraftParty[],
  members: readonly DraftMember[],
): { id: string; cells: Record<string, string> }[] =>
  parties.map((party) => {
    const own = members.filter((member) => member.partyId === party.id && member.role !== 'viewer')
    const leads = own.filter((member) => member.role === 'facilitator')
    const representative = (leads.length > 0 ? leads : own.slice(0, 1))
      .map((member) => member.name)
      .join(', ')
    return {
      id: `party-${party.id}`,
      cells: { name: party.name, 'org-number': party.orgNumber ?? '', representative },
    }
  })

/** The section the café's ideas with sign-ups start: who wants to go on with what. */
export const HARVEST_TARGET = 'commitments'

/**
 * The café harvest's ideas that someone signed up for, as candidate commitments: most votes first, each with
 * the people and organisations that want to go on with it. Empty when nobody signed up for anything.
 */
export const candidateCommitments = (ideas: readonly CafeRecord['ideas'][number][]): RichText => {
  const chosen = ideas
    .filter((idea) => idea.signUps.length > 0)
    .sort((a, b) => b.votes - a.votes || b.signUps.length - a.signUps.length)
  if (chosen.length === 0) return []
  return [
    { type: 'paragraph', content: [{ text: draftMarker('cafésamtalets skörd'), italic: true }] },
    { type: 'paragraph', content: [{ text: 'Kandidater till åtaganden', bold: true }] },
    {
      type: 'bullet_list',
      items: chosen.map((idea) => [
        {
          type: 'paragraph' as const,
          content: [
            { text: idea.text, bold: true as const },
            {
              text: ` – vill gå vidare: ${idea.signUps.map((s) => `${s.name} (${s.organisation})`).join(', ')}`,
            },
          ],
        },
      ]),
    },
  ]
}
