import { createSignal, For, Show } from 'solid-js'
import * as versionApi from '../../../../shared/api/version-routes'
import { decisionLine, type VersionView } from '../../../../shared/schema/version'
import { call } from '../../api/api'
import { useI18n } from '../../i18n/i18n'

/**
 * A version's formal decisions ("Stadsdelsnämnden 2027-03-14 § 12"), and for a party's decision-maker the
 * form that records their party's — printed on the version's exports and filed with it.
 */
export const DecisionForm = (props: {
  readonly documentId: string
  readonly version: VersionView
  readonly partyId: string
  readonly decisionMaker: boolean
  readonly onRecorded: () => void
}) => {
  const { t } = useI18n()
  const [open, setOpen] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const recorded = () => props.version.decisions.some((decision) => decision.partyId === props.partyId)
  const id = (field: string) => `decision-${props.version.number}-${field}`
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    setError(null)
    try {
      await call(versionApi.recordDecision, {
        params: { documentId: props.documentId, number: props.version.number },
        body: {
          partyId: props.partyId,
          body: String(data.get('body') ?? ''),
          date: String(data.get('date') ?? ''),
          paragraph: String(data.get('paragraph') ?? ''),
        },
      })
      setOpen(false)
      props.onRecorded()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }
  return (
    <>
      <Show when={props.version.decisions.length > 0}>
        <ul class="decisions" aria-label={t('decisions')}>
          <For each={props.version.decisions}>
            {(decision) => (
              <li data-decision={decision.partyName}>
                {decision.partyName}: {decisionLine(decision)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.decisionMaker && !recorded()}>
        <Show
          when={open()}
          fallback={
            <button type="button" class="button button-quiet" onClick={() => setOpen(true)}>
              {t('decisionRecord')}
            </button>
          }
        >
          <form class="decision-form" onSubmit={(event) => void submit(event)}>
            <label for={id('body')}>{t('decisionBody')}</label>
            <input
              id={id('body')}
              name="body"
              required
              maxLength={120}
              placeholder={t('decisionBodyExample')}
            />
            <label for={id('date')}>{t('decisionDate')}</label>
            <input id={id('date')} name="date" type="date" required />
            <label for={id('paragraph')}>{t('decisionParagraph')}</label>
            <input id={id('paragraph')} name="paragraph" maxLength={20} placeholder="§ 12" />
            <button type="submit" class="button">
              {t('decisionSave')}
            </button>
            <Show when={error()}>
              {(message) => (
                <p class="error" role="alert">
                  {message()}
                </p>
              )}
            </Show>
          </form>
        </Show>
      </Show>
    </>
  )
}
