import type { Socket } from 'node:net'
import type { Hono } from 'hono'
import type { UpgradeWebSocket } from 'hono/ws'
import type { RawData, WebSocket } from 'ws'
import { CloseCode, SyncErrorReason } from '../../shared/protocol/sync-error'
import { DocId } from '../../shared/schema/doc-id'
import type { Logger } from '../logger'
import type { Connection, RoomRegistry } from '../sync/RoomRegistry'
import type { SocketPort } from '../sync/SocketPort'
import { HttpError } from './HttpError'

const OPEN = 1

export interface SyncRouteOptions {
  readonly registry: RoomRegistry
  readonly logger: Logger
  readonly upgradeWebSocket: UpgradeWebSocket<WebSocket>
  /** A socket that has not answered a ping for this long is terminated (its presence then disappears). */
  readonly keepAliveMs?: number
}

/** The only place that turns a websocket message into the bytes the sync core reads. No copy is made. */
const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return Buffer.concat(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return data
}

const socketPort = (raw: WebSocket): SocketPort => ({
  send: (frame) => raw.send(frame),
  sendMany: (frames) => {
    // Corked, the frames leave in one writev; `ws` nests its own cork/uncork inside ours.
    const socket = (raw as unknown as { _socket: Socket })._socket
    socket.cork()
    for (const frame of frames) raw.send(frame)
    socket.uncork()
  },
  close: (code, reason) => raw.close(code, reason),
  get isOpen() {
    return raw.readyState === OPEN
  },
})

/**
 * `GET /sync/:docId`: upgrades to a websocket speaking the standard y-websocket protocol, so an unmodified
 * `WebsocketProvider('ws://host/sync', docId, doc)` works against it.
 */
export const mountSyncRoute = (
  app: Hono,
  { registry, logger, upgradeWebSocket, keepAliveMs = 30_000 }: SyncRouteOptions,
): void => {
  // One timer for all sockets: a socket that missed the previous ping is gone (a laptop lid closed).
  const alive = new Map<WebSocket, boolean>()
  const keepAlive = setInterval(() => {
    for (const [raw, answered] of alive) {
      if (!answered) {
        raw.terminate()
        continue
      }
      alive.set(raw, false)
      raw.ping()
    }
  }, keepAliveMs)
  keepAlive.unref()

  app.get(
    '/sync/:docId',
    async function validateDocId(c, next) {
      const parsed = DocId.safeParse(c.req.param('docId'))
      if (!parsed.success) {
        throw new HttpError(400, 'invalid-document-id', 'invalid document id', parsed.error.issues)
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new HttpError(426, 'upgrade-required', 'this endpoint speaks the y-websocket protocol')
      }
      await next()
    },
    upgradeWebSocket((c) => {
      const docId = c.req.param('docId') ?? ''
      return {
        // Frames are read from the raw `ws` socket rather than Hono's onMessage, which copies every
        // binary frame into a new ArrayBuffer and wraps it in a MessageEvent.
        onOpen(_event, ws) {
          const raw = ws.raw
          if (raw === undefined) return
          let connection: Connection | null = registry.connect(docId, socketPort(raw))
          alive.set(raw, true)
          raw.on('pong', () => alive.set(raw, true))
          // @hono/node-ws never reports socket errors on Node 20 (it builds an ErrorEvent Node lacks).
          raw.on('error', (error) => logger.warn({ docId, err: error }, 'socket error'))
          raw.on('message', (data, isBinary) => {
            if (!isBinary) {
              raw.close(CloseCode.BadRequest, SyncErrorReason.MalformedFrame)
              return
            }
            try {
              connection?.receive(toBytes(data))
            } catch (error) {
              logger.error({ docId, err: error }, 'unexpected error handling a frame')
              raw.close(CloseCode.InternalError, 'internal-error')
            }
          })
          raw.once('close', () => {
            alive.delete(raw)
            connection?.closed()
            connection = null
          })
        },
      }
    }),
  )
}
