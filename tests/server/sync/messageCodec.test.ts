import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from '../../../server/sync/messageCodec'

const MAX = 1024

const update = (text = 'hej'): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('decodeClientMessage', () => {
  it('decodes sync step 1 with its state vector', () => {
    const sv = Y.encodeStateVector(new Y.Doc())
    const result = decodeClientMessage(encodeSyncStep1(sv), MAX)
    expect(result).toEqual({ ok: true, message: { type: 'sync-step1', stateVector: sv } })
  })

  it('decodes sync step 2 and update messages as updates', () => {
    const u = update()
    expect(decodeClientMessage(encodeSyncStep2(u), MAX)).toEqual({
      ok: true,
      message: { type: 'sync-update', update: u },
    })
    expect(decodeClientMessage(encodeSyncUpdate(u), MAX)).toEqual({
      ok: true,
      message: { type: 'sync-update', update: u },
    })
  })

  it('returns payloads that own exactly their bytes', () => {
    const u = update()
    const frame = encodeSyncUpdate(u)
    const padded = new Uint8Array(frame.length + 10)
    padded.set(frame)
    const result = decodeClientMessage(padded.subarray(0, frame.length), MAX)
    if (!result.ok || result.message.type !== 'sync-update') throw new Error('expected an update')
    expect(result.message.update.buffer.byteLength).toBe(u.length)
  })

  it('decodes awareness and query-awareness messages', () => {
    const payload = bytes(1, 2, 3)
    expect(decodeClientMessage(encodeAwareness(payload), MAX)).toEqual({
      ok: true,
      message: { type: 'awareness', update: payload, exact: true },
    })
    const trailing = Uint8Array.from([...encodeAwareness(payload), 9])
    expect(decodeClientMessage(trailing, MAX)).toMatchObject({ ok: true, message: { exact: false } })
    expect(decodeClientMessage(bytes(3), MAX)).toEqual({ ok: true, message: { type: 'query-awareness' } })
  })

  it.each([
    ['an empty frame', bytes(), 'malformed-frame'],
    ['a truncated varint', bytes(0x80), 'malformed-frame'],
    ['a sync frame without payload', bytes(0, 2), 'malformed-frame'],
    ['a payload shorter than its length', bytes(0, 2, 10, 1, 2), 'malformed-frame'],
    ['an unknown message type', bytes(9), 'unknown-message-type'],
    ['the auth type, which clients do not send', bytes(2, 0), 'unknown-message-type'],
    ['an unknown sync type', bytes(0, 7, 0), 'unknown-message-type'],
    ['a state vector that does not decode', bytes(0, 0, 2, 5, 0x80), 'invalid-update'],
  ])('refuses %s', (_name, frame, reason) => {
    const result = decodeClientMessage(frame, MAX)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toBe(reason)
  })

  it('refuses an update or awareness payload over the limit before reading it', () => {
    const big = update('x'.repeat(MAX + 1))
    const result = decodeClientMessage(encodeSyncUpdate(big), MAX)
    expect(result).toMatchObject({ ok: false, reason: 'update-too-large' })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, MAX + 1)
    expect(decodeClientMessage(encoding.toUint8Array(encoder), MAX)).toMatchObject({
      ok: false,
      reason: 'update-too-large',
    })
  })
})
