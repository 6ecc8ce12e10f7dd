import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import { controlRoomId, roomOf } from '../shared/cafe/control-room'
import { CloseCode } from '../shared/protocol/sync-error'
import { templates as builtInTemplates, type TemplateRegistry } from '../shared/templates'
import { type TemplateMigrations, templateMigrations } from '../shared/templates/migrations'
import { MemberSockets } from './access/MemberSockets'
import { newToken } from './access/tokens'
import { AgreementAidService } from './agreement/AgreementAidService'
import { apiRoutes, createApp } from './app'
import { AttributionService } from './attribution/AttributionService'
import { CafeService } from './cafe/CafeService'
import type { Config } from './config'
import { DocumentService } from './documents/DocumentService'
import type { ApiRoute } from './http/api-route'
import type { WarmUpPass } from './http/sync-route'
import type { Logger } from './logger'
import { RedisFanout } from './scale/RedisFanout'
import { revalidateAccess } from './scale/revalidateAccess'
import { ScreenFocusHub } from './screen/ScreenFocusHub'
import { warmDocumentRowSchemas } from './storage/document-rows'
import type { Storage } from './storage/port'
import { warmRowSchemas } from './storage/workspace-rows'
import { RoomRegistry } from './sync/RoomRegistry'
import { VersionService } from './versions/VersionService'
import { WARM_UP_DOC, warmUp } from './warm-up'
import { WorkspaceService } from './workspaces/WorkspaceService'

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
 * Starts the HTTP and websocket server on `config.host:config.port` (port 0 picks a free port)
 * and resolves once it is listening.
 */
export const startServer = async ({
  config,
  storage,
  logger,
  templates = builtInTemplates,
  migrations = templateMigrations,
}: StartServerOptions): Promise<RunningServer> => {
  const documents = new DocumentService({
    workspaces: storage.workspaces,
    documents: storage.documents,
    templates,
    migrations,
    logger,
  })
  // Scale-out (REDIS_URL): set before the first room loads; every hook below is a no-op without it.
  let fanout: RedisFanout | null = null
  const registry = new RoomRegistry({
    onLoad: async (room) => {
      const document = await documents.prepare(room)
      room.setFrozen(document?.frozen ?? null)
      fanout?.roomLoaded(room)
    },
    onUnload: (docId) => fanout?.roomUnloaded(docId),
    onStored: (room, update) => fanout?.publishUpdate(room.docId, update),
    onPresence: (room, update) => fanout?.publishPresence(room.docId, update),
    store: storage.documents,
    logger,
    maxUpdateBytes: config.maxUpdateBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    broadcastWindowMs: config.broadcastWindowMs,
    broadcastWindowMinSockets: config.broadcastWindowMinSockets,
    roomIdleMs: config.roomIdleMs,
  })
  const root = new Hono()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app: root })
  // @hono/node-ws builds its WebSocketServer without options. Frames up to twice the update limit are read so
  // that an oversized update gets our documented 4413; larger frames are cut by `ws` itself with 1009.
  wss.options.maxPayload = config.maxUpdateBytes * 2
  documents.attach(registry)
  const memberSockets = new MemberSockets()
  const pass: WarmUpPass = { docId: WARM_UP_DOC, token: newToken(), active: true }
  const revoke = (memberIds: readonly string[]) =>
    memberSockets.closeAll(memberIds, CloseCode.Unauthorized, 'unauthorized')
  // A document's rooms: its content and, for a café, its control state and table notes.
  const evict = (ids: readonly string[]) => {
    const documentIds = new Set(ids.map((id) => roomOf(id).documentId))
    const rooms = new Set(ids)
    for (const id of documentIds) rooms.add(id).add(controlRoomId(id))
    for (const room of registry.loaded()) {
      if (documentIds.has(roomOf(room.docId).documentId)) rooms.add(room.docId)
    }
    return Promise.all([...rooms].map((id) => registry.evict(id, CloseCode.NotFound, 'not-found')))
  }
  const workspaces = new WorkspaceService({
    store: storage.workspaces,
    onAccessRevoked: (memberIds) => {
      revoke(memberIds)
      fanout?.publishControl({ type: 'revoke', memberIds: [...memberIds] })
    },
    onDocumentsRemoved: async (documentIds) => {
      await evict(documentIds)
      fanout?.publishControl({ type: 'evict', docIds: [...documentIds] })
    },
    onDocumentCreated: (document) => documents.initialise(document),
    onDocumentFrozen: (document) => {
      registry.peek(document.id)?.setFrozen(document.frozen)
      fanout?.publishControl({ type: 'freeze', docId: document.id, frozen: document.frozen })
    },
  })
  // What another instance withdrew while Redis was away never arrived: check every open socket and room.
  const revalidate = () =>
    revalidateAccess({ memberSockets, registry, workspaces, revoke, evict }).catch((error: unknown) =>
      logger.warn({ err: error }, 'revalidating access failed'),
    )
  let revalidation: NodeJS.Timeout | null = null
  if (config.redisUrl !== null) {
    fanout = new RedisFanout({
      url: config.redisUrl,
      Redis: (await import('ioredis')).Redis,
      store: storage.documents,
      rooms: registry,
      logger,
      catchUpMs: config.scaleCatchUpMs,
      onControl: (message) => {
        if (message.type === 'revoke') revoke(message.memberIds)
        else if (message.type === 'evict') void evict(message.docIds)
        else if (message.type === 'freeze') registry.peek(message.docId)?.setFrozen(message.frozen)
        else screen.set(message.workspaceId, message.focus)
      },
      onReconnect: () => void revalidate(),
    })
    await fanout.start()
    revalidation = setInterval(() => void revalidate(), 30_000)
    revalidation.unref()
  }
  const screen = new ScreenFocusHub()
  const versions = new VersionService({
    versions: storage.versions,
    workspaces: storage.workspaces,
    documents,
  })
  const cafe = new CafeService({ documents, workspaces: storage.workspaces, versions })
  documents.enrichWith(cafe.enrich)
  const routes = apiRoutes({
    workspaces,
    documents,
    versions,
    cafe,
    screen: {
      workspaces,
      hub: screen,
      memberSockets,
      publish: (workspaceId, focus) => fanout?.publishControl({ type: 'screen', workspaceId, focus }),
    },
    aids: {
      attribution: new AttributionService({ documents, workspaces: storage.workspaces }),
      agreements: new AgreementAidService({ workspaces, store: storage.workspaces, documents }),
    },
  })
  root.route(
    '/',
    createApp({
      config,
      storage,
      registry,
      workspaces,
      routes,
      memberSockets,
      logger,
      upgradeWebSocket,
      warmUp: pass,
      noteAccess: (member, documentId, round, table) => cafe.noteWriteGate(member, documentId, round, table),
      fanoutStatus: () => (fanout === null ? null : fanout.isUp ? 'ok' : 'down'),
    }),
  )

  const server = createAdaptorServer({ fetch: root.fetch })
  injectWebSocket(server)
  const listen = (port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  // Warm up on a private loopback port first: the public port opens only once the first real
  // connection no longer has to wait for V8 to compile the upgrade and sync path.
  await listen(0, '127.0.0.1')
  await warmUp((server.address() as AddressInfo).port, pass.token)
  // The warm-up socket skips authorisation and its document has no template: the first real socket would
  // otherwise pay for compiling them (a session lookup, a SHA-256, a document lookup, their row schemas and
  // the template check). A few rounds, as for the socket: one leaves most of it interpreted.
  for (let i = 0; i < 8; i++) {
    await Promise.all([workspaces.authenticate(newToken()), workspaces.findDocument('0'.repeat(32))])
    warmRowSchemas()
    warmDocumentRowSchemas()
  }
  documents.warmUp()
  pass.active = false
  for (const socket of wss.clients) socket.terminate()
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

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await registry.shutdown()
      for (const socket of wss.clients) socket.terminate()
      // Idle keep-alive HTTP connections would otherwise hold `close` open until they time out.
      if ('closeAllConnections' in server) server.closeAllConnections()
      await stopped
      if (revalidation !== null) clearInterval(revalidation)
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
    workspaces,
    documents,
    memberSockets,
    screen,
    apiRoutes: routes,
    close,
  }
}
