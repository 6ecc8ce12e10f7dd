import type { Node } from 'prosemirror-model'
import { EditorState, type Transaction } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { richTextSchema as schema } from '../../../client/src/editor/schema'
import {
  editorHits,
  refreshVocabulary,
  vocabularyIsStale,
  vocabularyPlugin,
} from '../../../client/src/editor/vocabularyPlugin'
import { defaultVocabulary, type VocabularyTerm } from '../../../shared/agreement/vocabulary'

const paragraph = (text: string) => schema.node('paragraph', null, text === '' ? [] : [schema.text(text)])

/** The hits a state holds, by position and suggestion. */
const positionsOf = (state: EditorState) => editorHits(state).map((hit) => [hit.from, hit.to, hit.suggestion])

type View = Parameters<typeof refreshVocabulary>[0]

/** `state` after the search its view makes just after a frame, if it needs one. */
const searched = (state: EditorState): EditorState => {
  let next = state
  const dispatch = (tr: Transaction) => {
    next = state.apply(tr)
  }
  if (vocabularyIsStale(state)) refreshVocabulary({ state, dispatch } as unknown as View)
  return next
}

/** An editor state with the guide, its word list switchable, and a way to see what it found. */
const editor = (texts: readonly string[]) => {
  let vocabulary: readonly VocabularyTerm[] | undefined
  const unsearchedOver = (doc: Node) =>
    EditorState.create({
      schema,
      doc,
      plugins: [
        vocabularyPlugin(
          (hit) => hit.suggestion,
          () => vocabulary,
          () => null,
        ),
      ],
    })
  /** A new editor once its view has searched it (just after the frame that first shows it). */
  const stateOver = (doc: Node) => searched(unsearchedOver(doc))
  let state = stateOver(schema.node('doc', null, texts.map(paragraph)))
  const apply = (tr: Transaction) => {
    state = state.apply(tr)
  }
  /** What the editor's view does just after the frame that shows a change: search the changed paragraphs. */
  const settle = () => {
    state = searched(state)
  }
  const found = () => editorHits(state).map((hit) => state.doc.textBetween(hit.from, hit.to))
  /** What a fresh editor over the same document finds: the answer without anything remembered. */
  const fresh = () => positionsOf(stateOver(state.doc))
  const positions = () => positionsOf(state)
  return {
    get state() {
      return state
    },
    unsearchedOver,
    apply,
    settle,
    found,
    fresh,
    positions,
    setVocabulary(next: readonly VocabularyTerm[]) {
      vocabulary = next
      // What refreshVocabulary dispatches, without a view.
      refreshVocabulary({ state, dispatch: apply } as unknown as View)
    },
  }
}

describe('the language guide in the editor', () => {
  it('starts a new editor without searching it, and finds what a search finds once its view has searched', () => {
    const e = editor(['Kontraktet gäller.', 'Vid brott utgår vite.'])
    const opened = e.unsearchedOver(e.state.doc)
    expect(vocabularyIsStale(opened)).toBe(true)
    expect(editorHits(opened)).toEqual([])
    expect(positionsOf(searched(opened))).toEqual(e.positions())
    expect(e.found()).toEqual(['Kontraktet', 'vite'])
  })

  it('after typing in one paragraph, finds in every paragraph exactly what a fresh search finds, at the moved positions', () => {
    const e = editor(['Kontraktet gäller.', 'Vid brott utgår vite.', 'Inget här.'])
    expect(e.found()).toEqual(['Kontraktet', 'vite'])
    // Typing before the first paragraph's word moves every hit after it.
    e.apply(e.state.tr.insertText('Detta ', 1))
    e.settle()
    expect(e.positions()).toEqual(e.fresh())
    // A purchase word typed into the last paragraph is found; the others' hits stay.
    const end = e.state.doc.content.size - 1
    e.apply(e.state.tr.insertText(' Faktureras?', end))
    e.settle()
    expect(e.found()).toEqual(['Kontraktet', 'vite', 'Faktureras'])
    expect(e.positions()).toEqual(e.fresh())
    // Deleting the second paragraph's word drops its hit.
    const text = e.state.doc.child(1).textContent
    const at = e.state.doc.child(0).nodeSize + 1 + text.indexOf('vite')
    e.apply(e.state.tr.delete(at, at + 4))
    e.settle()
    expect(e.found()).toEqual(['Kontraktet', 'Faktureras'])
    expect(e.positions()).toEqual(e.fresh())
  })

  it('moves the underlines with a change at once and searches only after it, once for many changes', () => {
    const e = editor(['Kontraktet gäller.', 'Inget här.'])
    expect(e.found()).toEqual(['Kontraktet'])
    // Typed before the word: the underline moves with it, without a search.
    e.apply(e.state.tr.insertText('Detta ', 1))
    expect(vocabularyIsStale(e.state)).toBe(true)
    expect(e.found()).toEqual(['Kontraktet'])
    expect(e.positions()).toEqual(e.fresh())
    // A purchase word typed (keystroke by keystroke) is found once the view searches after the frame.
    for (const character of ' Vite.') e.apply(e.state.tr.insertText(character, e.state.doc.content.size - 1))
    expect(e.found()).toEqual(['Kontraktet'])
    e.settle()
    expect(vocabularyIsStale(e.state)).toBe(false)
    expect(e.found()).toEqual(['Kontraktet', 'Vite'])
    expect(e.positions()).toEqual(e.fresh())
    // Deleting an underlined word drops its underline at once.
    const at = e.state.doc.textContent.indexOf('Kontraktet') + 1
    e.apply(e.state.tr.delete(at, at + 'Kontraktet'.length))
    expect(e.found()).toEqual(['Vite'])
  })

  it('searches every paragraph again when the word list changes, even the ones nobody touched', () => {
    const e = editor(['Kontraktet gäller.', 'Vid brott utgår vite.'])
    expect(e.found()).toEqual(['Kontraktet', 'vite'])
    e.setVocabulary(defaultVocabulary.filter((term) => term.term !== 'vite'))
    expect(e.found()).toEqual(['Kontraktet'])
    e.setVocabulary(defaultVocabulary)
    expect(e.found()).toEqual(['Kontraktet', 'vite'])
  })
})
