import { createSignal, For, type JSX, Show } from 'solid-js'
import type { Field } from '../../../../shared/templates/template'
import { useI18n } from '../../i18n/i18n'
import type { Peer } from '../../model/presence'
import { Avatar } from '../../ui/Avatar'
import { handleCardKey } from '../../ui/cardKeyboard'

/**
 * One prompt of the sheet as a card: its label (as printed), a "?" with our help text, the editor, and the
 * avatars of whoever is in it. The card is one tab stop: Tab goes on to the next card, Enter into the editor,
 * and Escape inside the editor returns here (`handleCardKey`).
 */
export const FieldCard = (props: {
  readonly field: Field
  /** The field the facilitator shows on the shared screen. */
  readonly highlighted?: boolean
  readonly labelId: string
  readonly peers: readonly Peer[]
  readonly ref: (element: HTMLElement) => void
  /** False on the shared screen, which nobody drives by keyboard. */
  readonly keyboard?: boolean
  readonly children: JSX.Element
}) => {
  let card!: HTMLElement
  const { t, locale } = useI18n()
  const [helpOpen, setHelpOpen] = createSignal(false)
  const helpId = () => `${props.field.id}-help`
  return (
    <section
      class={`card field-card ${props.highlighted ? 'on-screen' : ''}`}
      tabindex={props.keyboard === false ? -1 : 0}
      ref={(element) => {
        card = element
        props.ref(element)
      }}
      onKeyDown={(event) => handleCardKey(event, card, '[data-field-card]')}
      aria-labelledby={props.labelId}
      aria-describedby={props.keyboard === false ? undefined : 'card-keys-hint'}
      data-field-card={props.field.id}
      data-on-screen={props.highlighted ? 'true' : undefined}
    >
      <div class="field-head">
        <h3 id={props.labelId}>{props.field.label[locale()]}</h3>
        <Show when={props.field.help}>
          <button
            type="button"
            class="tool help"
            aria-expanded={helpOpen()}
            aria-controls={helpId()}
            onClick={() => setHelpOpen(!helpOpen())}
          >
            <span aria-hidden="true">?</span>
            <span class="visually-hidden">{t('help', { label: props.field.label[locale()] })}</span>
          </button>
        </Show>
        <ul class="field-peers" aria-label={t('presence')}>
          <For each={props.peers}>
            {(peer) => (
              <li>
                <Avatar
                  name={peer.name}
                  color={peer.color}
                  kind={peer.partyKind}
                  label={`${peer.name}, ${peer.partyName}`}
                />
              </li>
            )}
          </For>
        </ul>
      </div>
      <Show when={props.field.help && helpOpen()}>
        <p id={helpId()} class="help-text">
          {props.field.help?.[locale()]}
        </p>
      </Show>
      {props.children}
    </section>
  )
}
