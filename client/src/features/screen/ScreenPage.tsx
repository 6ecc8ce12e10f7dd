import { useParams } from '@solidjs/router'
import { createResource, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js'
import * as screenApi from '../../../../shared/api/screen-routes'
import { type ScreenFocus, ScreenFocusState, type WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import { templates } from '../../../../shared/templates'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import { QrCode } from '../../ui/QrCode'
import { EqualVoice } from '../aids/EqualVoice'
import { CafeBody } from '../cafe/CafePage'
import { DocumentEditor } from '../document/DocumentPage'

/** Phones join the partnership here: a large QR code of a participant invite, and the link written out. */
const JoinSlide = (props: { readonly url: string; readonly view: WorkspaceView }) => {
  const { t } = useI18n()
  return (
    <div class="join-slide" data-screen-kind="join">
      <h1>{t('screenJoinTitle', { name: props.view.workspace.name })}</h1>
      <QrCode text={props.url} alt={t('screenJoinQr')} size={420} />
      <p class="join-url">{props.url}</p>
    </div>
  )
}

/** What the room sees before a facilitator shows anything: the partnership and its challenge. */
const Waiting = (props: { readonly view: WorkspaceView }) => {
  const { t } = useI18n()
  return (
    <div class="screen-waiting" data-screen-kind="waiting">
      <h1>{props.view.workspace.name}</h1>
      <p class="screen-challenge">{props.view.workspace.challenge}</p>
      <p class="hint" role="status">
        {t('screenWaiting')}
      </p>
    </div>
  )
}

/**
 * The shared screen in the meeting room: only what the room needs, full screen, no app chrome. Opened once
 * from its link, it follows whatever a facilitator shows ("Visa på skärmen") — a document being written, a
 * café (whose own steps then drive it), a document's equal-voice bars, or the join slide — and shows what
 * is on it now after a reload or a reconnect (the event stream replays the current focus).
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
    // EventSource reconnects by itself after a network hiccup or a server restart, and sends the cookie.
    const events = new EventSource(
      linkTo(screenApi.screenEvents, { params: { workspaceId: params.workspaceId } }),
    )
    events.addEventListener('focus', (event) => {
      const parsed = ScreenFocusState.safeParse(JSON.parse((event as MessageEvent<string>).data))
      if (parsed.success) setFocus(parsed.data.focus)
    })
    onCleanup(() => events.close())
  })
  const shownDocument = () => {
    const current = focus()
    return current === null || current.kind === 'join' ? undefined : current.documentId
  }
  /** A small join code in a corner while people may still arrive: on documents, and a café before its harvest. */
  const cornerQr = () => {
    const current = focus()
    if (current === null || current.kind === 'join' || current.kind === 'equal-voice') return null
    return current.joinUrl ?? null
  }
  const [record] = createResource(shownDocument, (documentId) =>
    call(workspaceApi.getDocument, { params: { documentId } }),
  )
  return (
    <div class="screen-page" data-screen="true" data-screen-kind={focus()?.kind ?? 'waiting'}>
      <Show when={view()}>
        {(loaded) => (
          <Switch fallback={<Waiting view={loaded()} />}>
            <Match when={focus()?.kind === 'join' && (focus() as Extract<ScreenFocus, { kind: 'join' }>)}>
              {(join) => <JoinSlide url={join().url} view={loaded()} />}
            </Match>
            <Match when={record()?.id === shownDocument() && record()}>
              {(document) => (
                <Switch>
                  <Match when={focus()?.kind === 'cafe'}>
                    <CafeBody record={document()} view={loaded()} screen />
                  </Match>
                  <Match when={focus()?.kind === 'equal-voice'}>
                    <div class="screen-equal-voice" data-screen-kind="equal-voice">
                      <h1>{document().title}</h1>
                      <EqualVoice
                        documentId={document().id}
                        parties={loaded().parties}
                        template={templates[document().template]}
                        compact
                      />
                    </div>
                  </Match>
                  <Match when={focus()?.kind === 'document'}>
                    <DocumentEditor
                      record={document()}
                      view={loaded()}
                      screen
                      focusFieldId={() => {
                        const current = focus()
                        return current?.kind === 'document' ? current.fieldId : null
                      }}
                    />
                  </Match>
                </Switch>
              )}
            </Match>
          </Switch>
        )}
      </Show>
      <Show when={cornerQr()}>
        {(url) => (
          <div class="screen-corner-qr">
            <QrCode text={url()} alt={t('screenJoinQr')} size={140} />
          </div>
        )}
      </Show>
    </div>
  )
}

export default ScreenPage
