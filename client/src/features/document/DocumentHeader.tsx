import { A } from '@solidjs/router'
import { type Accessor, createResource, createSignal, For, onCleanup, type Setter, Show } from 'solid-js'
import { can } from '../../../../shared/access/permissions'
import * as documentApi from '../../../../shared/api/document-routes'
import * as versionApi from '../../../../shared/api/version-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { ExportFormat } from '../../../../shared/export/export-format'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import type { Template } from '../../../../shared/templates/template'
import { call, linkTo } from '../../api/api'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import type { DocumentSession } from '../../model/createDocumentSession'
import type { SyncStatus } from '../../sync/makeRoomConnection'
import { Avatar } from '../../ui/Avatar'
import { MenuButton, type MenuLink } from '../../ui/MenuButton'
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
  /** The whole sheet is on the page: what the first field does not need is asked for only then. */
  readonly sheetDrawn: Accessor<boolean>
}

/**
 * The document's header: where it belongs, its title and template; then a bar that stays in view while the
 * sheet scrolls, with the honest save status, a frozen document's banner, who is here, and the document's
 * few actions — one Exportera menu, colour by party and freeze as toggles, and the shared screen.
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
  // The filing bundle is of a saved version: the newest, known again whenever the server announces a change.
  const [versions, { refetch }] = createResource(
    () => (!props.screen && props.sheetDrawn()) || null,
    async () => (await call(versionApi.listVersions, { params: { documentId: props.record.id } })).versions,
  )
  onCleanup(session.onVersionsChanged(() => void refetch()))
  const exportLink = (format: ExportFormat, label: string, appendix?: 'vocabulary'): MenuLink => ({
    label,
    href: linkTo(documentApi.exportDocument, {
      params: { documentId: props.record.id },
      query: { format, lang: locale(), ...(appendix === undefined ? {} : { appendix }) },
    }),
  })
  const bundleLink = (): MenuLink => {
    const newest = versions()?.at(-1)
    return newest === undefined
      ? { label: t('exportBundleNoVersion') }
      : {
          label: t('exportBundle', { number: newest.number }),
          href: linkTo(versionApi.getVersionBundle, {
            params: { documentId: props.record.id, number: newest.number },
            query: { lang: locale() },
          }),
        }
  }

  // The bar is the header's sibling, not its child: a sticky element stays only within its parent's box.
  return (
    <>
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
        <Show when={props.screen}>
          <EqualVoice
            documentId={props.record.id}
            parties={props.view.parties}
            template={props.template}
            compact
          />
        </Show>
      </header>
      <div class="document-bar" data-document-bar="true">
        <div class="document-bar-row">
          <p role="status" class={`sync-status status-${session.status()}`} data-status={session.status()}>
            {t(statusText[session.status()])}
            {session.watchOnly ? ` · ${t('readOnly')}` : ''}
          </p>
          <Show when={!props.screenMode()}>
            <section class="presence" aria-label={t('presence')}>
              <ul>
                <For each={session.peers()}>
                  {(peer) => (
                    <li data-peer={peer.name} class="presence-pill">
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
          </Show>
          <Show when={!props.screen}>
            <div class="document-actions">
              <Show when={!props.screenMode()}>
                <MenuButton
                  label={t('exportMenu')}
                  items={[exportLink('pdf', 'PDF'), exportLink('docx', 'DOCX (Word)'), bundleLink()]}
                  more={{
                    label: t('exportMore'),
                    items: [
                      exportLink('pdf', t('exportWithGuide'), 'vocabulary'),
                      exportLink('md', 'Markdown'),
                      exportLink('html', 'HTML'),
                      exportLink('json', 'JSON'),
                    ],
                  }}
                />
              </Show>
              <button
                type="button"
                class="button toggle"
                role="switch"
                aria-checked={props.byParty()}
                onClick={() => props.setByParty(!props.byParty())}
              >
                {t('colourByParty')}
              </button>
              <Show when={can(me.role, 'document.freeze')}>
                <button
                  type="button"
                  class="button toggle"
                  role="switch"
                  aria-checked={session.frozen() !== null}
                  onClick={() => void setFrozen(session.frozen() === null)}
                >
                  {t('freezeToggle')}
                </button>
              </Show>
              <Show when={can(me.role, 'screen.control')}>
                <ShowOnScreenButton
                  workspaceId={props.view.workspace.id}
                  content={() => ({
                    kind: 'document',
                    documentId: props.record.id,
                    fieldId: props.myFocus(),
                  })}
                />
              </Show>
              <button
                type="button"
                class="button button-quiet screen-mode-toggle"
                aria-pressed={props.screenMode()}
                onClick={() => props.setScreenMode(!props.screenMode())}
              >
                {props.screenMode() ? t('leaveSharedScreen') : t('sharedScreen')}
              </button>
            </div>
          </Show>
        </div>
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
        <Show when={freezeError()}>
          {(message) => (
            <p class="error" role="alert">
              {message()}
            </p>
          )}
        </Show>
        {/* Over the page, not in its flow: turning the colours on moves no card. */}
        <Show when={props.byParty() && !props.screen}>
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
      </div>
    </>
  )
}
