import { For, Show } from 'solid-js'
import * as aidApi from '../../../../shared/api/aid-routes'
import type { SharesOfText } from '../../../../shared/attribution/party-shares'
import type { Party } from '../../../../shared/schema/party'
import { fieldsOf, type Template } from '../../../../shared/templates/template'
import { call } from '../../api/api'
import { createPolledResource } from '../../api/createPolledResource'
import { useI18n } from '../../i18n/i18n'
import { partyShape } from '../../ui/PartyMark'

/** Writing goes on while the panel is open: the shares are fetched again this often. */
const REFRESH_MS = 10_000

/** Bars with the numbers written on them and a sentence beside: never colour alone. */
const ShareBars = (props: { readonly shares: SharesOfText; readonly parties: readonly Party[] }) => {
  const { t, formatPercent } = useI18n()
  const partyOf = (id: string) => props.parties.find((party) => party.id === id)
  return (
    <ul class="bars">
      <For each={props.shares.parties}>
        {(line) => (
          <li data-party={line.partyId}>
            <span class="bar-label">
              <span aria-hidden="true">{partyShape(partyOf(line.partyId)?.kind ?? 'public')} </span>
              {t('equalVoiceLine', {
                party: partyOf(line.partyId)?.name ?? '',
                share: line.share === null ? '–' : formatPercent(line.share),
                characters: line.characters,
              })}
            </span>
            <span
              class={`bar bar-${partyOf(line.partyId)?.kind ?? 'none'}`}
              style={{ width: `${Math.round((line.share ?? 0) * 100)}%` }}
              aria-hidden="true"
            />
          </li>
        )}
      </For>
    </ul>
  )
}

/**
 * "Jämlik röst": how much of the text each party wrote, overall and per field, from the server's record of
 * who wrote with which Yjs client id. `compact` is the shared screen's version: the overall bars only.
 */
export const EqualVoice = (props: {
  readonly documentId: string
  readonly parties: readonly Party[]
  readonly template: Template
  readonly compact?: boolean
}) => {
  const { t, locale, formatPercent } = useI18n()
  const [attribution] = createPolledResource(
    () => call(aidApi.getAttribution, { params: { documentId: props.documentId } }),
    REFRESH_MS,
  )
  const labelOf = (fieldId: string) =>
    fieldsOf(props.template).find((field) => field.id === fieldId)?.label[locale()] ?? fieldId
  const summary = (shares: SharesOfText) => {
    const written = shares.parties.filter((line) => line.share !== null)
    if (written.length === 0) return t('equalVoiceEmpty')
    return written
      .map((line) =>
        t('equalVoiceSummaryPart', {
          party: props.parties.find((party) => party.id === line.partyId)?.name ?? '',
          share: formatPercent(line.share ?? 0),
        }),
      )
      .join(', ')
  }
  return (
    <section
      class={`equal-voice ${props.compact ? 'equal-voice-compact' : ''}`}
      aria-labelledby="equal-voice-title"
    >
      <h3 id="equal-voice-title">{t('tabEqualVoice')}</h3>
      <Show
        when={attribution()}
        fallback={<p>{attribution.error ? String(attribution.error) : t('loading')}</p>}
      >
        {(loaded) => (
          <>
            <p class="equal-voice-summary">{summary(loaded())}</p>
            <ShareBars shares={loaded()} parties={props.parties} />
            <Show when={!props.compact}>
              <p class="hint">{t('equalVoiceHow')}</p>
              <Show when={loaded().cafeRounds}>
                {(rounds) => (
                  <>
                    <h4>{t('equalVoicePerRound')}</h4>
                    <For each={rounds()}>
                      {(round) => (
                        <div class="equal-voice-field" data-round-share={round.round}>
                          <p class="equal-voice-field-label">
                            {t('equalVoiceRoundNotes', { number: round.round })}
                          </p>
                          <ShareBars shares={round.notes} parties={props.parties} />
                          <p class="hint" data-round-cards={round.round}>
                            {t('equalVoiceRoundCards', {
                              list: round.cards
                                .map(
                                  (line) =>
                                    `${props.parties.find((party) => party.id === line.partyId)?.name ?? ''}: ${line.cards}`,
                                )
                                .join(', '),
                            })}
                          </p>
                        </div>
                      )}
                    </For>
                  </>
                )}
              </Show>
              <Show when={loaded().fields.length > 0}>
                <h4>{t('equalVoicePerField')}</h4>
                <For each={loaded().fields}>
                  {(field) => (
                    <div class="equal-voice-field" data-field-share={field.fieldId}>
                      <p class="equal-voice-field-label">{labelOf(field.fieldId)}</p>
                      <ShareBars shares={field} parties={props.parties} />
                    </div>
                  )}
                </For>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  )
}
