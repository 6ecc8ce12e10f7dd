import { createMemo, For, Match, Show, Switch } from 'solid-js'
import { seatOf } from '../../../../shared/cafe/cafe-control'
import type { Member } from '../../../../shared/schema/member'
import { useI18n } from '../../i18n/i18n'
import { CafeTimerDisplay } from './CafeTimerDisplay'
import { PhaseWall } from './CheckInWall'
import type { Cafe } from './createCafe'
import { HarvestBoard } from './HarvestBoard'
import { TableNote } from './TableNote'

/** The last round and table someone sat at (where an idea they write now comes from). */
/**
 * A participant's café, made for a phone: where they sit and who hosts, the question, the timer and their
 * table's note; the host also sees what earlier rounds wrote at this table, to retell it.
 */
export const ParticipantView = (props: {
  readonly cafe: Cafe
  readonly me: Member
  readonly documentId: string
}) => {
  const { t } = useI18n()
  const cafe = props.cafe
  // A viewer (a shared-screen account) reads along; the server would drop anything it wrote.
  const watchOnly = props.me.role === 'viewer'
  const flow = () => cafe.control().flow
  const seat = createMemo(() => seatOf(cafe.control().seating, flow().round, props.me.id))
  const hostOf = (round: number, table: number) => cafe.control().seating?.rounds[round]?.[table]?.[0]
  /** Changes only when the person's table or the round changes, so the note editor is not rebuilt otherwise. */
  const place = createMemo(() => {
    const current = seat()
    return flow().phase === 'round' && current !== null
      ? `${flow().round}:${current.table}:${current.host}`
      : null
  })
  return (
    <div class="cafe-participant" data-phase={flow().phase}>
      <Switch>
        <Match when={flow().phase === 'setup'}>
          <p class="card">{t('cafeNotStarted')}</p>
        </Match>
        <Match when={flow().phase === 'check-in' || flow().phase === 'check-out'}>
          <PhaseWall
            cafe={cafe}
            {...(watchOnly ? {} : { write: { doc: cafe.doc, memberId: props.me.id } })}
          />
        </Match>
        <Match when={flow().phase === 'round'}>
          <p class="round-label">
            {t('cafeRoundOf', { number: flow().round + 1, count: cafe.questions().length })}
          </p>
          <h2 class="cafe-question">{cafe.questions()[flow().round]?.question}</h2>
          <CafeTimerDisplay timer={() => cafe.control().timer} serverNow={cafe.serverNow} />
          <Show
            when={place()}
            keyed
            fallback={
              <p class="card" role="status">
                {t('cafeNoSeat')}
              </p>
            }
          >
            {(key) => {
              const [round, table, host] = [
                Number(key.split(':')[0]),
                Number(key.split(':')[1]),
                key.endsWith(':true'),
              ]
              return (
                <>
                  <p class="seat-announcement" role="status" data-table={table + 1} data-host={host}>
                    {host
                      ? t('cafeYouHost', { number: table + 1 })
                      : t('cafeYouSit', {
                          number: table + 1,
                          host: cafe.person(hostOf(round, table) ?? '').name,
                        })}
                  </p>
                  <TableNote
                    documentId={props.documentId}
                    round={round}
                    table={table}
                    readOnly={watchOnly}
                    me={props.me}
                    partyKind={cafe.person(props.me.id).kind}
                    label={t('cafeNoteOf', { number: table + 1, round: round + 1 })}
                  />
                  <Show when={host && round > 0}>
                    <section class="recap" aria-labelledby="recap-title">
                      <h3 id="recap-title">{t('cafeRecap')}</h3>
                      <p class="hint">{t('cafeRecapHelp')}</p>
                      <For each={Array.from({ length: round }, (_, r) => r)}>
                        {(earlier) => (
                          <TableNote
                            documentId={props.documentId}
                            round={earlier}
                            table={table}
                            readOnly
                            me={props.me}
                            partyKind={cafe.person(props.me.id).kind}
                            label={t('cafeNoteOf', { number: table + 1, round: earlier + 1 })}
                          />
                        )}
                      </For>
                    </section>
                  </Show>
                </>
              )
            }}
          </Show>
        </Match>
        <Match when={flow().phase === 'harvest' || flow().phase === 'closed'}>
          <HarvestBoard
            harvest={cafe.harvest()}
            person={cafe.person}
            {...(watchOnly
              ? {}
              : {
                  write: {
                    doc: cafe.doc,
                    me: cafe.person(props.me.id),
                    canGroup: false,
                  },
                })}
          />
        </Match>
      </Switch>
    </div>
  )
}
