import { describe, expect, it } from 'vitest'
import { holdsPlaceholder, roundQuestions, wallQuestion } from '../../../shared/cafe/cafe-record'
import { initialDocumentValue } from '../../../shared/document/field-value'
import { templates } from '../../../shared/templates'

describe('café questions', () => {
  const initial = initialDocumentValue(templates.cafe)

  it('put the workspace’s societal challenge in for "xx" while the café’s own challenge is empty', () => {
    const questions = roundQuestions(initial, 'Ensamhet bland äldre i Järva')
    expect(questions[0]?.question).toBe('Vad betyder Ensamhet bland äldre i Järva för mig personligen?')
    expect(questions.some((round) => holdsPlaceholder(round.question))).toBe(false)
  })

  it('prefer the café’s own challenge, and say when a question would still show the placeholder', () => {
    const own = { ...initial, fields: { ...initial.fields, challenge: 'Unga utan sysselsättning' } }
    expect(roundQuestions(own, 'Ensamhet')[1]?.question).toBe(
      'Vad betyder Unga utan sysselsättning för vår ort/kommun/region?',
    )
    const none = roundQuestions(initial, '')
    expect(none.filter((round) => holdsPlaceholder(round.question))).toHaveLength(2)
    expect(holdsPlaceholder('Vad betyder XX för oss?')).toBe(true)
    expect(holdsPlaceholder('Exxempel utan platshållare')).toBe(false)
  })

  it('put the challenge into the check-in and check-out questions too', () => {
    const custom = { ...initial, fields: { ...initial.fields, 'check-in': 'Vad väcker xx hos dig?' } }
    expect(wallQuestion(custom, 'check-in', 'ensamhet')).toBe('Vad väcker ensamhet hos dig?')
  })
})
