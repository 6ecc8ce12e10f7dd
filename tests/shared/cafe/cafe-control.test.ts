import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PRESENT, readCafeControl, setPresent } from '../../../shared/cafe/cafe-control'

const A = 'a'.repeat(32)
const B = 'b'.repeat(32)
const C = 'c'.repeat(32)

describe('cafe control: who is present', () => {
  it('keeps who came late and from which round, and forgets it when they are marked gone', () => {
    const doc = new Y.Doc()
    setPresent(doc, A, true)
    setPresent(doc, B, true, 2)
    expect(readCafeControl(doc).present).toEqual([A, B])
    expect([...readCafeControl(doc).late]).toEqual([[B, 2]])
    setPresent(doc, B, false)
    expect(readCafeControl(doc).present).toEqual([A])
    expect(readCafeControl(doc).late.size).toBe(0)
  })

  it('counts a malformed arrival as present but not late, and ignores ids that are not member ids', () => {
    const doc = new Y.Doc()
    doc.getMap(PRESENT).set(A, { lateFrom: -1 })
    doc.getMap(PRESENT).set(C, 'late')
    doc.getMap(PRESENT).set('not-an-id', { lateFrom: 1 })
    const control = readCafeControl(doc)
    expect(control.present).toEqual([A, C])
    expect(control.late.size).toBe(0)
  })
})
