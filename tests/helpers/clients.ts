import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitFor } from './wait'

/**
 * The official y-websocket provider as a Node client, signed in with a session token (sent as `?token=`). `disableBc` matters: without it, docs in one process
 * sync through BroadcastChannel and a test can pass without the server doing anything.
 */
export const connectProvider = (
  wsUrl: string,
  docId: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): WebsocketProvider =>
  new WebsocketProvider(wsUrl, docId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
    params: { token },
  })

export const waitSynced = (provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> =>
  waitFor(() => provider.synced, `provider of ${provider.roomname} to sync`, timeoutMs)

export const destroyProvider = (provider: WebsocketProvider): void => {
  const doc = provider.doc
  provider.destroy()
  doc.destroy()
}
