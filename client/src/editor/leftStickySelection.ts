import { Plugin, TextSelection } from 'prosemirror-state'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from 'y-prosemirror'
import * as Y from 'yjs'

interface Binding {
  readonly doc: Y.Doc
  readonly type: Y.XmlFragment
  readonly mapping: Map<unknown, unknown>
}

/**
 * Keeps my caret where I am typing when someone else types at the same spot.
 *
 * y-prosemirror restores the local selection after a remote change from relative positions that stick to the
 * character on the right; text another person inserts exactly at my caret then lands before my caret, my next
 * keystroke goes after their text, and two people typing at one place interleave letter by letter. This plugin
 * remembers the selection stuck to the character on the *left* (my own last letter) before every remote change
 * and puts it back afterwards, so each person's text stays whole and nobody's typing moves anyone's cursor.
 * Place it after ySyncPlugin.
 */
export const leftStickySelection = (): Plugin =>
  new Plugin({
    view(view) {
      const binding = (): Binding | null =>
        (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding ?? null
      let saved: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null = null

      const leftSticky = (pos: number, b: Binding): Y.RelativePosition => {
        const relative = absolutePositionToRelativePosition(
          pos,
          b.type,
          b.mapping as never,
        ) as Y.RelativePosition
        const absolute = Y.createAbsolutePositionFromRelativePosition(relative, b.doc)
        return absolute !== null && absolute.type instanceof Y.XmlText
          ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1)
          : relative
      }

      const before = () => {
        const b = binding()
        if (b === null || !view.hasFocus()) {
          saved = null
          return
        }
        const { anchor, head } = view.state.selection
        saved = { anchor: leftSticky(anchor, b), head: leftSticky(head, b) }
      }

      const after = (_doc: Y.Doc, transactions: Y.Transaction[]) => {
        const b = binding()
        const remember = saved
        saved = null
        if (b === null || remember === null) return
        // My own edits (and my undo) place the caret themselves.
        if (transactions.every((t) => t.origin === ySyncPluginKey || t.origin instanceof Y.UndoManager))
          return
        const anchor = relativePositionToAbsolutePosition(b.doc, b.type, remember.anchor, b.mapping as never)
        const head = relativePositionToAbsolutePosition(b.doc, b.type, remember.head, b.mapping as never)
        if (anchor === null || head === null) return
        const { selection } = view.state
        if (selection.anchor === anchor && selection.head === head) return
        const size = view.state.doc.content.size
        if (anchor > size || head > size) return
        view.dispatch(
          view.state.tr
            .setSelection(TextSelection.create(view.state.doc, anchor, head))
            .setMeta('addToHistory', false),
        )
      }

      const doc = binding()?.doc
      doc?.on('beforeAllTransactions', before)
      doc?.on('afterAllTransactions', after)
      return {
        destroy() {
          doc?.off('beforeAllTransactions', before)
          doc?.off('afterAllTransactions', after)
        },
      }
    },
  })
