import { For, Show } from 'solid-js'
import type * as Y from 'yjs'
import {
  type BudgetValue,
  budgetTotals,
  ContributionKind,
  rowAmount,
} from '../../../../../shared/document/budget'
import type { Party } from '../../../../../shared/schema/party'
import type { FieldOf } from '../../../../../shared/templates/template'
import { budgetRowsName } from '../../../../../shared/ydoc/document-ydoc'
import {
  addBudgetRow,
  itemText,
  removeItem,
  setHourlyValue,
  setItemValue,
} from '../../../../../shared/ydoc/field-actions'
import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/messages'
import { partyShape } from '../../../ui/PartyMark'
import { newItemId, YTextInput } from './YTextInput'

const kindLabels: Record<ContributionKind, MessageKey> = {
  money: 'kindMoney',
  'volunteer-hours': 'kindVolunteer',
  premises: 'kindPremises',
  equipment: 'kindEquipment',
  expertise: 'kindExpertise',
  other: 'kindOther',
}

const numberOrNull = (raw: string): number | null => {
  const value = Number(raw.replace(',', '.'))
  return raw.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value
}

/**
 * The co-financing budget: money and in-kind rows per party, in-kind valued in kronor, and each party's share
 * as a bar with its number written on it and a sentence beside it — never colour alone.
 */
export const BudgetEditor = (props: {
  readonly doc: Y.Doc
  readonly field: FieldOf<'budget'>
  readonly value: BudgetValue
  readonly parties: readonly Party[]
  readonly readOnly: boolean
  readonly onFocus: () => void
}) => {
  const { t, formatMoney, formatPercent } = useI18n()
  const rows = () => budgetRowsName(props.field)
  const totals = () =>
    budgetTotals(
      props.value,
      props.parties.map((party) => party.id),
    )
  const partyName = (id: string | null) => props.parties.find((party) => party.id === id)?.name ?? '–'
  const partyKind = (id: string | null) => props.parties.find((party) => party.id === id)?.kind
  return (
    <div class="budget-field">
      <label class="inline">
        {t('budgetHourly')}{' '}
        <input
          type="number"
          min="0"
          inputMode="decimal"
          readOnly={props.readOnly}
          value={props.value.hourlyValue ?? ''}
          onFocus={props.onFocus}
          onChange={(e) => setHourlyValue(props.doc, props.field, numberOrNull(e.currentTarget.value))}
        />
      </label>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('budgetParty')}</th>
            <th scope="col">{t('budgetKind')}</th>
            <th scope="col">{t('budgetDescription')}</th>
            <th scope="col">{t('budgetQuantity')}</th>
            <th scope="col">{t('budgetUnitValue')}</th>
            <th scope="col">{t('budgetAmount')}</th>
            <Show when={!props.readOnly}>
              <th scope="col">
                <span class="visually-hidden">{t('remove')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.value.rows}>
            {(row, index) => {
              const set = (key: string, value: unknown) => setItemValue(props.doc, rows(), row.id, key, value)
              const n = () => index() + 1
              return (
                <tr>
                  <td>
                    <select
                      aria-label={`${t('budgetParty')} ${n()}`}
                      disabled={props.readOnly}
                      value={row.party ?? ''}
                      onFocus={props.onFocus}
                      onChange={(e) => set('party', e.currentTarget.value || null)}
                    >
                      <option value="">–</option>
                      <For each={props.parties}>
                        {(party) => <option value={party.id}>{party.name}</option>}
                      </For>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${t('budgetKind')} ${n()}`}
                      disabled={props.readOnly}
                      value={row.kind}
                      onFocus={props.onFocus}
                      onChange={(e) => set('kind', e.currentTarget.value)}
                    >
                      <For each={ContributionKind.options}>
                        {(kind) => <option value={kind}>{t(kindLabels[kind])}</option>}
                      </For>
                    </select>
                  </td>
                  <td>
                    <Show when={itemText(props.doc, rows(), row.id, 'description')}>
                      {(text) => (
                        <YTextInput
                          text={text()}
                          label={`${t('budgetDescription')} ${n()}`}
                          readOnly={props.readOnly}
                          onFocus={props.onFocus}
                        />
                      )}
                    </Show>
                  </td>
                  <td>
                    <input
                      aria-label={`${t('budgetQuantity')} ${n()}`}
                      type="number"
                      min="0"
                      inputMode="decimal"
                      readOnly={props.readOnly}
                      value={row.quantity ?? ''}
                      onFocus={props.onFocus}
                      onChange={(e) => set('quantity', numberOrNull(e.currentTarget.value))}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('budgetUnitValue')} ${n()}`}
                      type="number"
                      min="0"
                      inputMode="decimal"
                      readOnly={props.readOnly}
                      placeholder={
                        row.kind === 'volunteer-hours' ? String(props.value.hourlyValue ?? '') : ''
                      }
                      value={row.unitValue ?? ''}
                      onFocus={props.onFocus}
                      onChange={(e) => set('unitValue', numberOrNull(e.currentTarget.value))}
                    />
                  </td>
                  <td class="num">
                    {rowAmount(row, props.value.hourlyValue) === null
                      ? '–'
                      : formatMoney(rowAmount(row, props.value.hourlyValue)!)}
                  </td>
                  <Show when={!props.readOnly}>
                    <td>
                      <button
                        type="button"
                        class="tool"
                        onClick={() => removeItem(props.doc, rows(), row.id)}
                      >
                        <span aria-hidden="true">✕</span>
                        <span class="visually-hidden">{`${t('remove')} ${n()}`}</span>
                      </button>
                    </td>
                  </Show>
                </tr>
              )
            }}
          </For>
        </tbody>
      </table>
      <Show when={!props.readOnly}>
        <button
          type="button"
          class="button"
          onClick={() =>
            addBudgetRow(props.doc, props.field, newItemId(), {
              party: null,
              kind: 'money',
              description: '',
              quantity: null,
              unitValue: null,
            })
          }
        >
          {t('addRow')}
        </button>
      </Show>
      <div class="shares">
        <p>{t('budgetTotal', { amount: formatMoney(totals().total) })}</p>
        <ul class="bars">
          <For each={totals().parties}>
            {(line) => (
              <li>
                <span class="bar-label">
                  <span aria-hidden="true">
                    {partyKind(line.party) === undefined ? '' : partyShape(partyKind(line.party)!)}{' '}
                  </span>
                  {t('budgetShare', {
                    party: partyName(line.party),
                    amount: formatMoney(line.total),
                    share: line.share === null ? '–' : formatPercent(line.share),
                  })}
                </span>
                <span
                  class={`bar bar-${partyKind(line.party) ?? 'none'}`}
                  style={{ width: `${Math.round((line.share ?? 0) * 100)}%` }}
                  aria-hidden="true"
                />
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  )
}
