import { createSignal, For, type JSX, Show } from 'solid-js'
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
import { movePerson, proposeSeating } from '../../../../shared/cafe/seating'
import { seatLateArrivalFrom, seatLeaverFrom } from '../../../../shared/cafe/seating-changes'
import { idleTimer, startRound } from '../../../../shared/cafe/timer'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { PhaseWall } from './CheckInWall'
import { ConsolePeople } from './ConsolePeople'
import { ConsoleSteps } from './ConsoleSteps'
import type { Cafe } from './createCafe'
import { HarvestBoard } from './HarvestBoard'
import { NoteProgress } from './NoteProgress'
import { SeatingPlan } from './SeatingPlan'

/**
 * The facilitator's console, in three columns (UX.md): the steps with their questions, durations and the
 * timer on the left; the table plan of a round in the centre, movable by drag or keyboard; who is here, who
 * has no table and who came late on the right. During the harvest the harvest takes the space and the
 * plan and the people fold away. Ending a round saves a version of the café with that round's notes.
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
    const following = all[all.findIndex(isCurrent) + 1]
    if (following !== undefined) void goTo(following)
  }

  /** Who may be seated: participants, and a facilitator only by their own tick ("Jag deltar också"). */
  const participants = () => props.view.members.filter((member) => member.role === 'participant')
  /** Rounds a change of presence may still touch: the current one onwards once rounds have begun. */
  const firstOpenRound = () =>
    flow().phase === 'round'
      ? flow().round
      : flow().phase === 'setup' || flow().phase === 'check-in'
        ? 0
        : null
  const togglePresent = (memberId: string, on: boolean) => {
    const seating = control().seating
    const phase = flow().phase
    // Marked present once the café has begun: a late arrival, listed with the seat they were given.
    const lateFrom =
      phase === 'setup'
        ? undefined
        : phase === 'check-in'
          ? 0
          : phase === 'round'
            ? flow().round
            : flow().round + 1
    cafe.controlDoc.transact(() => {
      setPresent(cafe.controlDoc, memberId, on, lateFrom)
      const from = firstOpenRound()
      if (seating === null || from === null) return
      const seated = seating.rounds.some((round) => round.some((table) => table.includes(memberId)))
      if (on === seated) return
      const rounds = on
        ? seatLateArrivalFrom(seating.rounds, from, memberId)
        : seatLeaverFrom(seating.rounds, from, memberId)
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
  /** Someone here without a table in the round on view: seated from that round on. */
  const seatInViewedRound = (personId: string) => {
    const seating = control().seating
    if (seating === null) return
    writeSeating(cafe.controlDoc, {
      ...seating,
      rounds: seatLateArrivalFrom(seating.rounds, viewedRound(), personId),
    })
  }

  const harvesting = () => flow().phase === 'harvest' || flow().phase === 'closed'

  const tablePlan = (): JSX.Element => (
    <section class="console-tables" aria-labelledby="seating-title">
      <div class="console-tables-head">
        <h2 id="seating-title">{t('cafeSeating')}</h2>
        <button type="button" class="button" onClick={propose}>
          {control().seating === null ? t('cafeProposeSeating') : t('cafeProposeAgain')}
        </button>
      </div>
      <Show when={control().seating}>
        {(seating) => (
          <>
            <fieldset class="round-picker">
              <legend class="visually-hidden">{t('cafeShowRound')}</legend>
              <For each={seating().rounds}>
                {(_, round) => (
                  <button
                    type="button"
                    class="button button-quiet"
                    aria-pressed={viewedRound() === round()}
                    onClick={() => setShownRound(round())}
                  >
                    {t('cafeRoundNumber', { number: round() + 1 })}
                  </button>
                )}
              </For>
            </fieldset>
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
          </>
        )}
      </Show>
    </section>
  )
  const people = (): JSX.Element => (
    <ConsolePeople
      cafe={cafe}
      participants={participants()}
      me={props.view.me}
      viewedRound={viewedRound()}
      togglePresent={togglePresent}
      seatInViewedRound={seatInViewedRound}
    />
  )

  return (
    <div class="cafe-console" data-phase={flow().phase} data-harvest={harvesting() ? 'true' : undefined}>
      <ConsoleSteps
        cafe={cafe}
        steps={steps()}
        isCurrent={isCurrent}
        goTo={(step) => void goTo(step)}
        next={next}
        restartTimer={() => writeTimer(cafe.controlDoc, roundTimer(flow().round))}
        placeholderRounds={placeholderRounds()}
        message={message()}
      />
      <Show
        when={harvesting()}
        fallback={
          <>
            <div class="console-centre">
              <Show when={flow().phase === 'check-in' || flow().phase === 'check-out'}>
                <PhaseWall cafe={cafe} write={{ doc: cafe.doc, memberId: props.view.me.id }} />
              </Show>
              {tablePlan()}
            </div>
            {people()}
          </>
        }
      >
        <div class="console-centre console-harvest">
          <HarvestBoard
            harvest={cafe.harvest()}
            person={cafe.person}
            write={{ doc: cafe.doc, me: cafe.person(props.view.me.id), canGroup: true }}
          />
          {/* The plan and the people step back: still there for who asks where they sat. */}
          <details class="card console-folded">
            <summary>{t('cafeSeatingAndPresence')}</summary>
            {tablePlan()}
            {people()}
          </details>
        </div>
      </Show>
    </div>
  )
}
