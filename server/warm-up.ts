import WebSocket from 'ws'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../shared/protocol/message-type'
import { encodeSyncStep1 } from './sync/message-codec'

/** A document id no one uses: the warm-up only reads it (an unknown id loads as empty and writes nothing). */
export const WARM_UP_DOC = 'samverkstad-warm-up'

/**
 * Warms the path a document's first opening after a restart takes, so that person does not wait for V8 to
 * compile it (measured: a cold first connection took ~18 ms just to open; see docs/PERFORMANCE.md, S3):
 * a typed document is encoded and loaded a few times, then websockets to this server sync an empty document,
 * one after another — one round leaves most of the path interpreted, a few let V8 compile it. Resolves within
 * `timeoutMs` per round whatever happens; a failed warm-up only costs that first person the time again.
 */
export const warmUp = async (port: number, token: string, rounds = 8, timeoutMs = 2_000): Promise<void> => {
  const typed = new Y.Doc()
  const text = typed.getText('t')
  for (let i = 0; i < 2_000; i++) text.insert(text.length, 'värme ')
  const state = Y.encodeStateAsUpdate(typed)
  for (let i = 0; i < 3; i++) {
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, state)
    Y.encodeStateAsUpdate(loaded)
    loaded.destroy()
  }
  typed.destroy()
  for (let i = 0; i < rounds; i++) await syncOnce(port, token, timeoutMs)
}

const syncOnce = (port: number, token: string, timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${WARM_UP_DOC}?token=${token}`)
    const done = () => {
      clearTimeout(timer)
      ws.terminate()
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    ws.on('open', () => {
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    })
    ws.on('message', (data: Buffer) => {
      // Sync step 2 (0, 1) answers ours: the whole path has run once.
      if (data[0] === MessageType.Sync && data[1] === SyncMessageType.Step2) done()
    })
    ws.on('error', done)
  })
