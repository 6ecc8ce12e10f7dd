import { A } from '@solidjs/router'
import { createResource, For, Show } from 'solid-js'
import * as aidApi from '../../../../shared/api/aid-routes'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'

const stageName: Record<'inleda' | 'genomfora' | 'avsluta', MessageKey> = {
  inleda: 'phaseInleda',
  genomfora: 'phaseGenomfora',
  avsluta: 'phaseAvsluta',
}

/**
 * "Var partnerskapet står": the stage, and each step of the process with its date — done (✓), overdue
 * (said in words and marked !), or coming — linked to its document.
 */
export const PartnershipStatusPanel = (props: { readonly workspaceId: string }) => {
  const { t, locale } = useI18n()
  const [status] = createResource(() =>
    call(aidApi.getStatus, { params: { workspaceId: props.workspaceId } }),
  )
  return (
    <section aria-labelledby="status-title" class="card partnership-status">
      <h2 id="status-title">{t('statusTitle')}</h2>
      <Show when={status()}>
        {(loaded) => (
          <>
            <p>{t('statusStage', { stage: t(stageName[loaded().stage]) })}</p>
            <ul class="status-items">
              <For each={loaded().items}>
                {(item) => (
                  <li data-status-item={item.id} data-overdue={item.overdue ? 'true' : undefined}>
                    <span aria-hidden="true" class="status-mark">
                      {item.done ? '✓' : item.overdue ? '!' : '○'}
                    </span>{' '}
                    <Show when={item.documentId} fallback={<span>{item.title[locale()]}</span>}>
                      {(documentId) => (
                        <A href={`/w/${props.workspaceId}/d/${documentId()}`}>{item.title[locale()]}</A>
                      )}
                    </Show>
                    <Show when={item.due}>{(due) => <> · {t('statusDue', { date: due() })}</>}</Show>
                    {' · '}
                    <strong>
                      {t(item.done ? 'statusDone' : item.overdue ? 'statusOverdue' : 'statusOpen')}
                    </strong>
                  </li>
                )}
              </For>
            </ul>
            <a
              class="button button-quiet"
              href={linkTo(aidApi.getStatusCalendar, {
                params: { workspaceId: props.workspaceId },
                query: { lang: locale() },
              })}
              download=""
            >
              {t('statusCalendar')}
            </a>
          </>
        )}
      </Show>
    </section>
  )
}
