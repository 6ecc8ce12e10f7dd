import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { TemplateRegistry } from '../shared/templates'
import type { TemplateMigrations } from '../shared/templates/migrations'
import type { MemberSockets } from './access/MemberSockets'
import { compose } from './compose'
import type { Config } from './config'
import type { DocumentService } from './documents/DocumentService'
import type { ApiRoute } from './http/ApiRoute'
import type { Logger } from './logger'
import { listensOnNetwork, roomAddresses } from './network/roomAddresses'
import type { ScreenFocusHub } from './screen/ScreenFocusHub'
import type { Storage } from './storage/port'
import type { RoomRegistry } from './sync/RoomRegistry'
import { warmUp } from './warmUp'
import type { WorkspaceService } from './workspaces/WorkspaceService'

/** How recently a document must have been written to be reopened at start (see `PRELOAD_DOCUMENTS`). */
const PRELOAD_WITHIN_MS = 60 * 60 * 1000

export interface RunningServer {
  readonly port: number
  readonly host: string
  readonly registry: RoomRegistry
  readonly workspaces: WorkspaceService
  readonly documents: DocumentService
  readonly memberSockets: MemberSockets
  readonly screen: ScreenFocusHub
  /** The API's route table (the access tests iterate it). */
  readonly apiRoutes: readonly ApiRoute[]
  /** Graceful stop: refuse new connections, store everything, close sockets with 1001, close the store. */
  close(): Promise<void>
}

export interface StartServerOptions {
  readonly config: Config
  readonly storage: Storage
  readonly logger: Logger
  /** The templates documents are created from (tests of template migrations pass their own). */
  readonly templates?: TemplateRegistry
  readonly migrations?: TemplateMigrations
}

/**
 * The server's lifecycle around its composition: connect to Redis (scale-out), warm up on a private port,
 * reopen the documents written last, listen on `config.host:config.port` (port 0 picks a free port), and
 * later drain and close. Resolves once it is listening.
 */
export const startServer = async ({
  config,
  storage,
  logger,
  templates,
  migrations,
}: StartServerOptions): Promise<RunningServer> => {
  // ioredis is ~21 MiB: loaded only in scale-out mode.
  const Redis = config.redisUrl === null ? null : (await import('ioredis')).Redis
  const parts = compose({
    config,
    storage,
    logger,
    Redis,
    ...(templates === undefined ? {} : { templates }),
    ...(migrations === undefined ? {} : { migrations }),
  })
  const { registry, fanout, sockets, health, relayLoad } = parts
  await health.start()
  relayLoad.start()
  let revalidation: NodeJS.Timeout | null = null
  if (fanout !== null) {
    await fanout.start()
    revalidation = setInterval(() => void parts.revalidate(), 30_000)
    revalidation.unref()
  }

  const server = createAdaptorServer({ fetch: parts.app.fetch })
  parts.injectWebSocket(server)
  const listen = (port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  // Warm up on a private loopback port first: the public port opens only once the first real
  // connection no longer has to wait for V8 to compile the upgrade, authorisation and sync path.
  await listen(0, '127.0.0.1')
  await warmUp({
    port: (server.address() as AddressInfo).port,
    workspaces: parts.workspaces,
    templates: Object.values(parts.templates).map((template) => template.id),
  }).catch((error: unknown) =>
    logger.warn({ err: error }, 'warm-up failed; the first opening will be slower'),
  )
  for (const socket of sockets.clients) socket.terminate()
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
  // The documents being written shortly before a restart are the ones everyone reconnects to the moment it is
  // back: reading, building and checking them now means those people find them ready.
  // Only a head start: if the store cannot list them, documents open on demand as always.
  const recent = await storage.documents
    .recentlyWritten(Date.now() - PRELOAD_WITHIN_MS, config.preloadDocuments)
    .catch((error: unknown) => {
      logger.warn({ err: error }, 'could not list recently written documents to reopen')
      return []
    })
  const preloaded = await registry.preload(recent)
  if (preloaded > 0) logger.info({ documents: preloaded }, 'reopened recently written documents')
  await listen(config.port, config.host)
  const address = server.address() as AddressInfo
  logger.info({ port: address.port, host: config.host }, 'listening')
  // What to type on the projector's computer and the phones in the room, or why they cannot reach it.
  const urls = [
    ...(config.publicUrl === null ? [] : [config.publicUrl]),
    ...roomAddresses(config.host).map((host) => `http://${host}:${address.port}`),
    `http://localhost:${address.port}`,
  ]
  logger.info(
    { urls },
    listensOnNetwork(config.host)
      ? `open Samverkstad at ${urls.join(' or ')}`
      : `open Samverkstad at ${urls.join(' or ')} — only on this machine: to let phones and the shared screen in the room join, start with HOST=0.0.0.0 (or set PUBLIC_URL)`,
  )

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await registry.shutdown()
      for (const socket of sockets.clients) socket.terminate()
      // Idle keep-alive HTTP connections would otherwise hold `close` open until they time out.
      if ('closeAllConnections' in server) server.closeAllConnections()
      await stopped
      if (revalidation !== null) clearInterval(revalidation)
      health.stop()
      relayLoad.stop()
      await fanout?.close()
      await storage.close()
      logger.info('stopped')
    })()
    return closing
  }
  return {
    port: address.port,
    host: config.host,
    registry,
    workspaces: parts.workspaces,
    documents: parts.documents,
    memberSockets: parts.memberSockets,
    screen: parts.screen,
    apiRoutes: parts.routes,
    close,
  }
}
