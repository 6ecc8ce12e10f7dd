import type { Node } from 'prosemirror-model'
import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Lexicon } from '../../../shared/agreement/hunspell-lexicon'
import { findVocabulary, type VocabularyTerm } from '../../../shared/agreement/vocabulary'
import { afterNextFrame } from '../ui/afterNextFrame'

/** A purchase or sanction word in the editor, at document positions. */
export interface EditorHit {
  readonly from: number
  readonly to: number
  readonly found: string
  /** The guide's word, for the title. */
  readonly suggestion: string
  /** What replaces the hit; null for a compound that must be reworded. */
  readonly replacement: string | null
  readonly compound: 'first' | 'last' | null
  readonly kind: VocabularyTerm['kind']
}

interface VocabularyState {
  readonly hits: readonly EditorHit[]
  readonly decorations: DecorationSet
  /** The document changed since the last search: the hits were only moved along with the text. */
  readonly stale: boolean
}

const key = new PluginKey<VocabularyState>('vocabulary')

/** A hit within one textblock, at offsets from the block's start. */
type BlockHit = Omit<EditorHit, 'from' | 'to'> & { readonly start: number; readonly end: number }

/**
 * The hits of each textblock already searched, for one word list and lexicon. ProseMirror's nodes are
 * immutable and y-prosemirror keeps the nodes of paragraphs a change did not touch, so after a keystroke —
 * anyone's — only the paragraph it changed is searched again, not the whole field.
 */
class BlockHitCache {
  private blocks = new WeakMap<Node, readonly BlockHit[]>()
  private vocabulary: readonly VocabularyTerm[] | undefined = undefined
  private lexicon: Lexicon | null = null

  hitsOf(
    block: Node,
    vocabulary: readonly VocabularyTerm[] | undefined,
    lexicon: Lexicon | null,
  ): readonly BlockHit[] {
    if (vocabulary !== this.vocabulary || lexicon !== this.lexicon) {
      this.blocks = new WeakMap()
      this.vocabulary = vocabulary
      this.lexicon = lexicon
    }
    const known = this.blocks.get(block)
    if (known !== undefined) return known
    // Inline leaves other than text keep their width with a placeholder, so offsets stay positions.
    let text = ''
    block.forEach((child) => {
      text += child.isText ? (child.text ?? '') : '\ufffc'.repeat(child.nodeSize)
    })
    const hits = findVocabulary(text, vocabulary, lexicon).map(
      (hit): BlockHit => ({
        start: hit.start,
        end: hit.end,
        found: hit.found,
        suggestion: hit.suggestion,
        replacement: hit.replacement,
        compound: hit.compound,
        kind: hit.kind,
      }),
    )
    this.blocks.set(block, hits)
    return hits
  }
}

/** Every hit in the document, textblock by textblock (a hit never spans two paragraphs). */
const findHits = (
  doc: Node,
  cache: BlockHitCache,
  vocabulary: readonly VocabularyTerm[] | undefined,
  lexicon: Lexicon | null,
): EditorHit[] => {
  const hits: EditorHit[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    for (const { start, end, ...hit } of cache.hitsOf(node, vocabulary, lexicon)) {
      hits.push({ ...hit, from: pos + 1 + start, to: pos + 1 + end })
    }
    return false
  })
  return hits
}

const stateOf = (
  doc: Node,
  cache: BlockHitCache,
  label: (hit: EditorHit) => string,
  vocabulary: readonly VocabularyTerm[] | undefined,
  lexicon: Lexicon | null,
) => {
  const hits = findHits(doc, cache, vocabulary, lexicon)
  return {
    stale: false,
    hits,
    decorations: DecorationSet.create(
      doc,
      hits.map((hit) =>
        Decoration.inline(hit.from, hit.to, {
          class: `vocab-hit vocab-${hit.kind}`,
          title: label(hit),
          'data-suggestion': hit.replacement ?? '',
        }),
      ),
    ),
  }
}

/**
 * Where the caret is. The browser's selection may be newer than ProseMirror's (a Ctrl+Home just before is
 * read by ProseMirror on the next selectionchange), so it is read from the DOM when it is in this editor.
 */
const caretOf = (view: EditorView): number => {
  const selection = (view.root as Document).getSelection?.()
  const node = selection?.focusNode
  if (selection == null || node == null || !view.dom.contains(node)) return view.state.selection.from
  try {
    return view.posAtDOM(node, selection.focusOffset)
  } catch {
    return view.state.selection.from
  }
}

/** Replaces one hit with its replacement, as a normal edit (synced and undoable like typing); a hit to reword is left. */
export const replaceEditorHit = (view: EditorView, hit: EditorHit): void => {
  if (hit.replacement === null) return
  view.dispatch(view.state.tr.insertText(hit.replacement, hit.from, hit.to))
}

/** Finds the hits again (the workspace's word list changed). */
export const refreshVocabulary = (view: EditorView): void => {
  view.dispatch(view.state.tr.setMeta(key, true))
}

/** The hits the plugin found in this editor's current document. */
export const editorHits = (state: EditorState): readonly EditorHit[] => key.getState(state)?.hits ?? []

/** The document changed since the guide last searched it (its view searches again just after the frame). */
export const vocabularyIsStale = (state: EditorState): boolean => key.getState(state)?.stale === true

/** The hits and underlines moved along with a change, without searching: the search follows after the frame. */
const mapped = (previous: VocabularyState, tr: Transaction): VocabularyState => ({
  stale: true,
  hits: previous.hits.flatMap((hit) => {
    const from = tr.mapping.map(hit.from, 1)
    const to = tr.mapping.map(hit.to, -1)
    return from < to ? [{ ...hit, from, to }] : []
  }),
  decorations: previous.decorations.map(tr.mapping, tr.doc),
})

/**
 * The vocabulary guide in the editor: purchase and sanction words are underlined (with the suggestion in the
 * title), and Alt+Enter with the caret on one replaces it with the suggestion. A change — a keystroke, or one
 * of the room's — moves the underlines with the text at once; the changed paragraphs are searched again just
 * after the frame that shows it, at most once a frame: searching a long paragraph on every keystroke of 30
 * typists delayed the paint of one's own.
 */
export const vocabularyPlugin = (
  label: (hit: EditorHit) => string,
  vocabulary: () => readonly VocabularyTerm[] | undefined,
  lexicon: () => Lexicon | null,
): Plugin<VocabularyState> => {
  const cache = new BlockHitCache()
  return new Plugin<VocabularyState>({
    key,
    state: {
      // A new editor starts unsearched and its view searches just after the frame that first shows it: the
      // underlines are not what a person opening a document waits for, and the word list and lexicon usually
      // arrive a moment later and search it again anyway.
      init: () => ({ stale: true, hits: [], decorations: DecorationSet.empty }),
      apply: (tr, previous) =>
        tr.getMeta(key) === true
          ? stateOf(tr.doc, cache, label, vocabulary(), lexicon())
          : tr.docChanged
            ? mapped(previous, tr)
            : previous,
    },
    view: (editorView) => {
      let cancelSearch: (() => void) | null = null
      const searchAfterFrame = (view: EditorView) => {
        if (!vocabularyIsStale(view.state) || cancelSearch !== null) return
        cancelSearch = afterNextFrame(() => {
          cancelSearch = null
          if (vocabularyIsStale(view.state)) refreshVocabulary(view)
        })
      }
      searchAfterFrame(editorView)
      return {
        update: searchAfterFrame,
        destroy: () => cancelSearch?.(),
      }
    },
    props: {
      decorations: (state) => key.getState(state)?.decorations ?? null,
      handleKeyDown: (view, event) => {
        if (event.key !== 'Enter' || !event.altKey || !view.editable) return false
        const from = caretOf(view)
        const hit = editorHits(view.state).find((candidate) => candidate.from <= from && from <= candidate.to)
        if (hit === undefined || hit.replacement === null) return false
        replaceEditorHit(view, hit)
        return true
      },
    },
  })
}
