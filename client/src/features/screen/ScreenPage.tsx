import { useParams } from '@solidjs/router'
import { createResource, createSignal, onCleanup, onMount, Show } from 'solid-js'
import * as screenApi from '../../../../shared/api/screen-routes'
import { type ScreenFocus, ScreenFocusState } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { DocumentEditor } from '../document/DocumentPage'

/**
 * The shared screen in the meeting room: only what the room needs. It follows what a facilitator shows
 * ("Visa på skärmen") — a document in large type, read-only, scrolled to the field being discussed.
 */
const ScreenPage = () => {
  const { t } = useI18n()
  const params = useParams<{ workspaceId: string }>()
  const [view] = createResource(
    () => params.workspaceId,
    (id) => call(workspaceApi.getWorkspace, { params: { workspaceId: id } }),
  )
  const [focus, setFocus] = createSignal<ScreenFocus | null>(null)
  onMount(() => {
    // EventSource reconnects by itself after a network hiccup and sends the session cookie.
    const events = new EventSource(
      linkTo(screenApi.screenEvents, { params: { workspaceId: params.workspaceId } }),
    )
    events.addEventListener('focus', (event) => {
      const parsed = ScreenFocusState.safeParse(JSON.parse((event as MessageEvent<string>).data))
      if (parsed.success) setFocus(parsed.data.focus)
    })
    onCleanup(() => events.close())
  })
  const [record] = createResource(
    () => focus()?.documentId,
    (documentId) => call(workspaceApi.getDocument, { params: { documentId } }),
  )
  return (
    <div class="page screen-page" data-screen="true">
      <Show when={view()}>
        {(loaded) => (
          <Show
            when={record()}
            keyed
            fallback={
              <div class="screen-mode">
                <h1>{loaded().workspace.name}</h1>
                <p>{loaded().workspace.challenge}</p>
                <p class="hint" role="status">
                  {t('screenWaiting')}
                </p>
              </div>
            }
          >
            {(document) => (
              <DocumentEditor
                record={document}
                view={loaded()}
                screen
                focusFieldId={() => focus()?.fieldId ?? null}
              />
            )}
          </Show>
        )}
      </Show>
    </div>
  )
}

export default ScreenPage
