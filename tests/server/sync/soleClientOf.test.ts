import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { soleClientOf } from '../../../server/sync/soleClientOf'

const typed = (clientID: number, text: string): { doc: Y.Doc; update: Uint8Array } => {
  const doc = new Y.Doc()
  doc.clientID = clientID
  let update: Uint8Array = new Uint8Array()
  doc.on('update', (u: Uint8Array) => {
    update = u
  })
  doc.getText('t').insert(0, text)
  return { doc, update }
}

describe('soleClientOf', () => {
  it('reads the client id of a keystroke from its header', () => {
    expect(soleClientOf(typed(4711, 'a').update)).toBe(4711)
  })

  it('reads the client id of one client’s many structs (text and a map entry)', () => {
    const { doc } = typed(99, 'idémöte')
    doc.getMap('m').set('k', 'v')
    expect(soleClientOf(Y.encodeStateAsUpdate(doc))).toBe(99)
  })

  it('is null for an update adding content under two client ids, as the full check must look at each', () => {
    const merged = Y.mergeUpdates([typed(1, 'a').update, typed(2, 'b').update])
    expect(soleClientOf(merged)).toBeNull()
  })

  it('is null for an update that only deletes', () => {
    const { doc } = typed(5, 'abc')
    const before = Y.encodeStateVector(doc)
    const deletes: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => deletes.push(u))
    doc.getText('t').delete(0, 1)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(soleClientOf(deletes[0]!)).toBeNull()
  })

  it('is null, never a throw, for bytes whose header does not decode', () => {
    expect(soleClientOf(new Uint8Array())).toBeNull()
    expect(soleClientOf(new Uint8Array([1, 1]))).toBeNull()
    expect(soleClientOf(new Uint8Array([1, 0xff]))).toBeNull()
  })
})
