import * as z from 'zod/mini'
import { RichText } from '../document/rich-text'
import { lazySchema } from '../schema/lazy-schema'
import type { CafeControl } from './cafe-control'
import type { CheckInAnswer } from './check-in-answers'
import type { Harvest } from './harvest'

const Person = lazySchema(() => z.object({ name: z.string(), party: z.string() }))

/**
 * What a café produced, as a plain value: each held round's question and, per table, who sat there and the
 * table's note; the check-in and check-out walls; the harvest with votes and sign-ups. A café document's value
 * carries it, so versions hash it and every export format shows it.
 */
export const CafeRecord = lazySchema(() =>
  z.object({
    rounds: z.array(
      z.object({
        number: z.number().check(z.int(), z.positive()),
        question: z.string(),
        minutes: z.nullable(z.number()),
        tables: z.array(
          z.object({
            number: z.number().check(z.int(), z.positive()),
            host: z.nullable(Person),
            guests: z.array(Person),
            note: RichText,
          }),
        ),
      }),
    ),
    checkIn: z.array(z.extend(Person.unwrap(), { text: z.string() })),
    checkOut: z.array(z.extend(Person.unwrap(), { text: z.string() })),
    ideas: z.array(
      z.object({
        text: z.string(),
        group: z.nullable(z.string()),
        /** 1-based, as people say it; null for ideas from the harvest itself. */
        round: z.nullable(z.number().check(z.int(), z.positive())),
        table: z.nullable(z.number().check(z.int(), z.positive())),
        author: Person,
        votes: z.number().check(z.int(), z.nonnegative()),
        signUps: z.array(z.object({ name: z.string(), organisation: z.string() })),
      }),
    ),
    organisations: z.array(z.string()),
  }),
)
export type CafeRecord = z.infer<typeof CafeRecord>

export interface RoundQuestion {
  readonly question: string
  readonly minutes: number | null
}

/** A café document's fields, as far as the record reads them (the document value imports this file). */
interface CafeFields {
  readonly fields: Readonly<Record<string, unknown>>
}

const RoundRow = lazySchema(() =>
  z.object({
    cells: z.object({ question: z.catch(z.string(), ''), minutes: z.catch(z.nullable(z.number()), null) }),
  }),
)

/** SKL's café questions say "xx" for the challenge; it must never reach a screen as it is. */
const PLACEHOLDER = /\bxx\b/gi

/** The challenge the questions are about: the café's own, else the partnership's societal challenge. */
const challengeOf = (value: CafeFields, workspaceChallenge: string): string => {
  const own = typeof value.fields.challenge === 'string' ? value.fields.challenge.trim() : ''
  return own === '' ? workspaceChallenge.trim() : own
}

/** A question with the challenge put in for "xx" (unchanged when there is no challenge to put in). */
export const fillChallenge = (question: string, challenge: string): string =>
  challenge === '' ? question : question.replace(PLACEHOLDER, challenge)

/** Whether a question still holds the placeholder (warned about before a round starts). */
export const holdsPlaceholder = (question: string): boolean =>
  new RegExp(PLACEHOLDER.source, 'i').test(question)

/**
 * The rounds as set up in the document, the challenge put in for "xx": the café's own challenge, or the
 * workspace's societal challenge while the café's is empty.
 */
export const roundQuestions = (value: CafeFields, workspaceChallenge = ''): RoundQuestion[] => {
  const challenge = challengeOf(value, workspaceChallenge)
  const rows = z.catch(z.array(RoundRow), []).parse(value.fields.rounds)
  return rows.map((row) => {
    const { question, minutes } = row.cells
    return { question: fillChallenge(question, challenge), minutes }
  })
}

/**
 * A café's value as the room reads it: the rounds' questions and the check-in and check-out questions with
 * the challenge put in for "xx" (for exports; the document itself keeps what the facilitator wrote).
 */
export const withChallengeFilled = <V extends CafeFields>(value: V, workspaceChallenge = ''): V => {
  const challenge = challengeOf(value, workspaceChallenge)
  if (challenge === '') return value
  const fill = (text: unknown) => (typeof text === 'string' ? fillChallenge(text, challenge) : text)
  const rounds = Array.isArray(value.fields.rounds)
    ? (value.fields.rounds as { cells?: Record<string, unknown> }[]).map((row) =>
        row?.cells === undefined
          ? row
          : { ...row, cells: { ...row.cells, question: fill(row.cells.question) } },
      )
    : value.fields.rounds
  return {
    ...value,
    fields: {
      ...value.fields,
      rounds,
      'check-in': fill(value.fields['check-in']),
      'check-out': fill(value.fields['check-out']),
    },
  }
}

/** The check-in and check-out questions with the challenge put in. */
export const wallQuestion = (
  value: CafeFields,
  wall: 'check-in' | 'check-out',
  workspaceChallenge = '',
): string => {
  const question = typeof value.fields[wall] === 'string' ? (value.fields[wall] as string) : ''
  return fillChallenge(question, challengeOf(value, workspaceChallenge))
}

/** How many rounds have begun: none before the first round starts, all of them once the café is past them. */
export const roundsBegun = (control: Pick<CafeControl, 'flow' | 'seating'>): number => {
  const planned = control.seating?.rounds.length ?? 0
  switch (control.flow.phase) {
    case 'setup':
    case 'check-in':
      return 0
    case 'round':
      return Math.min(planned, control.flow.round + 1)
    default:
      return planned
  }
}

export interface CafeRecordInput {
  readonly value: CafeFields
  readonly control: CafeControl
  readonly note: (round: number, table: number) => RichText
  readonly checkIn: readonly CheckInAnswer[]
  readonly checkOut: readonly CheckInAnswer[]
  readonly harvest: Harvest
  readonly person: (memberId: string) => z.infer<typeof Person>
  /** The partnership's societal challenge, for questions while the café's own challenge is empty. */
  readonly workspaceChallenge?: string
}

export const cafeRecord = ({
  value,
  control,
  note,
  checkIn,
  checkOut,
  harvest,
  person,
  workspaceChallenge = '',
}: CafeRecordInput): CafeRecord => {
  const questions = roundQuestions(value, workspaceChallenge)
  const groups = new Map(harvest.groups.map((group) => [group.id, group.name]))
  const plus = (n: number | null) => (n === null ? null : n + 1)
  return {
    rounds: (control.seating?.rounds ?? []).slice(0, roundsBegun(control)).map((tables, round) => ({
      number: round + 1,
      question: questions[round]?.question ?? '',
      minutes: questions[round]?.minutes ?? null,
      tables: tables.map(([host, ...guests], table) => ({
        number: table + 1,
        host: host === undefined ? null : person(host),
        guests: guests.map(person),
        note: note(round, table),
      })),
    })),
    checkIn: checkIn.map((answer) => ({ ...person(answer.memberId), text: answer.text })),
    checkOut: checkOut.map((answer) => ({ ...person(answer.memberId), text: answer.text })),
    ideas: harvest.cards.map((card) => ({
      text: card.text,
      group: card.groupId === null ? null : (groups.get(card.groupId) ?? null),
      round: plus(card.round),
      table: plus(card.table),
      author: person(card.memberId),
      votes: card.votes,
      signUps: card.signUps.map(({ name, organisation }) => ({ name, organisation })),
    })),
    organisations: [...harvest.organisations],
  }
}
