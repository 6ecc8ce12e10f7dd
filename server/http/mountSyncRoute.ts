import type { Socket } from 'node:net'
import type { Context, Hono } from 'hono'
import type { UpgradeWebSocket } from 'hono/ws'
import type { RawData, WebSocket } from 'ws'
import { CloseCode, closeCodeFor, SyncErrorReason } from '../../shared/protocol/sync-error'
import { DocId } from '../../shared/schema/doc-id'
import type { SocketAccess, SocketAuthorizer, SocketCredentials } from '../access/authorizeSocket'
import type { MemberSockets } from '../access/MemberSockets'
import { ApiError } from '../errors/ApiError'
import type { Logger } from '../logger'
import type { Connection, RoomRegistry } from '../sync/RoomRegistry'
import type { SocketPort } from '../sync/SocketPort'
import { binaryFrames } from './binaryFrames'
import type { ConnectionLimiter } from './ConnectionLimiter'
import { clientAddress } from './clientAddress'
import { accountTokenOf, sessionTokenOf } from './sessionCookie'

const OPEN = 1

export interface SyncRouteOptions {
  readonly registry: RoomRegistry
  /** Who may open a room and what they may write in it (server/access/authorizeSocket.ts). */
  readonly authorize: SocketAuthorizer
  readonly memberSockets: MemberSockets
  readonly connections: ConnectionLimiter
  readonly trustProxy: boolean
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

/** The wire bytes of frames already sent once, by the frame's (or frame list's) identity: a relay sends the
 * same frames to every socket of a room, so they are framed once. */
const framed = new WeakMap<object, Buffer>()

/** Larger frames (a whole document for a joiner) are not copied to be framed: `ws` writes header and payload. */
const FRAME_ONCE_LIMIT = 64 * 1024

const socketPort = (raw: WebSocket): SocketPort => {
  const socket = (raw as unknown as { _socket: Socket })._socket
  // Our own frames are only right while `ws` would add nothing to them: no extension (compression) was
  // negotiated. Then `ws` writes synchronously too, so frames from both paths stay in order.
  const direct = raw.extensions === ''
  const corked = (frames: readonly Uint8Array[]) => {
    // Corked, the frames leave in one writev; `ws` nests its own cork/uncork inside ours.
    socket.cork()
    for (const frame of frames) raw.send(frame)
    socket.uncork()
  }
  const write = (key: object, frames: readonly Uint8Array[]) => {
    let bytes = framed.get(key)
    if (bytes === undefined) {
      bytes = binaryFrames(frames)
      framed.set(key, bytes)
    }
    socket.write(bytes)
  }
  return {
    send: (frame) => {
      if (direct && frame.byteLength <= FRAME_ONCE_LIMIT) write(frame, [frame])
      else raw.send(frame)
    },
    sendMany: (frames) => {
      if (direct && frames.every((frame) => frame.byteLength <= FRAME_ONCE_LIMIT)) write(frames, frames)
      else corked(frames)
    },
    close: (code, reason) => raw.close(code, reason),
    get isOpen() {
      return raw.readyState === OPEN
    },
  }
}

/**
 * What an upgrade request carries: `?token=` (what the y-websocket provider's `params` send),
 * `Authorization: Bearer`, or the workspace's session cookie. A cookie only counts on a same-origin upgrade,
 * so another site cannot open a socket with a visitor's cookie.
 */
const credentialsOf = (c: Context): SocketCredentials => {
  const origin = c.req.header('origin')
  const sameOrigin = origin === undefined || safeHost(origin) === c.req.header('host')
  return {
    token: c.req.query('token') ?? sessionTokenOf(c, null),
    cookie: (workspaceId) => (sameOrigin ? sessionTokenOf(c, workspaceId) : null),
    account: sameOrigin ? accountTokenOf(c) : null,
  }
}

const safeHost = (origin: string): string | null => {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/**
 * `GET /sync/:docId`: upgrades to a websocket speaking the standard y-websocket protocol, so an unmodified
 * `WebsocketProvider('ws://host/sync', docId, doc, { params: { token } })` works against it.
 * Authorisation is decided before the upgrade and reported after it, as a close code (4401, 4403, 4404)
 * that a browser can read — an HTTP status on a failed upgrade is invisible to scripts.
 */
export const mountSyncRoute = (
  app: Hono,
  {
    registry,
    authorize,
    memberSockets,
    connections,
    trustProxy,
    logger,
    upgradeWebSocket,
    keepAliveMs = 30_000,
  }: SyncRouteOptions,
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
        throw new ApiError('invalid-document-id', 'invalid document id', parsed.error.issues)
      }
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new ApiError('upgrade-required', 'this endpoint speaks the y-websocket protocol')
      }
      await next()
    },
    upgradeWebSocket(async (c) => {
      const docId = c.req.param('docId') ?? ''
      const address = clientAddress(c, trustProxy)
      const access = await authorize(docId, credentialsOf(c)).catch((error: unknown): SocketAccess => {
        logger.error({ docId, err: error }, 'could not authorise a socket')
        return { ok: false, reason: SyncErrorReason.StorageFailed }
      })
      return {
        // Frames are read from the raw `ws` socket rather than Hono's onMessage, which copies every
        // binary frame into a new ArrayBuffer and wraps it in a MessageEvent.
        onOpen(_event, ws) {
          const raw = ws.raw
          if (raw === undefined) return
          raw.on('error', (error) => logger.warn({ docId, err: error }, 'socket error'))
          if (!access.ok) {
            raw.close(closeCodeFor[access.reason], access.reason)
            return
          }
          if (!connections.acquire(address)) {
            raw.close(closeCodeFor['too-many-connections'], SyncErrorReason.TooManyConnections)
            return
          }
          const { member, policy } = access
          const port = socketPort(raw)
          let connection: Connection | null = registry.connect(docId, port, policy)
          memberSockets.add(member.id, port)
          alive.set(raw, true)
          raw.on('pong', () => alive.set(raw, true))
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
            connections.release(address)
            memberSockets.remove(member.id, port)
            connection?.closed()
            connection = null
          })
        },
      }
    }),
  )
}
