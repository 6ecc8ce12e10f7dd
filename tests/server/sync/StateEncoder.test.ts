import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StateEncoder } from '../../../server/sync/StateEncoder'

/** A document typed update by update, some of it deleted again, and the updates as stored. */
const typed = () => {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('t')
  for (let i = 0; i < 500; i++) text.insert(Math.floor(text.length / 2), `ord ${i} `)
  text.delete(0, 1_000)
  return { doc, updates }
}

describe('StateEncoder', () => {
  const encoders: StateEncoder[] = []
  afterEach(async () => {
    for (const encoder of encoders.splice(0)) await encoder.close()
  })
  const encoder = () => {
    const made = new StateEncoder()
    encoders.push(made)
    return made
  }

  it('encodes stored parts into the whole document, deleted text collected, as the room itself would', async () => {
    const { doc, updates } = typed()
    const state = await encoder().encode(updates)
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, state)
    expect(rebuilt.getText('t').toString()).toBe(doc.getText('t').toString())
    expect(state.byteLength).toBe(Y.encodeStateAsUpdate(doc).byteLength)
  })

  it('keeps no deleted text in the state (it was in the stored updates)', async () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('t').insert(0, 'Hemligt namn: Bertil. ')
    doc.getText('t').insert(0, 'Syfte. ')
    doc.getText('t').delete(7, 22)
    const state = await encoder().encode(updates)
    const bytes = Buffer.from(state).toString('latin1')
    expect(Buffer.from(Y.mergeUpdates(updates)).toString('latin1')).toContain('Bertil')
    expect(bytes).not.toContain('Bertil')
    expect(bytes).toContain('Syfte')
  })

  it('builds on an earlier compacted state and keeps updates whose dependencies are missing', async () => {
    const { doc, updates } = typed()
    const head = Y.encodeStateAsUpdate(doc)
    const later = new Y.Doc()
    Y.applyUpdate(later, head)
    const laterUpdates: Uint8Array[] = []
    later.on('update', (update: Uint8Array) => laterUpdates.push(update))
    later.getText('t').insert(0, 'Först: ')
    later.getText('t').insert(3, 'x')
    const encode = encoder()
    // The first later update is missing: the second is kept pending, not dropped.
    const state = await encode.encode([head, laterUpdates[1]!])
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, state)
    Y.applyUpdate(rebuilt, laterUpdates[0]!)
    expect(rebuilt.getText('t').toString()).toBe(later.getText('t').toString())
    expect(updates.length).toBeGreaterThan(0)
  })

  it('rejects bytes that are no update with a clear error, and goes on encoding afterwards', async () => {
    const encode = encoder()
    await expect(encode.encode([new Uint8Array([255, 255, 255, 1, 2])])).rejects.toThrow(
      /encoding the document failed/,
    )
    const { doc, updates } = typed()
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, await encode.encode(updates))
    expect(rebuilt.getText('t').toString()).toBe(doc.getText('t').toString())
  })

  it('encodes on another thread: this event loop turns while a large document is encoded', async () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const text = doc.getText('t')
    for (let i = 0; i < 20_000; i++) text.insert(Math.floor(text.length / 3), `${i % 10}`)
    let turns = 0
    let encoding = true
    const count = () => {
      turns++
      if (encoding) setImmediate(count)
    }
    setImmediate(count)
    const state = await encoder().encode(updates)
    encoding = false
    expect(state.byteLength).toBeGreaterThan(0)
    expect(turns).toBeGreaterThan(1)
  })
})
