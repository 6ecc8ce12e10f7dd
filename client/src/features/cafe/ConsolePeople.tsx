import { For, Show } from 'solid-js'
import type { CafeSeating } from '../../../../shared/cafe/cafe-control'
import { suggestedMode } from '../../../../shared/cafe/seating'
import type { Member } from '../../../../shared/schema/member'
import { useI18n } from '../../i18n/i18n'
import { partyShape } from '../../ui/PartyMark'
import type { Cafe } from './createCafe'

/**
 * The console's right column: who is here (a checklist of the participants, with who has the café open),
 * who is here but has no table in the round on view, and who came late and where they were put. The
 * facilitator is not on the list: they sit at a table only when they tick that they take part.
 */
export const ConsolePeople = (props: {
  readonly cafe: Cafe
  /** Participants who may be seated (facilitators are not, unless they take part). */
  readonly participants: readonly Member[]
  readonly me: Member
  readonly viewedRound: number
  readonly togglePresent: (memberId: string, present: boolean) => void
  readonly seatInViewedRound: (memberId: string) => void
}) => {
  const { t } = useI18n()
  const cafe = props.cafe
  const present = () => new Set(cafe.control().present)
  const seating = (): CafeSeating | null => cafe.control().seating
  const seatedIn = (round: number) => new Set(seating()?.rounds[round]?.flat() ?? [])
  /** Here, but not at any table of the round on view: someone has to place them. */
  const unseated = () => {
    if (seating() === null) return []
    const seated = seatedIn(props.viewedRound)
    return cafe.control().present.filter((id) => !seated.has(id))
  }
  /** Came after the café began: the first table they were given from the round they could join. */
  const lateArrivals = (): { id: string; round: number; table: number | null }[] => {
    const plan = seating()
    return [...cafe.control().late].flatMap(
      ([id, lateFrom]): { id: string; round: number; table: number | null }[] => {
        for (let round = lateFrom; round < (plan?.rounds.length ?? 0); round++) {
          const table = plan?.rounds[round]?.findIndex((seats) => seats.includes(id)) ?? -1
          if (table >= 0) return [{ id, round, table }]
        }
        return [{ id, round: lateFrom, table: null }]
      },
    )
  }
  const personLine = (id: string) => {
    const person = cafe.person(id)
    return (
      <>
        <span aria-hidden="true" class={`party-shape party-${person.kind}`}>
          {partyShape(person.kind)}{' '}
        </span>
        {person.name}
        <span class="visually-hidden">, {person.partyName}</span>
      </>
    )
  }
  const iTakePart = () => props.me.role === 'facilitator'

  return (
    <section class="console-people" aria-labelledby="present-title">
      <h2 id="present-title">{t('cafePresent')}</h2>
      <p class="hint">
        {t('cafePresentCount', { count: cafe.control().present.length })}{' '}
        {suggestedMode(cafe.control().present.length) === 'circle' ? t('cafeSuggestCircle') : ''}
      </p>
      <Show when={iTakePart()}>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={present().has(props.me.id)}
            onChange={(event) => props.togglePresent(props.me.id, event.currentTarget.checked)}
          />
          {t('cafeFacilitatorTakesPart')}
        </label>
      </Show>
      <Show when={unseated().length > 0}>
        <section class="people-group" aria-labelledby="unseated-title" data-unseated="true">
          <h3 id="unseated-title">{t('cafeUnseated', { round: props.viewedRound + 1 })}</h3>
          <ul class="people-list">
            <For each={unseated()}>
              {(id) => (
                <li>
                  <span>{personLine(id)}</span>
                  <button type="button" class="button" onClick={() => props.seatInViewedRound(id)}>
                    {t('cafeSeatPerson')}
                    <span class="visually-hidden"> {cafe.person(id).name}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={lateArrivals().length > 0}>
        <section class="people-group" aria-labelledby="late-title" data-late="true">
          <h3 id="late-title">{t('cafeLateArrivals')}</h3>
          <ul class="people-list">
            <For each={lateArrivals()}>
              {(late) => (
                <li>
                  <span>{personLine(late.id)}</span>
                  <span class="hint">
                    {late.table === null
                      ? t('cafeLateNoSeat')
                      : t('cafeLateSeat', { table: late.table + 1, round: late.round + 1 })}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <ul class="present-list">
        <For each={props.participants}>
          {(member) => (
            <li>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={present().has(member.id)}
                  onChange={(event) => props.togglePresent(member.id, event.currentTarget.checked)}
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
      <button
        type="button"
        class="button"
        onClick={() => {
          for (const member of props.participants)
            if (cafe.online().has(member.id) && !present().has(member.id))
              props.togglePresent(member.id, true)
        }}
      >
        {t('cafeMarkOnline')}
      </button>
    </section>
  )
}
