import { For, Show } from 'solid-js'
import type * as Y from 'yjs'
import type { ListItem } from '../../../../../shared/document/field-value'
import type { FieldOf } from '../../../../../shared/templates/template'
import { fieldTypeName } from '../../../../../shared/ydoc/document-ydoc'
import { addListItem, itemText, moveItem, removeItem } from '../../../../../shared/ydoc/field-actions'
import { useI18n } from '../../../i18n/i18n'
import { newItemId, YTextInput } from './YTextInput'

/** A list whose items anyone can add, reorder, edit and remove — each change is one small Yjs transaction. */
export const ListEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'list'>
  readonly items: readonly ListItem[]
  readonly labelId: string
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => {
  const { t, locale } = useI18n()
  const map = () => fieldTypeName(props.field)
  const itemLabel = () => props.field.itemLabel?.[locale()] ?? props.field.label[locale()]
  return (
    <div class="list-field">
      <ol aria-labelledby={props.labelId}>
        <For each={props.items}>
          {(item, index) => {
            const text = itemText(props.doc, map(), item.id, 'text')
            return (
              <li>
                <Show when={text}>
                  {(yText) => (
                    <YTextInput
                      text={yText()}
                      label={`${itemLabel()} ${index() + 1}`}
                      readOnly={props.readOnly}
                      onFocus={props.onFocus}
                    />
                  )}
                </Show>
                <Show when={!props.readOnly}>
                  <button type="button" class="tool" onClick={() => moveItem(props.doc, map(), item.id, -1)}>
                    <span aria-hidden="true">↑</span>
                    <span class="visually-hidden">{`${t('moveUp')}: ${itemLabel()} ${index() + 1}`}</span>
                  </button>
                  <button type="button" class="tool" onClick={() => moveItem(props.doc, map(), item.id, 1)}>
                    <span aria-hidden="true">↓</span>
                    <span class="visually-hidden">{`${t('moveDown')}: ${itemLabel()} ${index() + 1}`}</span>
                  </button>
                  <button type="button" class="tool" onClick={() => removeItem(props.doc, map(), item.id)}>
                    <span aria-hidden="true">✕</span>
                    <span class="visually-hidden">{`${t('remove')}: ${itemLabel()} ${index() + 1}`}</span>
                  </button>
                </Show>
              </li>
            )
          }}
        </For>
      </ol>
      <Show when={!props.readOnly}>
        <button type="button" class="button" onClick={() => addListItem(props.doc, props.field, newItemId())}>
          {t('addItem')}: {itemLabel()}
        </button>
      </Show>
    </div>
  )
}
