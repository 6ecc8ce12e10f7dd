import { createRoot } from 'solid-js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createDocumentValue, type DocumentValueStore } from '../../../client/src/model/createDocumentValue'
import { templates } from '../../../shared/templates'
import { readDocument, writeDocument } from '../../../shared/ydoc/document-ydoc'
import { restoreFrames, useFakeFrames } from '../../helpers/fakeFrames'
import { filledDocument } from '../../helpers/filled-document'

const template = templates.agreement
const parties = ['a1b2c3d4e5f60718293a4b5c6d7e8f90', 'f0e1d2c3b4a5968778695a4b3c2d1e0f']

const filled = (): Y.Doc => {
  const doc = new Y.Doc()
  writeDocument(doc, template, filledDocument(template, parties))
  return doc
}

/** A store made under a root, as a page makes it; disposed after the test. */
const storeOf = (doc: Y.Doc): DocumentValueStore => {
  let store: DocumentValueStore | undefined
  createRoot((dispose) => {
    disposers.push(dispose)
    store = createDocumentValue(doc, template)
  })
  return store!
}
const disposers: Array<() => void> = []

describe('createDocumentValue', () => {
  // The store refreshes in a task just after the next frame.
  beforeEach(useFakeFrames)
  afterEach(() => {
    for (const dispose of disposers.splice(0)) dispose()
    restoreFrames()
  })

  it('gives each field, and the whole document, exactly as reading the whole document validates it', () => {
    const doc = filled()
    const expected = readDocument(doc, template)
    const store = storeOf(doc)
    expect(store.field('invoice-address')).toEqual(expected.fields['invoice-address'])
    expect(store.whole()).toEqual(expected)
    expect(store.field('no-such-field')).toBeUndefined()
  })

  it('reads and validates a field only when it is first asked for: a damaged field stops only what reads it', () => {
    const doc = filled()
    // A date the reader lets through (it has the shape) but the field's schema rejects.
    doc.getMap('fields').set('start-date', '2025-99-99')
    const store = storeOf(doc)
    expect(store.field('invoice-address')).toBe('Text om invoice-address åäö ÅÄÖ')
    expect(() => store.field('start-date')).toThrow()
    expect(() => store.whole()).toThrow()
  })

  it('after the next frame re-reads the fields already read that changed, and reads the others when asked', () => {
    const doc = filled()
    const store = storeOf(doc)
    expect(store.field('invoice-address')).toBe('Text om invoice-address åäö ÅÄÖ')
    doc.transact(() => {
      const address = doc.getText('f:invoice-address')
      address.delete(0, address.length)
      address.insert(0, 'Box 1, Storby')
      doc.getMap('fields').set('start-date', '2027-01-01')
    })
    expect(store.field('invoice-address')).toBe('Text om invoice-address åäö ÅÄÖ')
    vi.advanceTimersByTime(17)
    expect(store.field('invoice-address')).toBe('Box 1, Storby')
    expect(store.field('start-date')).toBe('2027-01-01')
    expect(store.whole()).toEqual(readDocument(doc, template))
  })
})
