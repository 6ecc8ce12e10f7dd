import type { CafeRecord } from '../cafe/cafe-record'
import type { ExportMessages } from './export-messages'
import type { OutlineBlock, OutlineField, OutlineSection } from './outline-model'

const hasText = (blocks: CafeRecord['rounds'][number]['tables'][number]['note']): boolean =>
  blocks.some((block) => block.type !== 'paragraph' || block.content.length > 0)

const who = (person: { name: string; party: string }): string =>
  person.party === '' ? person.name : `${person.name} (${person.party})`

/** A café's rounds with each table's note, the check-in and check-out walls, and the harvest. */
export const cafeSections = (record: CafeRecord, m: ExportMessages): OutlineSection[] => {
  const none: OutlineBlock = { kind: 'empty', text: m.cafeNone }
  const wall = (answers: CafeRecord['checkIn']): OutlineBlock =>
    answers.length === 0
      ? none
      : { kind: 'list', items: answers.map((answer) => `${who(answer)}: ${answer.text}`) }
  const rounds: OutlineSection[] = record.rounds.map((round) => ({
    title: `${m.cafeRound} ${round.number}: ${round.question}`,
    fields: round.tables.map(
      (table): OutlineField => ({
        label: `${m.cafeTable} ${table.number}${table.host === null ? '' : ` – ${m.cafeHost} ${who(table.host)}`}`,
        blocks: [
          {
            kind: 'text',
            text: `${m.cafeGuests}: ${[table.host, ...table.guests]
              .flatMap((person) => (person === null ? [] : [person.name]))
              .join(', ')}`,
          },
          hasText(table.note) ? { kind: 'rich', blocks: table.note } : { kind: 'empty', text: m.empty },
        ],
      }),
    ),
  }))
  const from = (idea: CafeRecord['ideas'][number]) =>
    idea.round === null ? m.cafeFromHarvest : `${m.cafeRound} ${idea.round}, ${m.cafeTable} ${idea.table}`
  const harvest: OutlineSection = {
    title: m.cafeHarvest,
    fields: [
      {
        label: m.cafeHarvest,
        blocks: [
          record.ideas.length === 0
            ? none
            : {
                kind: 'table',
                headers: [m.cafeIdea, m.cafeGroup, m.cafeFrom, m.cafeAuthor, m.cafeVotes, m.cafeSignUps],
                rows: record.ideas.map((idea) => [
                  idea.text,
                  idea.group ?? '',
                  from(idea),
                  who(idea.author),
                  String(idea.votes),
                  idea.signUps.map((s) => `${s.name} (${s.organisation})`).join('; '),
                ]),
                numeric: [4],
              },
        ],
      },
      {
        label: m.cafeOrganisations,
        blocks: [record.organisations.length === 0 ? none : { kind: 'list', items: record.organisations }],
      },
    ],
  }
  return [
    { title: m.cafeCheckIn, fields: [{ label: m.cafeCheckIn, blocks: [wall(record.checkIn)] }] },
    ...rounds,
    { title: m.cafeCheckOut, fields: [{ label: m.cafeCheckOut, blocks: [wall(record.checkOut)] }] },
    harvest,
  ]
}
