import { For } from 'solid-js'
import type * as Y from 'yjs'
import type { FieldOf } from '../../../../../shared/templates/template'
import { setSimpleValue } from '../../../../../shared/ydoc/field-actions'
import { useI18n } from '../../../i18n/i18n'

/** A date field: one value, last writer wins (a date is not co-typed). */
export const DateEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'date'>
  readonly value: string | null
  readonly labelId: string
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => (
  <input
    type="date"
    aria-labelledby={props.labelId}
    readOnly={props.readOnly}
    value={props.value ?? ''}
    onFocus={props.onFocus}
    onChange={(e) =>
      setSimpleValue(props.doc, props.field.id, e.currentTarget.value === '' ? null : e.currentTarget.value)
    }
  />
)

/** One option of a few, as radio buttons. */
export const ChoiceEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'choice'>
  readonly value: string | null
  readonly labelId: string
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => {
  const { t, locale } = useI18n()
  return (
    <div role="radiogroup" aria-labelledby={props.labelId} class="answers">
      <For each={props.field.options}>
        {(option) => (
          <label class="choice">
            <input
              type="radio"
              name={props.field.id}
              checked={props.value === option.id}
              disabled={props.readOnly}
              onFocus={props.onFocus}
              onChange={() => setSimpleValue(props.doc, props.field.id, option.id)}
            />{' '}
            {option.label[locale()]}
          </label>
        )}
      </For>
      <label class="choice">
        <input
          type="radio"
          name={props.field.id}
          checked={props.value === null}
          disabled={props.readOnly}
          onChange={() => setSimpleValue(props.doc, props.field.id, null)}
        />{' '}
        {t('notChosen')}
      </label>
    </div>
  )
}
