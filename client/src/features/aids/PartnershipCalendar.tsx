import { createResource, For, Show } from 'solid-js'
import * as aidApi from '../../../../shared/api/aid-routes'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'

/** "Kommande i partnerskapet": the dates each agreement's process requires, and its calendar to download. */
export const PartnershipCalendar = (props: { readonly workspaceId: string }) => {
  const { t, locale } = useI18n()
  const [calendars] = createResource(() =>
    call(aidApi.getCalendars, { params: { workspaceId: props.workspaceId } }),
  )
  const withEvents = () => (calendars()?.agreements ?? []).filter((agreement) => agreement.events.length > 0)
  return (
    <section aria-labelledby="calendar-title" class="card partnership-calendar">
      <h2 id="calendar-title">{t('calendarTitle')}</h2>
      <Show when={withEvents().length > 0} fallback={<p class="hint">{t('calendarNone')}</p>}>
        <For each={withEvents()}>
          {(agreement) => (
            <div class="calendar-agreement">
              <h3>
                {agreement.title} ({agreement.start} – {agreement.end})
              </h3>
              <For each={agreement.notices}>
                {(notice) => (
                  <p class="calendar-notice" data-notice={notice}>
                    {t(notice === 'no-yearly-follow-up' ? 'calendarNoFollowUp' : 'calendarReportAtEnd')}
                  </p>
                )}
              </For>
              <ul>
                <For each={agreement.events}>
                  {(event) => (
                    <li data-event={event.id}>
                      <strong>{event.title[locale()]}</strong>:{' '}
                      {event.start === event.end ? event.start : `${event.start} – ${event.end}`}
                      <Show when={event.repeatEveryMonths}>
                        {(months) => <> ({t('calendarEvery', { months: months() })})</>}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <a
                class="button button-quiet"
                href={linkTo(aidApi.getDocumentCalendar, {
                  params: { documentId: agreement.documentId },
                  query: { lang: locale() },
                })}
                download=""
              >
                {t('calendarDownload', { title: agreement.title })}
              </a>
            </div>
          )}
        </For>
      </Show>
    </section>
  )
}
