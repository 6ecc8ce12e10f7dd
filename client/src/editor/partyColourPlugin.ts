import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import * as Y from 'yjs'
import type { PartyKind } from '../../../shared/schema/party'

/** Who wrote with a Yjs client id: the party's side and name; null when not known (the server's own text). */
export type AuthorOf = (client: number) => { readonly kind: PartyKind; readonly name: string } | null

interface Run {
  readonly from: number
  readonly to: number
  readonly client: number
}

const key = new PluginKey<DecorationSet>('party-colour')

/**
 * The text runs of a fragment at ProseMirror positions. The editor's document mirrors the fragment node for
 * node (y-prosemirror), so an element's tags count one position each and text counts its characters.
 * Null when the two do not line up yet (a local edit not yet written to Yjs).
 */
export const textRuns = (fragment: Y.XmlFragment, doc: Node): Run[] | null => {
  const runs: Run[] = []
  const walk = (type: Y.XmlFragment | Y.XmlElement, start: number): number => {
    let pos = start
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        let item = child._start
        while (item !== null) {
          if (!item.deleted && item.countable) {
            const last = runs.at(-1)
            if (last !== undefined && last.to === pos && last.client === item.id.client) {
              runs[runs.length - 1] = { ...last, to: pos + item.length }
            } else {
              runs.push({ from: pos, to: pos + item.length, client: item.id.client })
            }
            pos += item.length
          }
          item = item.right as Y.Item | null
        }
      } else if (child instanceof Y.XmlElement) {
        pos = walk(child, pos + 1) + 1
      }
    }
    return pos
  }
  return walk(fragment, 0) === doc.content.size ? runs : null
}

const paint = (fragment: Y.XmlFragment, doc: Node, authorOf: AuthorOf | null): DecorationSet | null => {
  if (authorOf === null) return DecorationSet.empty
  const runs = textRuns(fragment, doc)
  if (runs === null) return null
  return DecorationSet.create(
    doc,
    runs.flatMap((run) => {
      const author = authorOf(run.client)
      return author === null
        ? []
        : [
            Decoration.inline(run.from, run.to, {
              class: `by-party by-party-${author.kind}`,
              title: author.name,
            }),
          ]
    }),
  )
}

/**
 * "Colour by party": each run of text gets its writer's party as a class (a tint and an underline style per
 * side, and the party's name as a title), from the server's record of who wrote with which client id.
 */
export const partyColourPlugin = (fragment: Y.XmlFragment, authorOf: () => AuthorOf | null): Plugin =>
  new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => paint(fragment, state.doc, authorOf()) ?? DecorationSet.empty,
      apply: (tr, previous) => {
        if (!tr.docChanged && tr.getMeta(key) !== true) return previous
        return paint(fragment, tr.doc, authorOf()) ?? previous.map(tr.mapping, tr.doc)
      },
    },
    props: { decorations: (state) => key.getState(state) ?? null },
    // A local edit reaches Yjs after this plugin's state was computed: paint again on the next frame.
    view: () => ({
      update: (view, previous) => {
        if (authorOf() !== null && view.state.doc !== previous.doc) {
          requestAnimationFrame(() => {
            if (!view.isDestroyed) refreshPartyColours(view)
          })
        }
      },
    }),
  })

export const refreshPartyColours = (view: EditorView): void => {
  view.dispatch(view.state.tr.setMeta(key, true))
}
