import { For, Show } from 'solid-js'
import type { RoundSeating } from '../../../../shared/cafe/seating'
import { useI18n } from '../../i18n/i18n'
import { partyShape } from '../../ui/PartyMark'
import type { CafePerson } from './createCafe'

/**
 * Who sits where in one round: each table with its host first, marked with a star and the word "värd". A
 * facilitator moves people by dragging them to another table or, with the keyboard, by choosing the table
 * in the labelled list next to their name.
 */
export const SeatingPlan = (props: {
  readonly tables: RoundSeating
  readonly person: (id: string) => CafePerson
  readonly onMove?: (personId: string, toTable: number) => void
  readonly online?: ReadonlySet<string>
  readonly extra?: (table: number) => unknown
}) => {
  const { t } = useI18n()
  const drop = (table: number) => (event: DragEvent) => {
    event.preventDefault()
    const id = event.dataTransfer?.getData('text/plain')
    if (id !== undefined && id !== '') props.onMove?.(id, table)
  }
  return (
    <ol class="seating-plan">
      <For each={props.tables}>
        {(seated, table) => (
          <li
            class="card seating-table"
            data-table={table() + 1}
            onDragOver={(event) => props.onMove !== undefined && event.preventDefault()}
            onDrop={drop(table())}
          >
            <h3>{t('cafeTable', { number: table() + 1 })}</h3>
            <ul>
              <For each={seated}>
                {(id, index) => {
                  const person = props.person(id)
                  const host = index() === 0
                  return (
                    <li
                      data-person={person.name}
                      draggable={props.onMove !== undefined && !host}
                      onDragStart={(event) => event.dataTransfer?.setData('text/plain', id)}
                    >
                      <span class="seat-name">
                        <span aria-hidden="true" class={`party-shape party-${person.kind}`}>
                          {partyShape(person.kind)}{' '}
                        </span>
                        {person.name}
                        <Show when={host}>
                          {' '}
                          <span class="host-mark" data-host="true">
                            <span aria-hidden="true">★ </span>
                            {t('cafeHost')}
                          </span>
                        </Show>
                        <span class="visually-hidden">, {person.partyName}</span>
                      </span>
                      <Show when={props.online !== undefined && !props.online.has(id)}>
                        <span class="hint seat-offline">{t('cafeNotOnline')}</span>
                      </Show>
                      <Show when={props.onMove !== undefined && !host}>
                        {/* Visibly labelled ("Bord"); its accessible name adds whose seat it is. */}
                        <label class="move-control">
                          <span aria-hidden="true">{t('cafeMoveTo')}</span>
                          <select
                            aria-label={t('cafeMovePerson', { name: person.name })}
                            value={table()}
                            onChange={(event) => props.onMove?.(id, Number(event.currentTarget.value))}
                          >
                            <For each={props.tables}>
                              {(_, option) => <option value={option()}>{option() + 1}</option>}
                            </For>
                          </select>
                        </label>
                      </Show>
                    </li>
                  )
                }}
              </For>
            </ul>
            {props.extra?.(table()) as never}
          </li>
        )}
      </For>
    </ol>
  )
}
