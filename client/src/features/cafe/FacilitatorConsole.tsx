import { createSignal, For, Show } from 'solid-js'
import * as cafeApi from '../../../../shared/api/cafe-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import {
  type CafeFlow,
  type CafeSeating,
  setPresent,
  writeFlow,
  writeSeating,
  writeTimer,
} from '../../../../shared/cafe/cafe-control'
import { holdsPlaceholder } from '../../../../shared/cafe/cafe-record'
import {
  movePerson,
  proposeSeating,
  seatLateArrival,
  seatLeaver,
  suggestedMode,
} from '../../../../shared/cafe/seating'
import { addMinute, idleTimer, pause, resume, startRound } from '../../../../shared/cafe/timer'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { CafeTimerDisplay } from './CafeTimerDisplay'
import { PhaseWall } from './CheckInWall'
import type { Cafe } from './createCafe'
import { HarvestBoard } from './HarvestBoard'
import { NoteProgress } from './NoteProgress'
import { lastSeat } from './ParticipantView'
import { SeatingPlan } from './SeatingPlan'

/**
 * The facilitator's console: the café's steps (check-in, rounds, check-out, harvest), the shared timer, who is
 * present, the seating plan for every round (proposed, then adjusted by hand), and how far each table's note
 * has come. Ending a round saves a version of the café with that round's notes.
 */
export const FacilitatorConsole = (props: {
  readonly cafe: Cafe
  readonly view: WorkspaceView
  readonly documentId: string
}) => {
  const { t } = useI18n()
  const cafe = props.cafe
  const control = () => cafe.control()
  const flow = () => control().flow
  const [shownRound, setShownRound] = createSignal<number | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const rounds = () => cafe.questions().length
  /** Rounds (1-based) whose question still says "xx": the room would see the placeholder. */
  const placeholderRounds = () =>
    cafe
      .questions()
      .map((round, index) => (holdsPlaceholder(round.question) ? index + 1 : null))
      .filter((round): round is number => round !== null)
  const steps = (): CafeFlow[] => [
    { phase: 'check-in', round: 0 },
    ...Array.from({ length: rounds() }, (_, round): CafeFlow => ({ phase: 'round', round })),
    { phase: 'check-out', round: Math.max(0, rounds() - 1) },
    { phase: 'harvest', round: Math.max(0, rounds() - 1) },
  ]
  const isCurrent = (step: CafeFlow) =>
    step.phase === flow().phase && (step.phase !== 'round' || step.round === flow().round)
  const stepLabel = (step: CafeFlow) =>
    step.phase === 'round'
      ? t('cafeRoundNumber', { number: step.round + 1 })
      : t(
          step.phase === 'check-in'
            ? 'cafeCheckIn'
            : step.phase === 'check-out'
              ? 'cafeCheckOut'
              : 'cafeHarvest',
        )

  /** A round's timer started now, as long as the set-up says (20 minutes when it says nothing). */
  const roundTimer = (round: number) =>
    startRound(round, Math.round((cafe.questions()[round]?.minutes ?? 20) * 60_000), cafe.serverNow())
  const goTo = async (step: CafeFlow) => {
    setMessage(null)
    const leaving = flow()
    if (leaving.phase === 'round' && !isCurrent(step)) {
      // The round's notes are kept as a version before the café moves on.
      try {
        const version = await call(cafeApi.endCafeRound, {
          params: { documentId: props.documentId, number: leaving.round + 1 },
        })
        setMessage(t('cafeRoundSaved', { number: leaving.round + 1, version: version.number }))
      } catch (error) {
        setMessage(t('errorGeneric', { message: String(error) }))
      }
    }
    cafe.controlDoc.transact(() => {
      writeFlow(cafe.controlDoc, step)
      writeTimer(cafe.controlDoc, step.phase === 'round' ? roundTimer(step.round) : idleTimer)
    })
    setShownRound(null)
  }
  const next = () => {
    const all = steps()
    const at = all.findIndex(isCurrent)
    const following = all[at + 1]
    if (following !== undefined) void goTo(following)
  }

  const members = () => props.view.members.filter((member) => member.role !== 'viewer')
  const present = () => new Set(control().present)
  /** Rounds a change of presence may still touch: the current one onwards once rounds have begun. */
  const firstOpenRound = () =>
    flow().phase === 'round'
      ? flow().round
      : flow().phase === 'setup' || flow().phase === 'check-in'
        ? 0
        : null
  const togglePresent = (memberId: string, on: boolean) => {
    const seating = control().seating
    cafe.controlDoc.transact(() => {
      setPresent(cafe.controlDoc, memberId, on)
      const from = firstOpenRound()
      if (seating === null || from === null) return
      const seated = seating.rounds.some((round) => round.some((table) => table.includes(memberId)))
      if (on === seated) return
      const rounds = seating.rounds.map((round, index) =>
        index < from ? round : on ? seatLateArrival(round, memberId) : seatLeaver(round, memberId),
      )
      writeSeating(cafe.controlDoc, { ...seating, rounds })
    })
  }
  const propose = () => {
    setMessage(null)
    const guests = control().present.map((id) => ({ id, kind: cafe.person(id).kind }))
    const seed = Math.floor(Math.random() * 2 ** 31)
    let seating: CafeSeating
    if (cafe.value.fields.mode === 'circle') {
      seating = { seed, rounds: Array.from({ length: rounds() }, () => [guests.map((guest) => guest.id)]) }
    } else {
      const plan = proposeSeating({ guests, rounds: rounds(), seed })
      if (plan.rounds.length === 0) {
        setMessage(t('cafeTooFew'))
        return
      }
      seating = { seed, rounds: plan.rounds.map((round) => round.map((table) => [...table])) }
    }
    writeSeating(cafe.controlDoc, seating)
  }
  const viewedRound = () => shownRound() ?? (flow().phase === 'round' ? flow().round : 0)
  const move = (personId: string, toTable: number) => {
    const seating = control().seating
    if (seating === null) return
    const round = viewedRound()
    const rounds = seating.rounds.map((tables, index) =>
      index === round ? movePerson(tables, personId, toTable) : tables,
    )
    writeSeating(cafe.controlDoc, { ...seating, rounds })
  }
  const timer = () => control().timer

  return (
    <div class="cafe-console">
      <nav class="cafe-steps" aria-label={t('cafeSteps')}>
        <ol>
          <For each={steps()}>
            {(step) => (
              <li>
                <button
                  type="button"
                  class="button button-quiet"
                  aria-current={isCurrent(step) ? 'step' : undefined}
                  onClick={() => void goTo(step)}
                >
                  {stepLabel(step)}
                </button>
              </li>
            )}
          </For>
        </ol>
        <Show when={placeholderRounds().length > 0}>
          <p class="error" role="alert" data-placeholder-warning="true">
            {t('cafePlaceholderWarning', { rounds: placeholderRounds().join(', ') })}
          </p>
        </Show>
        <button type="button" class="button button-primary" onClick={next}>
          {flow().phase === 'setup' ? t('cafeStart') : t('cafeNext')}
        </button>
        <p role="status" class="hint">
          {message() ?? ''}
        </p>
      </nav>

      <Show when={flow().phase === 'round'}>
        <section class="card" aria-labelledby="timer-title">
          <h2 id="timer-title">
            {t('cafeRoundNumber', { number: flow().round + 1 })}: {cafe.questions()[flow().round]?.question}
          </h2>
          <CafeTimerDisplay timer={timer} serverNow={cafe.serverNow} />
          <div class="button-row">
            <Show when={timer().state === 'running'}>
              <button
                type="button"
                class="button"
                onClick={() => writeTimer(cafe.controlDoc, pause(timer(), cafe.serverNow()))}
              >
                {t('timerPause')}
              </button>
            </Show>
            <Show when={timer().state === 'paused'}>
              <button
                type="button"
                class="button"
                onClick={() => writeTimer(cafe.controlDoc, resume(timer(), cafe.serverNow()))}
              >
                {t('timerResume')}
              </button>
            </Show>
            <button
              type="button"
              class="button"
              onClick={() => writeTimer(cafe.controlDoc, addMinute(timer()))}
            >
              {t('timerAddMinute')}
            </button>
            <button
              type="button"
              class="button button-quiet"
              onClick={() => writeTimer(cafe.controlDoc, roundTimer(flow().round))}
            >
              {t('timerRestart')}
            </button>
          </div>
        </section>
      </Show>

      <section class="card" aria-labelledby="present-title">
        <h2 id="present-title">{t('cafePresent')}</h2>
        <p class="hint">
          {t('cafePresentCount', { count: control().present.length })}{' '}
          {suggestedMode(control().present.length) === 'circle' ? t('cafeSuggestCircle') : ''}
        </p>
        <ul class="present-list">
          <For each={members()}>
            {(member) => (
              <li>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={present().has(member.id)}
                    onChange={(event) => togglePresent(member.id, event.currentTarget.checked)}
                  />
                  {member.name} · {cafe.person(member.id).partyName}
                  <Show when={cafe.online().has(member.id)}>
                    <span class="online-dot">
                      <span aria-hidden="true"> ✓</span>
                      <span class="visually-hidden"> ({t('cafeOnline')})</span>
                    </span>
                  </Show>
                </label>
              </li>
            )}
          </For>
        </ul>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              for (const id of cafe.online()) if (!present().has(id)) togglePresent(id, true)
            }}
          >
            {t('cafeMarkOnline')}
          </button>
          <button type="button" class="button button-primary" onClick={propose}>
            {control().seating === null ? t('cafeProposeSeating') : t('cafeProposeAgain')}
          </button>
        </div>
      </section>

      <Show when={control().seating}>
        {(seating) => (
          <section class="card" aria-labelledby="seating-title">
            <h2 id="seating-title">{t('cafeSeating')}</h2>
            <label>
              {t('cafeShowRound')}{' '}
              <select
                value={viewedRound()}
                onChange={(event) => setShownRound(Number(event.currentTarget.value))}
              >
                <For each={seating().rounds}>
                  {(_, round) => (
                    <option value={round()}>{t('cafeRoundNumber', { number: round() + 1 })}</option>
                  )}
                </For>
              </select>
            </label>
            <Show when={seating().rounds[viewedRound()]}>
              {(tables) => (
                <SeatingPlan
                  tables={tables()}
                  person={cafe.person}
                  online={cafe.online()}
                  onMove={move}
                  extra={(table) =>
                    flow().phase === 'round' && viewedRound() === flow().round ? (
                      <NoteProgress documentId={props.documentId} round={flow().round} table={table} />
                    ) : null
                  }
                />
              )}
            </Show>
          </section>
        )}
      </Show>

      <Show when={flow().phase === 'check-in' || flow().phase === 'check-out'}>
        <PhaseWall cafe={cafe} write={{ doc: cafe.doc, memberId: props.view.me.id }} />
      </Show>
      <Show when={flow().phase === 'harvest' || flow().phase === 'closed'}>
        <HarvestBoard
          harvest={cafe.harvest()}
          person={cafe.person}
          write={{
            doc: cafe.doc,
            me: cafe.person(props.view.me.id),
            origin: lastSeat(cafe, props.view.me.id),
            canGroup: true,
          }}
        />
      </Show>
    </div>
  )
}
