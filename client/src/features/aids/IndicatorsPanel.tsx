import { createSignal, For, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import type {
  Indicator,
  IndicatorId,
  IndicatorReason,
} from '../../../../shared/agreement/procurement-indicators'
import * as aidApi from '../../../../shared/api/aid-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { fieldsOf, type Template } from '../../../../shared/templates/template'
import { call } from '../../api/api'
import { createPolledResource } from '../../api/createPolledResource'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'

const REFRESH_MS = 10_000

const statusWord: Record<Indicator['status'], MessageKey> = {
  met: 'indicatorMet',
  'not-met': 'indicatorNotMet',
  unknown: 'indicatorUnknown',
}
const statusMark: Record<Indicator['status'], string> = { met: '✓', 'not-met': '✗', unknown: '?' }

const indicatorName: Record<IndicatorId, MessageKey> = {
  initiative: 'indicatorInitiative',
  'co-financing': 'indicatorCoFinancing',
  'no-sanctions': 'indicatorNoSanctions',
  'no-fixed-price': 'indicatorNoFixedPrice',
  'general-purpose': 'indicatorGeneralPurpose',
}

const reasonText: Record<IndicatorReason, MessageKey> = {
  'initiative-unrecorded': 'reasonInitiativeUnrecorded',
  'initiative-nonprofit': 'reasonInitiativeNonprofit',
  'initiative-public': 'reasonInitiativePublic',
  'budget-empty': 'reasonBudgetEmpty',
  'budget-zero': 'reasonBudgetZero',
  'public-pays-all': 'reasonPublicPaysAll',
  'party-contributes-nothing': 'reasonPartyContributesNothing',
  'co-financed': 'reasonCoFinanced',
  'no-text': 'reasonNoText',
  'no-sanction-words': 'reasonNoSanctionWords',
  'sanction-words': 'reasonSanctionWords',
  'no-fixed-price-words': 'reasonNoFixedPriceWords',
  'fixed-price-words': 'reasonFixedPriceWords',
  'purpose-empty': 'reasonPurposeEmpty',
  'purpose-general': 'reasonPurposeGeneral',
  'specification-words': 'reasonSpecificationWords',
}

/**
 * The procurement indicators of an agreement, each met / not met / unknown in words and a mark (not colour
 * alone), with its reason and links to the text that caused it. Informs the partners; no legal advice.
 */
export const IndicatorsPanel = (props: {
  readonly documentId: string
  readonly view: WorkspaceView
  readonly template: Template
  readonly onShowField: (fieldId: string) => void
}) => {
  const { t, locale } = useI18n()
  const [report, { refetch }] = createPolledResource(
    () => call(aidApi.getIndicators, { params: { documentId: props.documentId } }),
    REFRESH_MS,
  )
  const [initiative, setInitiative] = createSignal(props.view.workspace.initiativeParty ?? '')
  const labelOf = (fieldId: string) =>
    fieldsOf(props.template).find((field) => field.id === fieldId)?.label[locale()] ?? fieldId
  const record = async (partyId: string) => {
    setInitiative(partyId)
    await call(workspaceApi.setInitiative, {
      params: { workspaceId: props.view.workspace.id },
      body: { partyId: partyId === '' ? null : partyId },
    })
    await refetch()
  }
  return (
    <div class="indicators-panel">
      <p class="hint">{t('indicatorsIntro')}</p>
      <Show when={can(props.view.me.role, 'workspace.manage')}>
        <label>
          {t('initiativeFrom')}{' '}
          <select value={initiative()} onChange={(event) => void record(event.currentTarget.value)}>
            <option value="">{t('initiativeUnknown')}</option>
            <For each={props.view.parties}>{(party) => <option value={party.id}>{party.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={report()} fallback={<p>{report.error ? String(report.error) : t('loading')}</p>}>
        {(loaded) => (
          <ul class="indicators">
            <For each={loaded().indicators}>
              {(indicator) => (
                <li class={`indicator indicator-${indicator.status}`} data-indicator={indicator.id}>
                  <p class="indicator-title">
                    <span class="indicator-mark" aria-hidden="true">
                      {statusMark[indicator.status]}
                    </span>{' '}
                    <strong>{t(indicatorName[indicator.id])}</strong>
                    {' – '}
                    <span data-status={indicator.status}>{t(statusWord[indicator.status])}</span>
                  </p>
                  <p class="indicator-reason">{t(reasonText[indicator.reason], indicator.params)}</p>
                  <Show when={indicator.refs.length > 0}>
                    <ul class="indicator-refs">
                      <For each={indicator.refs}>
                        {(ref) => (
                          <li>
                            <button
                              type="button"
                              class="link-button"
                              onClick={() => props.onShowField(ref.fieldId)}
                            >
                              {labelOf(ref.fieldId)}
                            </button>
                            <Show when={ref.found}>
                              {(found) => (
                                <>
                                  {': '}
                                  <strong data-found={found()}>{found()}</strong>
                                </>
                              )}
                            </Show>
                            <Show when={ref.excerpt !== ''}>
                              {ref.found === undefined ? ': ' : ' – '}
                              <q>{ref.excerpt}</q>
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </div>
  )
}
