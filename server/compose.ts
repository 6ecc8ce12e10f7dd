import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'
import type { Redis } from 'ioredis'
import type { WebSocketServer } from 'ws'
import { controlRoomId, roomOf } from '../shared/cafe/control-room'
import { CloseCode } from '../shared/protocol/sync-error'
import { templates as builtInTemplates, type TemplateRegistry } from '../shared/templates'
import { type TemplateMigrations, templateMigrations } from '../shared/templates/migrations'
import { makeSocketAuthorizer } from './access/authorizeSocket'
import { MemberSockets } from './access/MemberSockets'
import { AgreementAidService } from './agreement/AgreementAidService'
import { apiRoutes, createApp } from './app'
import { AttributionService } from './attribution/AttributionService'
import { ClientOwnership } from './attribution/ClientOwnership'
import { AccountSessions } from './auth/AccountSessions'
import { OidcClient } from './auth/OidcClient'
import { CafeService } from './cafe/CafeService'
import { makeCafeRecordEnricher } from './cafe/cafeRecordEnricher'
import type { Config } from './config'
import { DocumentService } from './documents/DocumentService'
import { LiveDocuments } from './documents/LiveDocuments'
import { makeDocumentPreparer } from './documents/prepareDocument'
import { StorageHealth } from './health/StorageHealth'
import type { ApiRoute } from './http/ApiRoute'
import type { Logger } from './logger'
import { RedisFanout } from './scale/RedisFanout'
import { revalidateAccess } from './scale/revalidateAccess'
import { ScreenFocusHub } from './screen/ScreenFocusHub'
import type { Storage } from './storage/port'
import { RelayLoad } from './sync/RelayLoad'
import { RoomRegistry } from './sync/RoomRegistry'
import { StateEncoder } from './sync/StateEncoder'
import { VersionService } from './versions/VersionService'
import { WorkspaceService } from './workspaces/WorkspaceService'

export interface ComposeOptions {
  readonly config: Config
  readonly storage: Storage
  readonly logger: Logger
  /** ioredis' client class when `config.redisUrl` is set (loaded by the caller: it is large), else null. */
  readonly Redis: typeof Redis | null
  /** The templates documents are created from (tests of template migrations pass their own). */
  readonly templates?: TemplateRegistry
  readonly migrations?: TemplateMigrations
}

/** The server's object graph, built and not yet started: nothing listens, connects or reads yet. */
export interface Composition {
  /** The whole HTTP surface, websocket upgrade included. */
  readonly app: Hono
  /** Attaches the websocket upgrade to the HTTP server that serves `app`. */
  readonly injectWebSocket: ReturnType<typeof createNodeWebSocket>['injectWebSocket']
  readonly sockets: WebSocketServer
  readonly registry: RoomRegistry
  /** Decides when relays merge; reads the process's load once started. */
  readonly relayLoad: RelayLoad
  readonly workspaces: WorkspaceService
  readonly documents: DocumentService
  readonly memberSockets: MemberSockets
  readonly screen: ScreenFocusHub
  readonly templates: TemplateRegistry
  readonly routes: readonly ApiRoute[]
  /** Scale-out fan-out (REDIS_URL), not yet connected; null on a single instance. */
  readonly fanout: RedisFanout | null
  /** Whether storage takes writes: started by the lifecycle, read by /readyz. */
  readonly health: StorageHealth
  /** Closes sockets of members who no longer exist and unloads deleted documents (after Redis was away). */
  readonly revalidate: () => Promise<void>
}

/**
 * Builds the server from its configuration and storage: every dependency is passed to a constructor, in the
 * order they need each other, and nothing is started. `startServer` is the lifecycle around it.
 */
export const compose = ({
  config,
  storage,
  logger,
  Redis,
  templates = builtInTemplates,
  migrations = templateMigrations,
}: ComposeOptions): Composition => {
  const memberSockets = new MemberSockets()
  const health = new StorageHealth({ storage, logger, probeEveryMs: config.readinessProbeMs })
  const screen = new ScreenFocusHub(storage.workspaces)
  const ownership = new ClientOwnership({ store: storage.documents, logger })
  const prepare = makeDocumentPreparer({ workspaces: storage.workspaces, templates, migrations, logger })
  const relayLoad = new RelayLoad({
    onChange: (merging, reading) =>
      logger.info({ reading }, merging ? 'relay: loaded, merging changes' : 'relay: quiet, relaying at once'),
  })
  const registry = new RoomRegistry({
    // Before any socket sees a room: its content initialised or upgraded, and who owns which Yjs client id.
    onLoad: async (room) => {
      const [document] = await Promise.all([prepare(room), ownership.load(room.docId, room.doc.clientID)])
      room.setFrozen(document?.frozen ?? null)
    },
    observers: [
      {
        unloaded: (docId) => ownership.forget(docId),
        broken: (_docId, reason, error) => {
          if (reason === 'storage-failed') health.writeFailed(error)
        },
        ownWrite: (room) =>
          void ownership
            .claimForServer(room.docId, room.doc.clientID)
            .catch((error: unknown) => logger.error({ err: error }, 'could not record the server client id')),
      },
    ],
    store: storage.documents,
    logger,
    maxUpdateBytes: config.maxUpdateBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    broadcastWindowMs: config.broadcastWindowMs,
    relayLoad,
    stateEncoder: new StateEncoder(),
    roomIdleMs: config.roomIdleMs,
  })
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
  // What another instance withdrew while Redis was away never arrived: check every open socket and room.
  const revalidate = () =>
    revalidateAccess({ memberSockets, registry, workspaces: storage.workspaces, revoke, evict }).catch(
      (error: unknown) => logger.warn({ err: error }, 'revalidating access failed'),
    )
  const fanout =
    config.redisUrl === null || Redis === null
      ? null
      : new RedisFanout({
          url: config.redisUrl,
          Redis,
          store: storage.documents,
          rooms: registry,
          logger,
          catchUpMs: config.scaleCatchUpMs,
          onControl: (message) => {
            switch (message.type) {
              case 'revoke':
                return revoke(message.memberIds)
              case 'evict':
                return void evict(message.docIds)
              case 'freeze':
                return registry.peek(message.docId)?.setFrozen(message.frozen)
              case 'versions':
                return registry.peek(message.docId)?.versionsChanged()
              case 'screen':
                return screen.apply(message.workspaceId, message.focus)
            }
          },
          onReconnect: () => void revalidate(),
        })
  const live = new LiveDocuments({ rooms: registry, store: storage.documents, ownership })
  const documents = new DocumentService({
    workspaces: storage.workspaces,
    documents: storage.documents,
    live,
    ownership,
    templates,
    migrations,
    enrich: makeCafeRecordEnricher({ live, workspaces: storage.workspaces }),
  })
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
  const versions = new VersionService({
    versions: storage.versions,
    workspaces: storage.workspaces,
    documents,
    onChanged: (documentId) => {
      registry.peek(documentId)?.versionsChanged()
      fanout?.publishControl({ type: 'versions', docId: documentId })
    },
  })
  const cafe = new CafeService({ live, versions })
  const sign =
    config.oidc === null
      ? null
      : { oidc: new OidcClient(config.oidc), sessions: new AccountSessions(storage.workspaces) }
  const routes = apiRoutes({
    account: {
      workspaces,
      sign,
      requireSignInToCreate: config.requireSignInToCreate,
      publicUrl: config.publicUrl,
    },
    network: { host: config.host, publicUrl: config.publicUrl },
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
      attribution: new AttributionService({ documents, live, workspaces: storage.workspaces }),
      agreements: new AgreementAidService({
        workspaces,
        store: storage.workspaces,
        documents,
        versions: storage.versions,
      }),
    },
  })
  const app = new Hono()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app })
  // @hono/node-ws builds its WebSocketServer without options. Frames up to twice the update limit are read so
  // that an oversized update gets our documented 4413; larger frames are cut by `ws` itself with 1009.
  wss.options.maxPayload = config.maxUpdateBytes * 2
  app.route(
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
      sign,
      authorize: makeSocketAuthorizer({
        workspaces,
        ownership,
        accounts: sign?.sessions ?? null,
        noteAccess: (member, documentId, round, table) =>
          cafe.noteWriteGate(member, documentId, round, table),
      }),
      storageHealth: () => health.state,
      fanoutStatus: () => (fanout === null ? null : fanout.isUp ? 'ok' : 'down'),
    }),
  )
  return {
    app,
    injectWebSocket,
    sockets: wss,
    registry,
    relayLoad,
    workspaces,
    documents,
    memberSockets,
    screen,
    templates,
    routes,
    fanout,
    revalidate,
    health,
  }
}
