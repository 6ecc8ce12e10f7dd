import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { partyShares } from '../../../shared/attribution/party-shares'
import { textAuthorship } from '../../../shared/attribution/text-authorship'

const write = (doc: Y.Doc, clientID: number, work: (doc: Y.Doc) => void) => {
  const writer = new Y.Doc()
  writer.clientID = clientID
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
  writer.clientID = clientID
  writer.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update))
  work(writer)
  writer.destroy()
}

describe('text authorship and party shares', () => {
  it('counts only current text by its writer: deleted text, formatting and structure count nothing', () => {
    const doc = new Y.Doc()
    write(doc, 1, (d) => d.getText('f:a').insert(0, 'Kommunen skriver.'))
    write(doc, 2, (d) => {
      d.getText('f:a').insert(0, 'Föreningen. ')
      d.getText('f:a').format(0, 5, { bold: true })
      d.getText('f:a').delete(12, 9) // "Kommunen " goes
      const paragraph = new Y.XmlElement('paragraph')
      d.getXmlFragment('f:b').insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText('Rad')])
    })
    const authorship = textAuthorship(doc, (client) => ({ 1: 'kommun', 2: 'forening' })[client] ?? null)
    expect(authorship).toEqual(
      new Map([
        [
          'f:a',
          new Map([
            ['kommun', 8],
            ['forening', 12],
          ]),
        ],
        ['f:b', new Map([['forening', 3]])],
      ]),
    )
  })

  it('lists every party (also at zero) in order, per field and overall, and keeps unknown writers apart', () => {
    const result = partyShares(
      new Map([
        [
          'f:a',
          new Map<string | null, number>([
            ['kommun', 300],
            ['forening', 100],
            [null, 50],
          ]),
        ],
        ['f:b:rows', new Map<string | null, number>([['forening', 100]])],
        ['meta', new Map<string | null, number>([['kommun', 999]])],
      ]),
      ['kommun', 'forening', 'tredje'],
      (name) => (name.startsWith('f:') ? (name.slice(2).split(':')[0] ?? null) : null),
    )
    expect(result.parties).toEqual([
      { partyId: 'kommun', characters: 300, share: 0.6 },
      { partyId: 'forening', characters: 200, share: 0.4 },
      { partyId: 'tredje', characters: 0, share: 0 },
    ])
    expect(result.unattributed).toBe(50)
    expect(result.fields.map((field) => [field.fieldId, field.parties.map((p) => p.share)])).toEqual([
      ['a', [0.75, 0.25, 0]],
      ['b', [0, 1, 0]],
    ])
    expect(partyShares(new Map(), ['kommun'], () => null).parties).toEqual([
      { partyId: 'kommun', characters: 0, share: null },
    ])
  })
})
