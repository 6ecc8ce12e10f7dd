import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { richTextSchema } from '../../../client/src/editor/schema'
import { type Block, normalizeRichText } from '../../../shared/document/rich-text'
import { templates } from '../../../shared/templates'
import { readRichText, writeRichText } from '../../../shared/ydoc/rich-text-ydoc'
import { arbitraryDocument } from '../../helpers/arbitrary-document'

/** Random rich text, taken from the generator of a template whose first field is rich text. */
const richText: fc.Arbitrary<Block[]> = arbitraryDocument(templates['dwa-1']).map(
  (value) => value.fields.challenge as Block[],
)

/** The ProseMirror document a ProseMirror user would have typed to get these blocks. */
const toProseMirror = (blocks: readonly Block[]): Node => {
  const s = richTextSchema
  const inlineNodes = (content: Extract<Block, { content: unknown }>['content']) =>
    content.map((run) =>
      s.text(run.text, [
        ...(run.bold ? [s.marks.strong!.create()] : []),
        ...(run.italic ? [s.marks.em!.create()] : []),
        ...(run.link ? [s.marks.link!.create({ href: run.link })] : []),
      ]),
    )
  const node = (block: Block): Node => {
    switch (block.type) {
      case 'paragraph':
        return s.node('paragraph', null, inlineNodes(block.content))
      case 'heading':
        return s.node('heading', { level: block.level }, inlineNodes(block.content))
      case 'bullet_list':
      case 'ordered_list':
        return s.node(
          block.type,
          null,
          block.items.map((item) => {
            // ProseMirror's list items start with a paragraph; a leading list gets an empty one in front.
            const children = item.map(node)
            if (children[0]?.type.name !== 'paragraph') children.unshift(s.node('paragraph'))
            return s.node('list_item', null, children)
          }),
        )
    }
  }
  return s.node('doc', null, blocks.map(node))
}

/** What ProseMirror's schema makes of the blocks (list items always start with a paragraph). */
const asProseMirrorWould = (blocks: readonly Block[]): Block[] =>
  normalizeRichText(
    blocks.map((block): Block => {
      if (block.type !== 'bullet_list' && block.type !== 'ordered_list') return block
      return {
        ...block,
        items: block.items.map((item) => {
          const fixed = asProseMirrorWould(item)
          return fixed[0]?.type === 'paragraph' ? fixed : [{ type: 'paragraph', content: [] }, ...fixed]
        }),
      }
    }),
  )

describe('rich text in Yjs agrees with the y-prosemirror editor binding', () => {
  it('what shared/ writes, y-prosemirror reads as the same ProseMirror document', () => {
    fc.assert(
      fc.property(richText, (blocks) => {
        const doc = new Y.Doc()
        const fragment = doc.getXmlFragment('f')
        doc.transact(() => writeRichText(fragment, asProseMirrorWould(blocks)))
        const read = yXmlFragmentToProseMirrorRootNode(fragment, richTextSchema)
        expect(read.toJSON()).toEqual(toProseMirror(asProseMirrorWould(blocks)).toJSON())
        doc.destroy()
      }),
      { seed: 7, numRuns: 60 },
    )
  })

  it('what y-prosemirror writes from an editor document, shared/ reads as the same blocks', () => {
    fc.assert(
      fc.property(richText, (blocks) => {
        const expected = asProseMirrorWould(blocks)
        const doc = new Y.Doc()
        const fragment = doc.getXmlFragment('f')
        prosemirrorToYXmlFragment(toProseMirror(expected), fragment)
        expect(readRichText(fragment)).toEqual(expected)
        doc.destroy()
      }),
      { seed: 8, numRuns: 60 },
    )
  })
})
