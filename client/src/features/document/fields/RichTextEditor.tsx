import { baseKeymap, setBlockType, toggleMark } from 'prosemirror-commands'
import { keymap } from 'prosemirror-keymap'
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list'
import { EditorState, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js'
import { initProseMirrorDoc, redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { VocabularyTerm } from '../../../../../shared/agreement/vocabulary'
import { leftStickySelection } from '../../../editor/leftStickySelection'
import { mountInTurn } from '../../../editor/mountInTurn'
import { type AuthorOf, partyColourPlugin, refreshPartyColours } from '../../../editor/partyColourPlugin'
import { richTextSchema as schema } from '../../../editor/schema'
import { refreshVocabulary, vocabularyPlugin } from '../../../editor/vocabularyPlugin'
import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/messages'
import { swedishLexicon } from '../../../model/swedishLexicon'
import { afterNextFrame } from '../../../ui/afterNextFrame'

export interface RichTextEditorProps {
  readonly fragment: Y.XmlFragment
  readonly awareness: Awareness | null
  readonly fieldId: string
  readonly labelId: string
  readonly label: string
  readonly readOnly: boolean
  /** Where Escape sends the focus (the field's card). */
  readonly onEscape: () => void
  /** Called with the editor once it exists (the language guide replaces words through it). */
  readonly onView?: (view: EditorView | null) => void
  /** The workspace's word list for the language guide (SKL's until it has loaded). */
  readonly vocabulary?: () => readonly VocabularyTerm[] | undefined
  /** When set, the text is painted by the party that wrote it ("colour by party"). */
  readonly authorOf?: () => AuthorOf | null
}

/** The cursor of another person: a line in their colour and a label with their name and party shape. */
const cursorBuilder = (user: { name?: string; color?: string; shape?: string }): HTMLElement => {
  const cursor = document.createElement('span')
  cursor.className = 'ProseMirror-yjs-cursor'
  cursor.style.borderColor = user.color ?? '#333'
  const label = document.createElement('span')
  label.className = 'cursor-label'
  label.style.backgroundColor = user.color ?? '#333'
  label.textContent = `${user.name ?? '?'} ${user.shape ?? ''}`.trim()
  cursor.append('\u2060', label, '\u2060')
  return cursor
}

type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean

/**
 * A collaborative rich-text field: ProseMirror bound to the field's Y.XmlFragment by y-prosemirror, with other
 * people's cursors (named, in this field only), undo of one's own changes, and a toolbar. Remote edits are not
 * announced (no live region), so a screen reader is not interrupted character by character.
 */
export const RichTextEditor = (props: RichTextEditorProps) => {
  const { t } = useI18n()
  let host!: HTMLDivElement
  let view: EditorView | null = null

  const run = (command: Command) => {
    if (view === null) return
    command(view.state, view.dispatch)
    view.focus()
  }
  // The letters follow the language (F/K/R in Swedish, B/I/H in English); the full name is the label.
  const tools: ReadonlyArray<{ label: MessageKey; text: () => string; command: Command }> = [
    { label: 'bold', text: () => t('boldShort'), command: toggleMark(schema.marks.strong!) },
    { label: 'italic', text: () => t('italicShort'), command: toggleMark(schema.marks.em!) },
    {
      label: 'heading',
      text: () => t('headingShort'),
      command: setBlockType(schema.nodes.heading!, { level: 1 }),
    },
    { label: 'bulletList', text: () => '•', command: wrapInList(schema.nodes.bullet_list!) },
    { label: 'orderedList', text: () => '1.', command: wrapInList(schema.nodes.ordered_list!) },
    { label: 'undo', text: () => '↶', command: (state) => undo(state) },
    { label: 'redo', text: () => '↷', command: (state) => redo(state) },
  ]
  // The toolbar is one tab stop; arrow keys, Home and End move between its buttons (WAI-ARIA toolbar).
  const [activeTool, setActiveTool] = createSignal(0)
  const toolButtons: HTMLButtonElement[] = []
  const onToolbarKey = (event: KeyboardEvent) => {
    const last = tools.length - 1
    const at = activeTool()
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % tools.length
        : event.key === 'ArrowLeft'
          ? (at + last) % tools.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null) return
    event.preventDefault()
    setActiveTool(next)
    toolButtons[next]?.focus()
  }

  const createView = () => {
    const item = schema.nodes.list_item!
    // A field with text starts with it. Started empty, y-prosemirror redraws it as soon as it is made, and that
    // update forces a layout of the whole page while the page is still being drawn (~100 ms of a throttled
    // phone for the document page's first section). An empty field starts as ProseMirror's empty paragraph.
    const initial = props.fragment.length > 0 ? initProseMirrorDoc(props.fragment, schema) : null
    const plugins = [
      ySyncPlugin(props.fragment, initial === null ? {} : { mapping: initial.mapping }),
      leftStickySelection(),
      ...(props.awareness === null
        ? []
        : [
            // The default 'cursor' field: y-prosemirror 1.3.7 writes a custom field but reads only 'cursor'.
            // Each editor draws only positions inside its own fragment, so one field serves every editor.
            yCursorPlugin(props.awareness, { cursorBuilder }),
          ]),
      yUndoPlugin(),
      vocabularyPlugin(
        (hit) =>
          hit.replacement === null
            ? t('vocabularyTitleCompound', { found: hit.found, suggestion: hit.suggestion })
            : t(hit.kind === 'sanction' ? 'vocabularyTitleSanction' : 'vocabularyTitle', {
                suggestion: hit.replacement,
              }),
        () => props.vocabulary?.(),
        swedishLexicon,
      ),
      partyColourPlugin(props.fragment, () => props.authorOf?.() ?? null),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-b': toggleMark(schema.marks.strong!),
        'Mod-i': toggleMark(schema.marks.em!),
        Enter: splitListItem(item),
        'Mod-[': liftListItem(item),
        'Mod-]': sinkListItem(item),
        Escape: () => {
          props.onEscape()
          return true
        },
      }),
      keymap(baseKeymap),
    ]
    view = new EditorView(host, {
      state: EditorState.create({ schema, plugins, ...(initial === null ? {} : { doc: initial.doc }) }),
      editable: () => !props.readOnly,
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': props.labelId,
        'aria-describedby': `${props.fieldId}-hint`,
        ...(props.readOnly ? { 'aria-readonly': 'true' } : {}),
        class: 'rich-text',
        'data-field': props.fieldId,
      },
    })
    props.onView?.(view)
  }
  // The toolbar's buttons come just after the first frame, in the row kept for them: seven buttons a field,
  // with their labels and keys, were a third of what the first frame drew, and a phone can show the text and
  // take a keystroke without them.
  const [toolsDrawn, setToolsDrawn] = createSignal(false)
  onCleanup(afterNextFrame(() => setToolsDrawn(true)))
  // One editor per task, the first at once: see mountInTurn.
  let cancelMount: () => void = () => undefined
  onMount(() => {
    cancelMount = mountInTurn(createView)
  })
  // These react to changes only: the editor was created with the current values, and updating a view just
  // made would redraw it and force a layout of the whole page per field, on the way to the first keystroke.
  createEffect(
    on(
      () => [props.vocabulary?.(), swedishLexicon()],
      () => {
        if (view !== null) refreshVocabulary(view)
      },
      { defer: true },
    ),
  )
  createEffect(
    on(
      () => props.authorOf?.(),
      () => {
        if (view !== null) refreshPartyColours(view)
      },
      { defer: true },
    ),
  )
  // Frozen or unfrozen while open: ProseMirror reads `editable` again on setProps.
  createEffect(
    on(
      () => props.readOnly,
      (readOnly) =>
        view?.setProps({
          attributes: {
            ...(view.props.attributes as Record<string, string>),
            'aria-readonly': String(readOnly),
          },
        }),
      { defer: true },
    ),
  )
  onCleanup(() => {
    cancelMount()
    props.onView?.(null)
    view?.destroy()
  })

  return (
    <div class="rich-text-field">
      {!props.readOnly && (
        <div
          class="toolbar"
          role="toolbar"
          aria-label={t('toolbar', { label: props.label })}
          onKeyDown={onToolbarKey}
        >
          <Show when={toolsDrawn()}>
            <For each={tools}>
              {(tool, index) => (
                <button
                  type="button"
                  class="tool"
                  title={t(tool.label)}
                  tabindex={index() === activeTool() ? 0 : -1}
                  ref={(button) => {
                    toolButtons[index()] = button
                  }}
                  onMouseDown={(event) => event.preventDefault()}
                  onFocus={() => setActiveTool(index())}
                  onClick={() => run(tool.command)}
                >
                  <span aria-hidden="true">{tool.text()}</span>
                  <span class="visually-hidden">{t(tool.label)}</span>
                </button>
              )}
            </For>
          </Show>
        </div>
      )}
      <div ref={host} class="editor-host" />
      <p id={`${props.fieldId}-hint`} class="visually-hidden">
        {t('editorHint')}
      </p>
    </div>
  )
}
