import type { EditorView } from 'prosemirror-view'
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  lazy,
  onCleanup,
  Show,
  Suspense,
} from 'solid-js'
import type * as Y from 'yjs'
import * as aidApi from '../../../../shared/api/aid-routes'
import type { WorkspaceView } from '../../../../shared/api/workspace-api'
import * as workspaceApi from '../../../../shared/api/workspace-routes'
import type { DocumentRecord } from '../../../../shared/schema/document-record'
import { templates } from '../../../../shared/templates'
import type { Field } from '../../../../shared/templates/template'
import { fieldIdsChangedBy } from '../../../../shared/ydoc/document-ydoc'
import { call } from '../../api/api'
import type { AuthorOf } from '../../editor/partyColourPlugin'
import { useI18n } from '../../i18n/i18n'
import { createDocumentSession } from '../../model/createDocumentSession'
import { DocumentHeader } from './DocumentHeader'
import { DocumentRoute } from './DocumentRoute'
import { FieldCard } from './FieldCard'
import { FieldEditor, type FieldEditorContext } from './fieldEditors'
import { presenceUserOf } from './presenceUser'

// The side panel (versions, the language and equality aids) is code of its own, loaded once the sheet is on
// the page: on a phone, evaluating and drawing it would otherwise delay the first field that can be typed in.
const DocumentSidePanel = lazy(() =>
  import('./DocumentSidePanel').then((module) => ({ default: module.DocumentSidePanel })),
)

export interface DocumentEditorProps {
  readonly record: DocumentRecord
  readonly view: WorkspaceView
  /** The shared screen: read-only, large type, no chrome, following the field the facilitator shows. */
  readonly screen?: boolean
  readonly focusFieldId?: () => string | null
}

/**
 * A document as the sheet it replaces: titled cards in the sheet's order, co-edited live — the header, the
 * cards with each field's editor (fieldEditors.tsx), and the side panel.
 */
export const DocumentEditor = (props: DocumentEditorProps) => {
  const { t, locale } = useI18n()
  const template = templates[props.record.template]
  const me = props.view.me
  const myParty = props.view.parties.find((party) => party.id === me.partyId)
  /** Never writes: a viewer, or the shared screen (which keeps nothing on the device and announces nobody). */
  const watchOnly = me.role === 'viewer' || props.screen === true
  const session = createDocumentSession({
    documentId: props.record.id,
    template,
    user: watchOnly ? null : presenceUserOf(me, myParty),
    frozen: props.record.frozen,
  })
  const [screenMode, setScreenMode] = createSignal(watchOnly)
  const cards = new Map<string, HTMLElement>()
  // The first section is drawn at once and the others in the next task: on a phone, drawing every card (the
  // tables and lists included) before the first field could be typed in cost ~60 ms of a throttled main thread.
  // Requests the first field does not need (the language guide's terms, the versions) and the side panel wait
  // for it too.
  const [wholeSheet, setWholeSheet] = createSignal(false)
  const drawRest = setTimeout(() => setWholeSheet(true))
  onCleanup(() => clearTimeout(drawRest))
  const sections = () => (wholeSheet() ? template.sections : template.sections.slice(0, 1))
  const [vocabulary, { mutate: setVocabulary }] = createResource(
    () => wholeSheet() || null,
    () => call(workspaceApi.getVocabulary, { params: { workspaceId: props.view.workspace.id } }),
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
    () => call(aidApi.getAuthors, { params: { documentId: props.record.id } }),
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
  // On the shared screen, bring a field to the top of the sheet, which scrolls inside the screen: the screen
  // itself never scrolls, so the header stays where the room expects it. The field is the one a facilitator
  // showed, and after that the one being written, so the room watches the text appear.
  let sheet: HTMLDivElement | undefined
  const bringIntoView = (fieldId: string) => {
    const card = cards.get(fieldId)
    if (card === undefined) return
    if (props.screen === true && sheet !== undefined) {
      sheet.scrollTop = card.getBoundingClientRect().top - sheet.getBoundingClientRect().top + sheet.scrollTop
    } else {
      card.scrollIntoView({ block: 'start', behavior: 'auto' })
    }
  }
  const [writtenField, setWrittenField] = createSignal<string | null>(null)
  createEffect(() => {
    const fieldId = props.focusFieldId?.()
    // Again once the whole sheet is there: the field shown may be in a later section.
    if (fieldId != null && wholeSheet()) bringIntoView(fieldId)
  })
  createEffect(() => {
    const fieldId = writtenField()
    if (fieldId !== null) bringIntoView(fieldId)
  })
  if (props.screen === true) {
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.local) return
      const changed = fieldIdsChangedBy(transaction)
      if (changed === 'all') return
      for (const fieldId of changed) {
        if (cards.has(fieldId)) {
          setWrittenField(fieldId)
          return
        }
      }
    }
    session.doc.on('afterTransaction', onTransaction)
    onCleanup(() => session.doc.off('afterTransaction', onTransaction))
  }
  const contextFor = (field: Field, labelId: string): FieldEditorContext => ({
    session,
    labelId,
    label: field.label[locale()],
    parties: props.view.parties,
    onFocus: () => {
      setMyFocus(field.id)
      session.focus(field.id)
    },
    onEscape: () => cards.get(field.id)?.focus(),
    onView: (view) => (view === null ? views.delete(field.id) : views.set(field.id, view)),
    vocabulary: () => vocabulary()?.terms,
    authorOf,
  })

  return (
    <div class={`document ${screenMode() ? 'screen-mode' : ''}`}>
      <DocumentHeader
        record={props.record}
        view={props.view}
        template={template}
        session={session}
        screen={props.screen === true}
        screenMode={screenMode}
        setScreenMode={setScreenMode}
        byParty={byParty}
        setByParty={setByParty}
        myFocus={myFocus}
        sheetDrawn={wholeSheet}
      />
      <div class="document-body">
        <div class="sheet" ref={sheet}>
          <p id="card-keys-hint" class="visually-hidden">
            {t('cardKeysHint')}
          </p>
          <For each={sections()}>
            {(section) => (
              <section class="sheet-section" aria-labelledby={`section-${section.id}`}>
                <h2 id={`section-${section.id}`}>{section.title[locale()]}</h2>
                <For each={section.fields}>
                  {(field) => {
                    const labelId = `label-${field.id}`
                    return (
                      <FieldCard
                        highlighted={props.focusFieldId?.() === field.id}
                        keyboard={props.screen !== true}
                        field={field}
                        labelId={labelId}
                        peers={session.peers().filter((peer) => peer.focus === field.id)}
                        ref={(element) => cards.set(field.id, element)}
                      >
                        <FieldEditor field={field} context={contextFor(field, labelId)} />
                      </FieldCard>
                    )
                  }}
                </For>
              </section>
            )}
          </For>
        </div>
        {/* With the rest of the sheet: its code is fetched after the first frame anyway, and asking for it
            (Suspense, the lazy import's preload links) took ~10 ms of a throttled phone before that frame. */}
        <Show when={!screenMode() && wholeSheet()}>
          <Suspense>
            <DocumentSidePanel
              record={props.record}
              view={props.view}
              template={template}
              session={session}
              vocabulary={vocabulary()}
              onVocabulary={setVocabulary}
              views={views}
              onShowField={showField}
            />
          </Suspense>
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
