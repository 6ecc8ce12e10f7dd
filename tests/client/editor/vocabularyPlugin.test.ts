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

/** An editor state with the guide, its word list switchable, and a way to see what it found. */
const editor = (texts: readonly string[]) => {
  let vocabulary: readonly VocabularyTerm[] | undefined
  const stateOver = (doc: Node) =>
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
  let state = stateOver(schema.node('doc', null, texts.map(paragraph)))
  const apply = (tr: Transaction) => {
    state = state.apply(tr)
  }
  /** What the editor's view does just after the frame that shows a change: search the changed paragraphs. */
  const settle = () => {
    if (!vocabularyIsStale(state)) return
    const view = { state, dispatch: apply } as unknown as Parameters<typeof refreshVocabulary>[0]
    refreshVocabulary(view)
  }
  const found = () => editorHits(state).map((hit) => state.doc.textBetween(hit.from, hit.to))
  /** What a fresh editor over the same document finds: the answer without anything remembered. */
  const fresh = () => positionsOf(stateOver(state.doc))
  const positions = () => positionsOf(state)
  return {
    get state() {
      return state
    },
    apply,
    settle,
    found,
    fresh,
    positions,
    setVocabulary(next: readonly VocabularyTerm[]) {
      vocabulary = next
      // What refreshVocabulary dispatches, without a view.
      const view = { state, dispatch: apply } as unknown as Parameters<typeof refreshVocabulary>[0]
      refreshVocabulary(view)
    },
  }
}

describe('the language guide in the editor', () => {
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
