import type { Hono } from 'hono'
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import type { WebSocket } from 'ws'
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

/** The only place that turns a websocket message into the bytes the sync core reads. */
const toBytes = (data: unknown): Uint8Array | null => {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return null
}

const socketPort = (ws: WSContext<WebSocket>): SocketPort => ({
  send: (frame) => ws.send(frame as Uint8Array<ArrayBuffer>),
  close: (code, reason) => ws.close(code, reason),
  get isOpen() {
    return ws.readyState === OPEN
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
      let connection: Connection | null = null
      let alive = true
      let keepAlive: NodeJS.Timeout | null = null
      return {
        onOpen(_event, ws) {
          const raw = ws.raw
          // @hono/node-ws never reports socket errors on Node 20 (it builds an ErrorEvent Node lacks).
          raw?.on('error', (error) => logger.warn({ docId, err: error }, 'socket error'))
          raw?.on('pong', () => {
            alive = true
          })
          keepAlive = setInterval(() => {
            if (!alive) {
              raw?.terminate()
              return
            }
            alive = false
            raw?.ping()
          }, keepAliveMs)
          keepAlive.unref()
          connection = registry.connect(docId, socketPort(ws))
        },
        onMessage(event, ws) {
          const frame = toBytes(event.data)
          if (frame === null) {
            ws.close(CloseCode.BadRequest, SyncErrorReason.MalformedFrame)
            return
          }
          try {
            connection?.receive(frame)
          } catch (error) {
            logger.error({ docId, err: error }, 'unexpected error handling a frame')
            ws.close(CloseCode.InternalError, 'internal-error')
          }
        },
        onClose() {
          if (keepAlive !== null) clearInterval(keepAlive)
          connection?.closed()
          connection = null
        },
      }
    }),
  )
}
