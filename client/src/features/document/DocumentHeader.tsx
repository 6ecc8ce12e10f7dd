import { A } from '@solidjs/router'
import { type Accessor, createSignal, For, type Setter, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import * as documentApi from '../../../../shared/api/document-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import type { Template } from '../../../../shared/templates/template'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import type { DocumentSession } from '../../model/createDocumentSession'
import type { SyncStatus } from '../../sync/makeRoomConnection'
import { Avatar } from '../../ui/Avatar'
import { partyShape } from '../../ui/PartyMark'
import { EqualVoice } from '../aids/EqualVoice'
import { ShowOnScreenButton } from '../screen/ShowOnScreenButton'

const statusText: Record<SyncStatus, MessageKey> = {
  connecting: 'statusConnecting',
  syncing: 'statusSyncing',
  saved: 'statusSaved',
  offline: 'statusOfflineClean',
  'offline-dirty': 'statusOffline',
  'no-access': 'statusNoAccess',
}

export interface DocumentHeaderProps {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  readonly template: Template
  readonly session: DocumentSession
  /** The shared screen: no controls, the equal-voice bars. */
  readonly screen: boolean
  readonly screenMode: Accessor<boolean>
  readonly setScreenMode: Setter<boolean>
  readonly byParty: Accessor<boolean>
  readonly setByParty: Setter<boolean>
  /** The field this person is in, shown on the shared screen with "Visa på skärmen". */
  readonly myFocus: Accessor<string | null>
}

/**
 * The document's header: where it belongs, its title and template, the honest save status, a frozen
 * document's banner, who is here, and the document's actions (exports, colour by party, freeze, screen).
 */
export const DocumentHeader = (props: DocumentHeaderProps) => {
  const { t, locale, formatDateTime } = useI18n()
  const me = props.view.me
  const session = props.session
  const [freezeError, setFreezeError] = createSignal<string | null>(null)
  const setFrozen = async (frozen: boolean) => {
    setFreezeError(null)
    try {
      const params = { documentId: props.record.id }
      await (frozen
        ? call(workspaceApi.freezeDocument, { params })
        : call(workspaceApi.unfreezeDocument, { params }))
    } catch (error) {
      setFreezeError(String(error))
    }
  }
  return (
    <header class="document-header">
      <p class="breadcrumb">
        <A href={`/w/${props.view.workspace.id}`}>{props.view.workspace.name}</A>
      </p>
      <h1>{props.record.title}</h1>
      <p class="hint">{props.template.title[locale()]}</p>
      <Show when={props.record.template === 'cafe' && !props.screen}>
        <p>
          <A class="button button-primary" href={`/w/${props.view.workspace.id}/cafe/${props.record.id}`}>
            {t('cafeOpen')}
          </A>
        </p>
      </Show>
      <p role="status" class={`sync-status status-${session.status()}`} data-status={session.status()}>
        {t(statusText[session.status()])}
        {session.watchOnly ? ` · ${t('readOnly')}` : ''}
      </p>
      <Show when={session.frozen()}>
        {(frozen) => (
          <p class="frozen-banner" role="status" data-frozen="true">
            {t('frozenBanner', {
              name: frozen().by,
              time: formatDateTime(frozen().at),
            })}
          </p>
        )}
      </Show>
      <Show when={props.screen}>
        <EqualVoice
          documentId={props.record.id}
          parties={props.view.parties}
          template={props.template}
          compact
        />
      </Show>
      <Show when={!props.screenMode()}>
        <section class="presence" aria-label={t('presence')}>
          <ul>
            <For each={session.peers()}>
              {(peer) => (
                <li data-peer={peer.name}>
                  <Avatar
                    name={peer.name}
                    color={peer.color}
                    kind={peer.partyKind}
                    label={`${peer.name}, ${peer.partyName}`}
                  />
                  <span>
                    {peer.name} · {peer.partyName}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
        <nav class="downloads" aria-label={t('export')}>
          <a
            class="button button-quiet"
            href={linkTo(documentApi.exportDocument, {
              params: { documentId: props.record.id },
              query: { format: 'pdf', appendix: 'vocabulary', lang: locale() },
            })}
            download=""
          >
            {t('exportWithGuide')}
          </a>
          <For each={['pdf', 'docx', 'md', 'html', 'json'] as const}>
            {(format) => (
              <a
                class="button button-quiet"
                href={linkTo(documentApi.exportDocument, {
                  params: { documentId: props.record.id },
                  query: { format, lang: locale() },
                })}
                download=""
              >
                {t('export')} {format.toUpperCase()}
              </a>
            )}
          </For>
        </nav>
      </Show>
      <Show when={!props.screen}>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={props.byParty()}
          onClick={() => props.setByParty(!props.byParty())}
        >
          {t('colourByParty')}
        </button>
        <Show when={props.byParty()}>
          <ul class="party-legend" aria-label={t('colourByPartyLegend')}>
            <For each={props.view.parties}>
              {(party) => (
                <li>
                  <span class={`by-party by-party-${party.kind}`}>
                    <span aria-hidden="true">{partyShape(party.kind)} </span>
                    {party.name}
                  </span>{' '}
                  – {t(party.kind === 'public' ? 'colourByPartyPublic' : 'colourByPartyNonprofit')}
                </li>
              )}
            </For>
            <li class="hint">{t('colourByPartyRest')}</li>
          </ul>
        </Show>
      </Show>
      <Show when={!props.screen && can(me.role, 'document.freeze')}>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={session.frozen() !== null}
          onClick={() => void setFrozen(session.frozen() === null)}
        >
          {session.frozen() === null ? t('freeze') : t('unfreeze')}
        </button>
        <Show when={freezeError()}>
          {(message) => (
            <p class="error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </Show>
      <Show when={!session.watchOnly}>
        <button
          type="button"
          class="button button-quiet"
          aria-pressed={props.screenMode()}
          onClick={() => props.setScreenMode(!props.screenMode())}
        >
          {props.screenMode() ? t('leaveSharedScreen') : t('sharedScreen')}
        </button>
      </Show>
      <Show when={!props.screen && can(me.role, 'screen.control')}>
        <ShowOnScreenButton
          workspaceId={props.view.workspace.id}
          content={() => ({ kind: 'document', documentId: props.record.id, fieldId: props.myFocus() })}
        />
      </Show>
    </header>
  )
}
