import { describe, expect, it } from 'vitest'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { textRuns } from '../../../client/src/editor/partyColourPlugin'
import { richTextSchema } from '../../../client/src/editor/schema'
import { writeRichText } from '../../../shared/ydoc/rich-text-ydoc'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
}

describe('colour by party', () => {
  it('finds each writer’s runs of text at the editor’s positions, across paragraphs and lists', () => {
    const kommun = new Y.Doc()
    const forening = new Y.Doc()
    writeRichText(kommun.getXmlFragment('f'), [
      { type: 'paragraph', content: [{ text: 'Kommunen skriver.' }] },
      { type: 'bullet_list', items: [[{ type: 'paragraph', content: [{ text: 'En punkt' }] }]] },
    ])
    sync(kommun, forening)
    // The association adds to the first paragraph and to the list item.
    const fragment = forening.getXmlFragment('f')
    const paragraph = fragment.get(0) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert(8, ' och föreningen')
    const item = ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement
    ;(item.get(0) as Y.XmlText).insert(8, ' till')
    sync(kommun, forening)

    const doc = yXmlFragmentToProseMirrorRootNode(kommun.getXmlFragment('f'), richTextSchema)
    const runs = textRuns(kommun.getXmlFragment('f'), doc)
    expect(runs).not.toBeNull()
    const by = (client: number) =>
      runs!.filter((run) => run.client === client).map((run) => doc.textBetween(run.from, run.to))
    expect(by(kommun.clientID)).toEqual(['Kommunen', ' skriver.', 'En punkt'])
    expect(by(forening.clientID)).toEqual([' och föreningen', ' till'])
  })

  it('reports a mismatch instead of painting the wrong text while the editor is ahead of Yjs', () => {
    const ydoc = new Y.Doc()
    writeRichText(ydoc.getXmlFragment('f'), [{ type: 'paragraph', content: [{ text: 'Hej' }] }])
    const ahead = richTextSchema.node('doc', null, [
      richTextSchema.node('paragraph', null, [richTextSchema.text('Hej då')]),
    ])
    expect(textRuns(ydoc.getXmlFragment('f'), ahead)).toBeNull()
  })
})
