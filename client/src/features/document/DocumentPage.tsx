import { A } from '@solidjs/router'
import type { EditorView } from 'prosemirror-view'
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
} from 'solid-js'
import * as Y from 'yjs'
import { can } from '../../../../shared/access/permissions'
import { ScreenFocusState, VocabularyState, type WorkspaceView } from '../../../../shared/api/workspace-api'
import { ClientAuthors } from '../../../../shared/attribution/client-authors'
import type { FieldValues } from '../../../../shared/document/field-value'
import { DocumentRecord } from '../../../../shared/schema/document-record'
import { templates } from '../../../../shared/templates'
import type { Field } from '../../../../shared/templates/template'
import { fieldTypeName } from '../../../../shared/ydoc/document-ydoc'
import { api } from '../../api/api'
import type { AuthorOf } from '../../editor/partyColourPlugin'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { createDocumentValue } from '../../model/createDocumentValue'
import { createRoomConnection } from '../../sync/createRoomConnection'
import type { SyncStatus } from '../../sync/makeRoomConnection'
import { Avatar } from '../../ui/Avatar'
import { partyShape } from '../../ui/PartyMark'
import { Tabs } from '../../ui/Tabs'
import { EqualVoice } from '../aids/EqualVoice'
import { IndicatorsPanel } from '../aids/IndicatorsPanel'
import { VocabularyPanel } from '../aids/VocabularyPanel'
import { VersionsPanel } from '../versions/VersionsPanel'
import { DocumentRoute } from './DocumentRoute'
import { FieldCard } from './FieldCard'
import { BudgetEditor } from './fields/BudgetEditor'
import { ChecklistEditor } from './fields/ChecklistEditor'
import { ListEditor } from './fields/ListEditor'
import { RichTextEditor } from './fields/RichTextEditor'
import { ChoiceEditor, DateEditor } from './fields/SimpleEditors'
import { TableEditor } from './fields/TableEditor'
import { YTextInput } from './fields/YTextInput'
import { announcePresence, type Peer, peersOf } from './presence'

const statusText: Record<SyncStatus, MessageKey> = {
  connecting: 'statusConnecting',
  syncing: 'statusSyncing',
  saved: 'statusSaved',
  offline: 'statusOfflineClean',
  'offline-dirty': 'statusOffline',
  'no-access': 'statusNoAccess',
}

export interface DocumentEditorProps {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  /** The shared screen: read-only, large type, no chrome, following the field the facilitator shows. */
  readonly screen?: boolean
  readonly focusFieldId?: () => string | null
}

/** A document as the sheet it replaces: titled cards in the sheet's order, co-edited live. */
export const DocumentEditor = (props: DocumentEditorProps) => {
  const { t, locale, formatDateTime } = useI18n()
  const template = templates[props.record.template]
  const me = props.view.me
  const myParty = props.view.parties.find((party) => party.id === me.partyId)
  /** Never writes: a viewer, or the shared screen. */
  const watchOnly = me.role === 'viewer' || props.screen === true
  const doc = new Y.Doc()
  onCleanup(() => doc.destroy())
  // A shared screen keeps nothing on the device and announces no presence of its own.
  const connection = createRoomConnection({
    docId: props.record.id,
    doc,
    persist: !watchOnly,
    frozen: props.record.frozen,
  })
  /** Watch-only, or frozen for signing (the server would drop the edits). */
  const readOnly = () => watchOnly || connection.frozenSignal() !== null
  const [freezeError, setFreezeError] = createSignal<string | null>(null)
  const setFrozen = async (frozen: boolean) => {
    setFreezeError(null)
    try {
      await api(`/api/documents/${props.record.id}/freeze`, DocumentRecord, {
        method: frozen ? 'PUT' : 'DELETE',
      })
    } catch (error) {
      setFreezeError(String(error))
    }
  }
  const awareness = connection.provider.awareness
  announcePresence(awareness, me, myParty, watchOnly)
  const value = createDocumentValue(doc, template)
  const [peers, setPeers] = createSignal<Peer[]>([])
  const onPresence = () => setPeers(peersOf(awareness))
  awareness.on('change', onPresence)
  onCleanup(() => awareness.off('change', onPresence))
  const [screenMode, setScreenMode] = createSignal(watchOnly)
  const cards = new Map<string, HTMLElement>()
  const [vocabulary, { mutate: setVocabulary }] = createResource(() =>
    api(`/api/workspaces/${props.view.workspace.id}/vocabulary`, VocabularyState),
  )
  /** The rich-text editors by field, for the language guide's replacements. */
  const views = new Map<string, EditorView>()
  const showField = (fieldId: string) => {
    const card = cards.get(fieldId)
    card?.scrollIntoView({ block: 'center', behavior: 'auto' })
    card?.focus()
  }
  // "Colour by party": who wrote with which client id, fetched only while the view is on and kept fresh.
  const [byParty, setByParty] = createSignal(false)
  const [authors, { refetch: refetchAuthors }] = createResource(
    () => byParty() || null,
    () => api(`/api/documents/${props.record.id}/authors`, ClientAuthors),
  )
  const authorsTimer = setInterval(() => {
    if (byParty()) void refetchAuthors()
  }, 10_000)
  onCleanup(() => clearInterval(authorsTimer))
  const authorOf = createMemo((): AuthorOf | null => {
    const loaded = authors()
    if (!byParty() || loaded === undefined) return null
    const partyOf = new Map(loaded.authors.map((author) => [author.client, author.partyId]))
    return (client) => {
      const party = props.view.parties.find((candidate) => candidate.id === partyOf.get(client))
      return party === undefined ? null : { kind: party.kind, name: party.name }
    }
  })
  const [myFocus, setMyFocus] = createSignal<string | null>(null)
  const [shown, setShown] = createSignal(false)
  const showOnScreen = async () => {
    await api(`/api/workspaces/${props.view.workspace.id}/screen`, ScreenFocusState, {
      method: 'POST',
      body: { documentId: props.record.id, fieldId: myFocus() },
    })
    setShown(true)
    setTimeout(() => setShown(false), 2_000)
  }
  // On the shared screen, bring the field the facilitator shows into view.
  createEffect(() => {
    const fieldId = props.focusFieldId?.()
    if (fieldId == null) return
    cards.get(fieldId)?.scrollIntoView({ block: 'start', behavior: 'auto' })
  })
  const focusField = (fieldId: string) => {
    setMyFocus(fieldId)
    if (!watchOnly) awareness.setLocalStateField('focus', fieldId)
  }

  const editorFor = (field: Field, labelId: string) => {
    const onFocus = () => focusField(field.id)
    const fieldValue = () => value.fields[field.id]
    return (
      <Switch>
        <Match when={field.kind === 'richtext'}>
          <div onFocusIn={onFocus}>
            <RichTextEditor
              fragment={doc.getXmlFragment(fieldTypeName(field))}
              awareness={watchOnly ? null : awareness}
              fieldId={field.id}
              labelId={labelId}
              label={field.label[locale()]}
              readOnly={readOnly()}
              onEscape={() => cards.get(field.id)?.focus()}
              onView={(view) => (view === null ? views.delete(field.id) : views.set(field.id, view))}
              vocabulary={() => vocabulary()?.terms}
              authorOf={authorOf}
            />
          </div>
        </Match>
        <Match when={field.kind === 'text'}>
          <YTextInput
            text={doc.getText(fieldTypeName(field))}
            labelledBy={labelId}
            readOnly={readOnly()}
            onFocus={onFocus}
          />
        </Match>
        <Match when={field.kind === 'list' && field}>
          {(list) => (
            <ListEditor
              doc={doc}
              field={list()}
              items={fieldValue() as FieldValues['list']}
              labelId={labelId}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
        <Match when={field.kind === 'table' && field}>
          {(table) => (
            <TableEditor
              doc={doc}
              field={table()}
              rows={fieldValue() as FieldValues['table']}
              labelId={labelId}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
        <Match when={field.kind === 'checklist' && field}>
          {(checklist) => (
            <ChecklistEditor
              doc={doc}
              field={checklist()}
              entries={fieldValue() as FieldValues['checklist']}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
        <Match when={field.kind === 'budget' && field}>
          {(budget) => (
            <BudgetEditor
              doc={doc}
              field={budget()}
              value={fieldValue() as FieldValues['budget']}
              parties={props.view.parties}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
        <Match when={field.kind === 'date' && field}>
          {(date) => (
            <DateEditor
              doc={doc}
              field={date()}
              value={fieldValue() as string | null}
              labelId={labelId}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
        <Match when={field.kind === 'choice' && field}>
          {(choice) => (
            <ChoiceEditor
              doc={doc}
              field={choice()}
              value={fieldValue() as string | null}
              labelId={labelId}
              readOnly={readOnly()}
              onFocus={onFocus}
            />
          )}
        </Match>
      </Switch>
    )
  }

  return (
    <div class={`document ${screenMode() ? 'screen-mode' : ''}`}>
      <header class="document-header">
        <p class="breadcrumb">
          <A href={`/w/${props.view.workspace.id}`}>{props.view.workspace.name}</A>
        </p>
        <h1>{props.record.title}</h1>
        <p class="hint">{template.title[locale()]}</p>
        <Show when={props.record.template === 'cafe' && !props.screen}>
          <p>
            <A class="button button-primary" href={`/w/${props.view.workspace.id}/cafe/${props.record.id}`}>
              {t('cafeOpen')}
            </A>
          </p>
        </Show>
        <p
          role="status"
          class={`sync-status status-${connection.statusSignal()}`}
          data-status={connection.statusSignal()}
        >
          {t(statusText[connection.statusSignal()])}
          {watchOnly ? ` · ${t('readOnly')}` : ''}
        </p>
        <Show when={connection.frozenSignal()}>
          {(frozen) => (
            <p class="frozen-banner" role="status" data-frozen="true">
              <span aria-hidden="true">🔒 </span>
              {t('frozenBanner', {
                name: frozen().by,
                time: formatDateTime(frozen().at),
              })}
            </p>
          )}
        </Show>
        <Show when={props.screen === true}>
          <EqualVoice documentId={props.record.id} parties={props.view.parties} template={template} compact />
        </Show>
        <Show when={!screenMode()}>
          <section class="presence" aria-label={t('presence')}>
            <ul>
              <For each={peers()}>
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
              href={`/api/documents/${props.record.id}/export?format=pdf&appendix=vocabulary&lang=${locale()}`}
              download=""
            >
              {t('exportWithGuide')}
            </a>
            <For each={['pdf', 'docx', 'md', 'html', 'json'] as const}>
              {(format) => (
                <a
                  class="button button-quiet"
                  href={`/api/documents/${props.record.id}/export?format=${format}&lang=${locale()}`}
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
            aria-pressed={byParty()}
            onClick={() => setByParty(!byParty())}
          >
            {t('colourByParty')}
          </button>
          <Show when={byParty()}>
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
            aria-pressed={connection.frozenSignal() !== null}
            onClick={() => void setFrozen(connection.frozenSignal() === null)}
          >
            {connection.frozenSignal() === null ? t('freeze') : t('unfreeze')}
          </button>
          <Show when={freezeError()}>
            {(message) => (
              <p class="error" role="alert">
                {message()}
              </p>
            )}
          </Show>
        </Show>
        <Show when={!watchOnly}>
          <button
            type="button"
            class="button button-quiet"
            aria-pressed={screenMode()}
            onClick={() => setScreenMode(!screenMode())}
          >
            {screenMode() ? t('leaveSharedScreen') : t('sharedScreen')}
          </button>
        </Show>
        <Show when={!props.screen && can(me.role, 'screen.control')}>
          <button type="button" class="button" onClick={() => void showOnScreen()}>
            {t('showOnScreen')}
            <span role="status" class="copied">
              {shown() ? ` ✓ ${t('shownOnScreen')}` : ''}
            </span>
          </button>
        </Show>
      </header>
      <div class="document-body">
        <div class="sheet">
          <For each={template.sections}>
            {(section) => (
              <section class="sheet-section" aria-labelledby={`section-${section.id}`}>
                <h2 id={`section-${section.id}`}>{section.title[locale()]}</h2>
                <For each={section.fields}>
                  {(field) => {
                    const labelId = `label-${field.id}`
                    return (
                      <FieldCard
                        highlighted={props.focusFieldId?.() === field.id}
                        field={field}
                        labelId={labelId}
                        peers={peers().filter((peer) => peer.focus === field.id)}
                        ref={(element) => cards.set(field.id, element)}
                      >
                        {editorFor(field, labelId)}
                      </FieldCard>
                    )
                  }}
                </For>
              </section>
            )}
          </For>
        </div>
        <Show when={!screenMode()}>
          <aside class="side-panel" aria-label={t('sidePanel')}>
            <Tabs
              label={t('sidePanel')}
              idPrefix="side"
              tabs={[
                {
                  id: 'versions',
                  label: t('tabVersions'),
                  content: () => <VersionsPanel record={props.record} view={props.view} />,
                },
                {
                  id: 'equal-voice',
                  label: t('tabEqualVoice'),
                  content: () => (
                    <EqualVoice
                      documentId={props.record.id}
                      parties={props.view.parties}
                      template={template}
                    />
                  ),
                },
                {
                  id: 'vocabulary',
                  label: t('tabVocabulary'),
                  content: () => (
                    <VocabularyPanel
                      workspaceId={props.view.workspace.id}
                      canEdit={can(me.role, 'workspace.manage')}
                      vocabulary={vocabulary()}
                      onVocabulary={setVocabulary}
                      doc={doc}
                      value={value}
                      template={template}
                      views={views}
                      readOnly={readOnly()}
                      onShowField={showField}
                    />
                  ),
                },
                ...(props.record.template === 'agreement'
                  ? [
                      {
                        id: 'indicators',
                        label: t('tabIndicators'),
                        content: () => (
                          <IndicatorsPanel
                            documentId={props.record.id}
                            view={props.view}
                            template={template}
                            onShowField={showField}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </aside>
        </Show>
      </div>
    </div>
  )
}

/** The document page: its registry entry and the workspace, then the editor. */
const DocumentPage = () => (
  <DocumentRoute>{(record, view) => <DocumentEditor record={record} view={view} />}</DocumentRoute>
)

export default DocumentPage
