import { createMemo, createSignal, For, Show } from 'solid-js'
import type * as Y from 'yjs'
import {
  addCard,
  addGroup,
  type Harvest,
  type HarvestCard,
  moveCard,
  setVotes,
  signUp,
  VOTES_PER_PERSON,
  votesOn,
} from '../../../../shared/cafe/harvest'
import { useI18n } from '../../i18n/i18n'
import type { CafePerson } from './createCafe'

const EMPTY_CARD: HarvestCard = {
  id: '',
  text: '',
  round: null,
  table: null,
  memberId: '',
  at: '',
  groupId: null,
  votes: 0,
  signUps: [],
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i])

const newId = (): string => crypto.randomUUID().replaceAll('-', '')

/**
 * The harvest: idea cards (with the table and round they came from, author and party), groups, dot votes
 * with a per-person limit, and a sign-up per idea for everyone who wants to go on with it. On the shared
 * screen it is read-only.
 */
export const HarvestBoard = (props: {
  readonly harvest: Harvest
  readonly person: (id: string) => CafePerson
  /** Absent on the shared screen. */
  readonly write?: {
    readonly doc: Y.Doc
    readonly me: CafePerson
    readonly canGroup: boolean
  }
}) => {
  const { t } = useI18n()
  const [idea, setIdea] = createSignal('')
  const [group, setGroup] = createSignal('')
  const write = props.write
  const left = () =>
    write === undefined ? 0 : VOTES_PER_PERSON - (props.harvest.votesBy.get(write.me.id) ?? 0)
  // Columns and cards are keyed by id (strings, '' for the ungrouped column), not by the objects each reading
  // of the harvest makes anew: a card written by someone adds one card to the wall, it does not redraw 300.
  const columnNames = createMemo(
    () => new Map<string, string>(props.harvest.groups.map((g) => [g.id, g.name])),
  )
  const columnIds = createMemo(() => [...props.harvest.groups.map((g) => g.id), ''], undefined, {
    equals: sameIds,
  })
  const cardIdsIn = createMemo(() => {
    const byColumn = new Map<string, string[]>()
    for (const card of props.harvest.cards) {
      const column = card.groupId ?? ''
      const ids = byColumn.get(column)
      if (ids === undefined) byColumn.set(column, [card.id])
      else ids.push(card.id)
    }
    return byColumn
  })
  const submitIdea = (event: SubmitEvent) => {
    event.preventDefault()
    const text = idea().trim()
    if (write === undefined || text === '') return
    addCard(write.doc, {
      id: newId(),
      text: text.slice(0, 500),
      // Written during the harvest, so it comes from the harvest, not from the writer's last table.
      round: null,
      table: null,
      memberId: write.me.id,
      at: new Date().toISOString(),
    })
    setIdea('')
  }
  const submitGroup = (event: SubmitEvent) => {
    event.preventDefault()
    const name = group().trim()
    if (write === undefined || name === '') return
    addGroup(write.doc, { id: newId(), name: name.slice(0, 120) })
    setGroup('')
  }
  const drop = (groupId: string | null) => (event: DragEvent) => {
    event.preventDefault()
    const cardId = event.dataTransfer?.getData('text/plain')
    if (write !== undefined && cardId !== undefined && cardId !== '') moveCard(write.doc, cardId, groupId)
  }

  // Keyed by id (a string), so a card keeps its DOM — and the focus — when someone else votes.
  const byId = createMemo(() => new Map(props.harvest.cards.map((card) => [card.id, card])))
  const Card = (cardProps: { readonly id: string }) => {
    const card = (): HarvestCard => byId().get(cardProps.id) ?? EMPTY_CARD
    const author = () => props.person(card().memberId)
    const mine = () => (write === undefined ? 0 : votesOn(write.doc, write.me.id, card().id))
    const signedUp = () => card().signUps.some((entry) => entry.memberId === write?.me.id)
    const [organisation, setOrganisation] = createSignal(write?.me.partyName ?? '')
    return (
      <li
        class="card idea-card"
        data-idea={card().text}
        draggable={write?.canGroup === true}
        onDragStart={(event) => event.dataTransfer?.setData('text/plain', card().id)}
      >
        <p class="idea-text">{card().text}</p>
        <p class="hint">
          {card().round === null
            ? t('cafeFromHarvest')
            : t('cafeFrom', { round: (card().round ?? 0) + 1, table: (card().table ?? 0) + 1 })}{' '}
          · {author().name} · {author().partyName}
        </p>
        <p class="idea-votes" data-votes={card().votes}>
          <span aria-hidden="true">{'●'.repeat(Math.min(card().votes, 30))} </span>
          {t('cafeVotes', { count: card().votes })}
        </p>
        <Show when={card().signUps.length > 0}>
          <p class="idea-signups">
            {t('cafeSignedUp')}:{' '}
            {card()
              .signUps.map((entry) => `${entry.name} (${entry.organisation})`)
              .join(', ')}
          </p>
        </Show>
        <Show when={write}>
          {(w) => (
            <div class="button-row">
              <button
                type="button"
                class="button button-quiet"
                disabled={left() <= 0}
                onClick={() => setVotes(w().doc, w().me.id, card().id, mine() + 1)}
              >
                {t('cafeVote')}
                <span class="visually-hidden">: {card().text}</span>
              </button>
              <Show when={mine() > 0}>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => setVotes(w().doc, w().me.id, card().id, mine() - 1)}
                >
                  {t('cafeUnvote')}
                  <span class="visually-hidden">: {card().text}</span>
                </button>
              </Show>
              <Show
                when={!signedUp()}
                fallback={
                  <button
                    type="button"
                    class="button button-quiet"
                    onClick={() => signUp(w().doc, card().id, null, w().me.id)}
                  >
                    {t('cafeWithdraw')}
                  </button>
                }
              >
                <form
                  class="inline-form"
                  onSubmit={(event) => {
                    event.preventDefault()
                    const org = organisation().trim()
                    if (org === '') return
                    signUp(
                      w().doc,
                      card().id,
                      { memberId: w().me.id, name: w().me.name, organisation: org.slice(0, 160) },
                      w().me.id,
                    )
                  }}
                >
                  <label>
                    {t('cafeOrganisation')}
                    <input
                      value={organisation()}
                      maxLength={160}
                      onInput={(event) => setOrganisation(event.currentTarget.value)}
                    />
                  </label>
                  <button type="submit" class="button">
                    {t('cafeSignUp')}
                    <span class="visually-hidden">: {card().text}</span>
                  </button>
                </form>
              </Show>
              <Show when={w().canGroup && props.harvest.groups.length > 0}>
                <select
                  aria-label={t('cafeMoveIdea', { idea: card().text })}
                  value={card().groupId ?? ''}
                  onChange={(event) => moveCard(w().doc, card().id, event.currentTarget.value || null)}
                >
                  <option value="">{t('cafeUngrouped')}</option>
                  <For each={props.harvest.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
                </select>
              </Show>
            </div>
          )}
        </Show>
      </li>
    )
  }

  return (
    <section class="harvest" aria-labelledby="harvest-title">
      <h2 id="harvest-title">{t('cafeHarvest')}</h2>
      <Show when={write}>
        <form class="inline-form" onSubmit={submitIdea}>
          <label for="new-idea">{t('cafeNewIdea')}</label>
          <input
            id="new-idea"
            maxLength={500}
            value={idea()}
            onInput={(e) => setIdea(e.currentTarget.value)}
          />
          <button type="submit" class="button button-primary">
            {t('cafeAddIdea')}
          </button>
        </form>
        <p class="hint" role="status">
          {t('cafeVotesLeft', { count: left() })}
        </p>
      </Show>
      <Show when={write?.canGroup}>
        <form class="inline-form" onSubmit={submitGroup}>
          <label for="new-group">{t('cafeNewGroup')}</label>
          <input
            id="new-group"
            maxLength={120}
            value={group()}
            onInput={(e) => setGroup(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('cafeAddGroup')}
          </button>
        </form>
      </Show>
      <div class="harvest-columns">
        <For each={columnIds()}>
          {(columnId) => {
            const name = () => (columnId === '' ? t('cafeUngrouped') : (columnNames().get(columnId) ?? ''))
            const cardIds = createMemo(() => cardIdsIn().get(columnId) ?? [], undefined, { equals: sameIds })
            return (
              <section
                class="harvest-column"
                aria-label={name()}
                onDragOver={(event) => write?.canGroup === true && event.preventDefault()}
                onDrop={drop(columnId === '' ? null : columnId)}
              >
                <h3>{name()}</h3>
                <ul>
                  <For each={cardIds()}>{(id) => <Card id={id} />}</For>
                </ul>
              </section>
            )
          }}
        </For>
      </div>
      <section aria-labelledby="organisations-title">
        <h3 id="organisations-title">{t('cafeOrganisations')}</h3>
        <ul class="organisations">
          <For each={props.harvest.organisations} fallback={<li class="hint">{t('cafeWallEmpty')}</li>}>
            {(name) => <li>{name}</li>}
          </For>
        </ul>
      </section>
    </section>
  )
}
