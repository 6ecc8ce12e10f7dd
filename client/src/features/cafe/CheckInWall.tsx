import { createSignal, For, Show } from 'solid-js'
import type * as Y from 'yjs'
import { type AnswerKind, type CheckInAnswer, writeAnswer } from '../../../../shared/cafe/check-in-answers'
import { useI18n } from '../../i18n/i18n'
import type { Cafe, CafePerson } from './createCafe'

/** The check-in or check-out round: the question, one short answer per person, and everyone's on a wall. */
export const CheckInWall = (props: {
  readonly kind: AnswerKind
  readonly question: string
  readonly answers: readonly CheckInAnswer[]
  readonly person: (id: string) => CafePerson
  /** Absent on the shared screen. */
  readonly write?: { readonly doc: Y.Doc; readonly memberId: string }
  readonly large?: boolean
}) => {
  const { t } = useI18n()
  const mine = () => props.answers.find((answer) => answer.memberId === props.write?.memberId)?.text ?? ''
  const [draft, setDraft] = createSignal<string | null>(null)
  const save = (event: SubmitEvent) => {
    event.preventDefault()
    const write = props.write
    const text = (draft() ?? mine()).trim()
    if (write === undefined || text === '') return
    writeAnswer(write.doc, {
      kind: props.kind,
      memberId: write.memberId,
      text: text.slice(0, 280),
      at: new Date().toISOString(),
    })
    setDraft(null)
  }
  const inputId = `answer-${props.kind}`
  return (
    <section class="check-in-wall" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} class={props.large === true ? 'cafe-question' : ''}>
        {props.question}
      </h2>
      <Show when={props.write}>
        <form class="inline-form" onSubmit={save}>
          <label for={inputId}>{t('cafeYourAnswer')}</label>
          <input
            id={inputId}
            maxLength={280}
            value={draft() ?? mine()}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" class="button button-primary">
            {t('cafeSaveAnswer')}
          </button>
        </form>
      </Show>
      <ul class="wall" aria-label={t('cafeWall')}>
        <For each={props.answers} fallback={<li class="hint">{t('cafeWallEmpty')}</li>}>
          {(answer) => (
            <li class="card wall-card">
              <p>{answer.text}</p>
              <p class="hint">
                {props.person(answer.memberId).name} · {props.person(answer.memberId).partyName}
              </p>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}

/** The wall of the café's current phase (check-in or check-out), from the café itself. */
export const PhaseWall = (props: {
  readonly cafe: Cafe
  readonly write?: { readonly doc: Y.Doc; readonly memberId: string }
  readonly large?: boolean
}) => {
  const kind = (): AnswerKind => (props.cafe.control().flow.phase === 'check-out' ? 'check-out' : 'check-in')
  return (
    <CheckInWall
      kind={kind()}
      question={props.cafe.wallQuestion(kind())}
      answers={kind() === 'check-in' ? props.cafe.answers().checkIn : props.cafe.answers().checkOut}
      person={props.cafe.person}
      {...(props.write === undefined ? {} : { write: props.write })}
      {...(props.large === undefined ? {} : { large: props.large })}
    />
  )
}
