import type * as Y from 'yjs'
import * as z from 'zod/mini'
import { EntityId } from '../schema/entity-id'
import { lazySchema } from '../schema/lazy-schema'
import type { EntryWriter } from './harvest'

const ANSWERS = 'cafe-answers'

export const AnswerKind = z.enum(['check-in', 'check-out'])
export type AnswerKind = z.infer<typeof AnswerKind>

/** One person's short answer to the check-in or check-out question: one per person and kind. */
export const CheckInAnswer = lazySchema(() =>
  z.object({
    kind: AnswerKind,
    memberId: EntityId,
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(280)),
    at: z.iso.datetime(),
  }),
)
export type CheckInAnswer = z.infer<typeof CheckInAnswer>

export const answerKey = (kind: AnswerKind, memberId: string): string => `${kind}:${memberId}`

export const writeAnswer = (doc: Y.Doc, answer: CheckInAnswer): void => {
  doc.getMap(ANSWERS).set(answerKey(answer.kind, answer.memberId), CheckInAnswer.parse(answer))
}

/** The wall: every answer of a kind, oldest first; an answer written in another member's name is left out. */
export const readAnswers = (
  doc: Y.Doc,
  kind: AnswerKind,
  writer: EntryWriter = () => null,
): CheckInAnswer[] => {
  const answers: CheckInAnswer[] = []
  doc.getMap(ANSWERS).forEach((value, key) => {
    const parsed = CheckInAnswer.safeParse(value)
    if (!parsed.success || parsed.data.kind !== kind) return
    if (key !== answerKey(kind, parsed.data.memberId)) return
    const actual = writer(ANSWERS, key)
    if (actual !== null && actual !== parsed.data.memberId) return
    answers.push(parsed.data)
  })
  return answers.sort((a, b) => a.at.localeCompare(b.at))
}
