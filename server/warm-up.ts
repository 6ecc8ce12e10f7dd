import WebSocket from 'ws'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '../shared/protocol/message-type'
import { encodeSyncStep1 } from './sync/message-codec'

/** A document id no one uses: the warm-up only reads it (an unknown id loads as empty and writes nothing). */
export const WARM_UP_DOC = 'samverkstad-warm-up'

/**
 * Opens one websocket to this server and syncs an empty document, so that the first person to open a
 * document after a restart does not wait for V8 to compile the upgrade and sync path (measured: a cold
 * first connection took ~18 ms just to open; see docs/PERFORMANCE.md, S3). Resolves within `timeoutMs`
 * whatever happens; a failed warm-up only costs that first person the time again.
 */
export const warmUp = (port: number, token: string, timeoutMs = 2_000): Promise<void> =>
  new Promise((resolve) => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'värme')
    Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))
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
