import { For, Show } from 'solid-js'
import type * as Y from 'yjs'
import type { TableRow } from '../../../../../shared/document/field-value'
import type { FieldOf } from '../../../../../shared/templates/template'
import { cellKey, fieldTypeName } from '../../../../../shared/ydoc/document-ydoc'
import { addTableRow, itemText, removeItem, setItemValue } from '../../../../../shared/ydoc/field-actions'
import { useI18n } from '../../../i18n/i18n'
import { newItemId, YTextInput } from './YTextInput'

/** A table of typed columns; text cells are co-edited character by character, others set as values. */
export const TableEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'table'>
  readonly rows: readonly TableRow[]
  readonly labelId: string
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => {
  const { t, locale } = useI18n()
  const map = () => fieldTypeName(props.field)
  return (
    <div class="table-field">
      <table aria-labelledby={props.labelId}>
        <thead>
          <tr>
            <For each={props.field.columns}>{(column) => <th scope="col">{column.label[locale()]}</th>}</For>
            <Show when={!props.readOnly}>
              <th scope="col">
                <span class="visually-hidden">{t('remove')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row, index) => (
              <tr>
                <For each={props.field.columns}>
                  {(column) => {
                    const label = () => `${column.label[locale()]}, ${index() + 1}`
                    const value = () => row.cells[column.id]
                    const set = (next: unknown) =>
                      setItemValue(props.doc, map(), row.id, cellKey(column.id), next)
                    return (
                      <td>
                        {column.type === 'text' ? (
                          <Show when={itemText(props.doc, map(), row.id, cellKey(column.id))}>
                            {(text) => (
                              <YTextInput
                                text={text()}
                                label={label()}
                                readOnly={props.readOnly}
                                onFocus={props.onFocus}
                              />
                            )}
                          </Show>
                        ) : column.type === 'yesno' ? (
                          <select
                            aria-label={label()}
                            disabled={props.readOnly}
                            value={String(value() ?? '')}
                            onFocus={props.onFocus}
                            onChange={(e) => set(e.currentTarget.value === '' ? null : e.currentTarget.value)}
                          >
                            <option value="">–</option>
                            <option value="yes">{t('answerYes')}</option>
                            <option value="no">{t('answerNo')}</option>
                          </select>
                        ) : (
                          <input
                            aria-label={label()}
                            type={column.type === 'date' ? 'date' : 'number'}
                            inputMode={column.type === 'date' ? undefined : 'decimal'}
                            readOnly={props.readOnly}
                            value={String(value() ?? '')}
                            onFocus={props.onFocus}
                            onChange={(e) => {
                              const raw = e.currentTarget.value
                              set(column.type === 'date' ? raw : raw === '' ? null : Number(raw))
                            }}
                          />
                        )}
                      </td>
                    )
                  }}
                </For>
                <Show when={!props.readOnly}>
                  <td>
                    <button type="button" class="tool" onClick={() => removeItem(props.doc, map(), row.id)}>
                      <span aria-hidden="true">✕</span>
                      <span class="visually-hidden">{`${t('remove')} ${index() + 1}`}</span>
                    </button>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={!props.readOnly}>
        <button type="button" class="button" onClick={() => addTableRow(props.doc, props.field, newItemId())}>
          {t('addRow')}
        </button>
      </Show>
    </div>
  )
}
