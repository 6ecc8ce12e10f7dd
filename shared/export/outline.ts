import { findVocabulary } from '../agreement/vocabulary'
import { withChallengeFilled } from '../cafe/cafe-record'
import { budgetTotals, rowAmount } from '../document/budget'
import { fieldPlainText } from '../document/field-text'
import type { DocumentValue, FieldValues } from '../document/field-value'
import { unexpectedCase } from '../errors'
import type { VerifiedIdentity } from '../schema/verified-identity'
import { type Field, type FieldOf, fieldsOf } from '../templates/template'
import { cafeSections } from './cafe-outline'
import type { ExportContext } from './export-context'
import { type ExportMessages, exportMessages } from './export-messages'
import type { Outline, OutlineBlock, OutlineSection } from './outline-model'

export type { Outline, OutlineBlock, OutlineField, OutlineSection } from './outline-model'

const numberFormat = (locale: 'sv' | 'en') =>
  new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 })
const percentFormat = (locale: 'sv' | 'en') =>
  new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 })

/** A timestamp in Swedish local time, as a registrar writes it: 2027-03-01 14:05. */
export const formatTimestamp = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso))

interface Formatting {
  readonly m: ExportMessages
  readonly locale: 'sv' | 'en'
  readonly number: (value: number | null) => string
  readonly partyName: (id: string | null) => string
}

/** ` (verifierad inloggning: Karin Ek, https://idp…, subject)` after an approval made signed in; else nothing. */
const verified = (identity: VerifiedIdentity | undefined, m: { readonly verified: string }): string =>
  identity === undefined ? '' : ` (${m.verified}: ${identity.name}, ${identity.issuer}, ${identity.subject})`

const budgetBlocks = (
  field: FieldOf<'budget'>,
  value: FieldValues['budget'],
  context: ExportContext,
  f: Formatting,
): OutlineBlock[] => {
  if (value.rows.length === 0) return [{ kind: 'empty', text: f.m.empty }]
  const totals = budgetTotals(
    value,
    context.parties.map((party) => party.id),
  )
  const rows = value.rows.map((row) => [
    f.partyName(row.party),
    f.m.kinds[row.kind],
    row.description,
    f.number(row.quantity),
    f.number(row.unitValue ?? (row.kind === 'volunteer-hours' ? value.hourlyValue : null)),
    f.number(rowAmount(row, value.hourlyValue)),
  ])
  const percent = percentFormat(f.locale)
  const summary = totals.parties
    .filter((line) => line.party !== null || line.total > 0)
    .map((line) => [
      f.partyName(line.party),
      f.number(line.money),
      f.number(line.inKind),
      f.number(line.total),
      line.share === null ? '–' : percent.format(line.share),
    ])
  summary.push([
    f.m.everyone,
    f.number(totals.money),
    f.number(totals.inKind),
    f.number(totals.total),
    totals.total === 0 ? '–' : percent.format(1),
  ])
  const blocks: OutlineBlock[] = [
    { kind: 'text', text: `${f.m.hourlyValue}: ${f.number(value.hourlyValue)} kr` },
    {
      kind: 'table',
      headers: [f.m.party, f.m.kind, f.m.description, f.m.quantity, f.m.unitValue, f.m.amount],
      rows,
      numeric: [3, 4, 5],
    },
    {
      kind: 'table',
      headers: [f.m.party, f.m.money, f.m.inKind, f.m.total, f.m.share],
      rows: summary,
      numeric: [1, 2, 3, 4],
    },
  ]
  if (totals.incompleteRows.length > 0) {
    blocks.push({ kind: 'text', text: `${totals.incompleteRows.length} ${f.m.incomplete}` })
  }
  void field
  return blocks
}

const fieldBlocks = (
  field: Field,
  value: DocumentValue['fields'][string],
  context: ExportContext,
  f: Formatting,
): OutlineBlock[] => {
  const empty: OutlineBlock = { kind: 'empty', text: f.m.empty }
  const lang = f.locale
  switch (field.kind) {
    case 'richtext': {
      const blocks = value as FieldValues['richtext']
      const hasText = blocks.some((block) => block.type !== 'paragraph' || block.content.length > 0)
      return hasText ? [{ kind: 'rich', blocks }] : [empty]
    }
    case 'text': {
      const text = (value as string).trim()
      return text === '' ? [empty] : [{ kind: 'text', text }]
    }
    case 'list': {
      const items = (value as FieldValues['list'])
        .map((item) => item.text)
        .filter((text) => text.trim() !== '')
      return items.length === 0 ? [empty] : [{ kind: 'list', items }]
    }
    case 'table': {
      const rows = value as FieldValues['table']
      if (rows.length === 0) return [empty]
      return [
        {
          kind: 'table',
          headers: field.columns.map((column) => column.label[lang]),
          rows: rows.map((row) =>
            field.columns.map((column) => {
              const cell = row.cells[column.id]
              if (cell === null || cell === undefined) return ''
              if (typeof cell === 'number') return f.number(cell)
              if (column.type === 'yesno') return cell === 'yes' ? f.m.yes : cell === 'no' ? f.m.no : ''
              return cell
            }),
          ),
          numeric: field.columns.flatMap((column, index) =>
            column.type === 'number' || column.type === 'money' ? [index] : [],
          ),
        },
      ]
    }
    case 'checklist': {
      const entries = value as FieldValues['checklist']
      const answer = (a: string | null) =>
        a === 'yes' ? f.m.yes : a === 'no' ? f.m.no : a === 'unsure' ? f.m.unsure : '–'
      return [
        {
          kind: 'table',
          headers: [f.m.statement, f.m.answer, f.m.comment],
          rows: field.statements.map((statement) => [
            statement.text[lang],
            answer(entries[statement.id]?.answer ?? null),
            entries[statement.id]?.comment ?? '',
          ]),
        },
      ]
    }
    case 'budget':
      return budgetBlocks(field, value as FieldValues['budget'], context, f)
    case 'date':
      return value === null ? [empty] : [{ kind: 'text', text: value as string }]
    case 'choice': {
      const option = field.options.find((candidate) => candidate.id === value)
      return option === undefined ? [empty] : [{ kind: 'text', text: option.label[lang] }]
    }
    default:
      return unexpectedCase(field)
  }
}

/** The language guide's findings as a last section: every hit, its field and the suggested word. */
const vocabularyAppendix = (value: DocumentValue, context: ExportContext): OutlineSection => {
  const m = exportMessages[context.locale]
  const rows = fieldsOf(context.template).flatMap((field) =>
    findVocabulary(
      fieldPlainText(field, value.fields[field.id]),
      context.vocabulary,
      context.lexicon ?? null,
    ).map((hit) => [
      field.label[context.locale],
      hit.found,
      `${hit.replacement ?? `${m.vocabularyReword} ${hit.suggestion}`}${hit.kind === 'sanction' ? ` (${m.vocabularySanction})` : ''}`,
    ]),
  )
  return {
    title: m.vocabularyAppendix,
    fields: [
      {
        label: m.vocabularyAppendixIntro,
        blocks: [
          rows.length === 0
            ? { kind: 'empty', text: m.vocabularyNone }
            : {
                kind: 'table',
                headers: [m.vocabularyField, m.vocabularyFound, m.vocabularySuggestion],
                rows,
              },
        ],
      },
    ],
  }
}

/**
 * An agreement ends with a signature block per party (Järva: signed by both parties): place and date,
 * signature, the name in print (namnförtydligande) and title — the name from the agreement's Parter table
 * where it gives one. Null for documents that are not signed.
 */
const signatureSection = (value: DocumentValue, context: ExportContext): OutlineSection | null => {
  if (context.template.id !== 'agreement') return null
  const m = exportMessages[context.locale]
  const rows = Array.isArray(value.fields.parties)
    ? (value.fields.parties as { cells?: Record<string, unknown> }[])
    : []
  const named = rows
    .map((row) => ({
      party: String(row.cells?.name ?? '').trim(),
      name: String(row.cells?.representative ?? '').trim(),
    }))
    .filter((row) => row.party !== '')
  const signers = named.length > 0 ? named : context.parties.map((party) => ({ party: party.name, name: '' }))
  const line = '_'.repeat(36)
  return {
    title: m.signatures,
    fields: signers.map((signer) => ({
      label: signer.party,
      blocks: [
        { kind: 'text', text: `${m.placeAndDate}: ${line}` },
        { kind: 'text', text: `${m.signature}: ${line}` },
        { kind: 'text', text: `${m.nameInPrint}: ${signer.name === '' ? line : signer.name}` },
        { kind: 'text', text: `${m.signatoryTitle}: ${line}` },
      ],
    })),
  }
}

/** Everything an export shows, in the template's order, with the header that identifies it. */
export const toOutline = (stored: DocumentValue, context: ExportContext): Outline => {
  // The room never reads "xx": a café's questions are exported with the challenge put in.
  const value = context.template.id === 'cafe' ? withChallengeFilled(stored, context.challenge ?? '') : stored
  const m = exportMessages[context.locale]
  const numbers = numberFormat(context.locale)
  const f: Formatting = {
    m,
    locale: context.locale,
    number: (n) => (n === null ? '' : numbers.format(n)),
    partyName: (id) => context.parties.find((party) => party.id === id)?.name ?? m.unassigned,
  }
  const header: Array<readonly [string, string]> = [
    [m.partnership, context.workspaceName],
    [
      m.parties,
      context.parties
        .map((party) => `${party.name} (${party.kind === 'public' ? m.publicParty : m.nonprofitParty})`)
        .join('; '),
    ],
    [
      m.reference,
      context.parties
        .map((party) => {
          const reference = context.references?.find((entry) => entry.partyId === party.id)?.reference
          return `${party.name}: ${reference ?? '—'}`
        })
        .join('; '),
    ],
    [m.document, context.documentTitle],
    [
      m.template,
      `${context.template.title[context.locale]} (${context.template.id}, v${context.template.version})`,
    ],
    ...(context.template.credit === undefined
      ? []
      : [[m.credit, context.template.credit[context.locale]] as const]),
    [m.exported, formatTimestamp(context.exportedAt)],
  ]
  if (context.version !== undefined) {
    const v = context.version
    header.push([m.version, `${v.number} – ${v.label} (${formatTimestamp(v.createdAt)})`])
    header.push([m.savedBy, v.createdBy])
    header.push([m.hash, v.sha256])
    header.push([
      m.approvals,
      v.approvals.length === 0
        ? m.noApprovals
        : v.approvals
            .map((a) => `${a.party}: ${a.name}, ${formatTimestamp(a.at)}${verified(a.identity, m)}`)
            .join('; '),
    ])
    if (v.decisions !== undefined && v.decisions.length > 0) {
      header.push([
        m.decisions,
        v.decisions.map((d) => `${d.party}: ${d.line}${verified(d.identity, m)}`).join('; '),
      ])
    }
  }
  const sections: OutlineSection[] = context.template.sections.map((section) => ({
    title: section.title[context.locale],
    fields: section.fields.map((field) => ({
      label: field.label[context.locale],
      blocks: fieldBlocks(field, value.fields[field.id] ?? null, context, f),
    })),
  }))
  if (value.cafe !== undefined) sections.push(...cafeSections(value.cafe, m))
  const signatures = signatureSection(value, context)
  if (signatures !== null) sections.push(signatures)
  const running = [
    context.workspaceName,
    context.documentTitle,
    ...(context.version === undefined
      ? []
      : [`${m.version} ${context.version.number}`, context.version.sha256.slice(0, 12)]),
  ].join(' · ')
  return {
    title: context.documentTitle,
    running,
    pageLabel: m.pageOf,
    parties: context.parties.map((party) => party.name).join('; '),
    header,
    lang: context.locale,
    sections:
      context.vocabularyAppendix === true ? [...sections, vocabularyAppendix(value, context)] : sections,
  }
}
