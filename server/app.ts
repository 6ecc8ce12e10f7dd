import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { secureHeaders } from 'hono/secure-headers'
import type { UpgradeWebSocket } from 'hono/ws'
import type { WebSocket } from 'ws'
import { LEXICON_FILES } from '../shared/api/lexicon-files'
import type { SocketAuthorizer } from './access/authorizeSocket'
import type { MemberSockets } from './access/MemberSockets'
import { swedishLexiconFiles } from './agreement/swedishLexicon'
import type { AccountSessions } from './auth/AccountSessions'
import type { OidcClient } from './auth/OidcClient'
import type { CafeService } from './cafe/CafeService'
import type { Config } from './config'
import type { DocumentService } from './documents/DocumentService'
import { ApiError } from './errors/ApiError'
import type { StorageHealthState } from './health/StorageHealth'
import type { ApiRoute } from './http/ApiRoute'
import { type AccountRoutesOptions, accountRoutes } from './http/accountRoutes'
import { type AidRoutesOptions, aidRoutes } from './http/aidRoutes'
import { ConnectionLimiter } from './http/ConnectionLimiter'
import { cafeRoutes } from './http/cafeRoutes'
import { clientAddress } from './http/clientAddress'
import { documentRoutes } from './http/documentRoutes'
import { loadWhenChanged } from './http/loadWhenChanged'
import { mountApiRoutes } from './http/mountApiRoutes'
import { mountSyncRoute } from './http/mountSyncRoute'
import { networkRoutes } from './http/networkRoutes'
import { openApiDocument } from './http/openApiDocument'
import { createPagePreloads } from './http/pagePreloads'
import { RateLimiter } from './http/RateLimiter'
import { sameSiteWrites } from './http/sameSiteWrites'
import { type ScreenRoutesOptions, screenRoutes } from './http/screenRoutes'
import { mountSignInRoutes } from './http/signInRoutes'
import { timeRoutes } from './http/timeRoutes'
import { versionRoutes } from './http/versionRoutes'
import { workspaceRoutes } from './http/workspaceRoutes'
import type { Logger } from './logger'
import type { Storage } from './storage/port'
import { StorageIntegrityError } from './storage/StorageIntegrityError'
import type { RoomRegistry } from './sync/RoomRegistry'
import type { VersionService } from './versions/VersionService'
import type { WorkspaceService } from './workspaces/WorkspaceService'

export type AppConfig = Pick<
  Config,
  | 'staticDir'
  | 'adminToken'
  | 'publicUrl'
  | 'host'
  | 'trustProxy'
  | 'maxBodyBytes'
  | 'rateLimitPerMinute'
  | 'maxConnectionsPerIp'
  | 'requireSignInToCreate'
>

export interface AppDependencies {
  readonly config: AppConfig
  readonly storage: Storage
  readonly registry: RoomRegistry
  readonly workspaces: WorkspaceService
  readonly routes: readonly ApiRoute[]
  readonly memberSockets: MemberSockets
  readonly logger: Logger
  readonly upgradeWebSocket: UpgradeWebSocket<WebSocket>
  /** Who may open a sync room and what they may write in it. */
  readonly authorize: SocketAuthorizer
  /** Whether storage takes writes (integrity at start, a periodic write, failed writes); always ok if absent. */
  readonly storageHealth?: () => StorageHealthState
  /** Redis fan-out health in scale-out mode; null when it is not configured. */
  readonly fanoutStatus?: () => 'ok' | 'down' | null
  /** Sign-in with an organisation account (OpenID Connect); null or absent when it is not configured. */
  readonly sign?: SignIn | null
}

/** What signing in with an organisation account needs: the relying party and the sessions it opens. */
export interface SignIn {
  readonly oidc: OidcClient
  readonly sessions: AccountSessions
}

const CLIENT_MISSING = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Samverkstad</title>
<p>Klienten är inte byggd. Kör <code>npm run build</code>. / The client is not built: run <code>npm run build</code>.</p></html>`

const VERSION = '0.1.0'

/** The API's route table: mounted by createApp, listed in the OpenAPI document, iterated by the access tests. */
export const apiRoutes = ({
  workspaces,
  documents,
  versions,
  screen,
  aids,
  cafe,
  network,
  account,
}: {
  network: { host: string; publicUrl: string | null }
  account: AccountRoutesOptions
  workspaces: WorkspaceService
  documents: DocumentService
  versions: VersionService
  cafe: CafeService
  screen: ScreenRoutesOptions
  aids: AidRoutesOptions
}): ApiRoute[] => [
  ...workspaceRoutes(workspaces),
  ...documentRoutes(documents),
  ...versionRoutes(versions),
  ...screenRoutes(screen),
  ...aidRoutes(aids),
  ...cafeRoutes(cafe),
  ...timeRoutes(),
  ...networkRoutes(network),
  ...accountRoutes(account),
]

/**
 * The HTTP surface: operations endpoints, the API, the sync upgrade and the client bundle. Routes only
 * translate HTTP; the work is done by the services they are given.
 */
export const createApp = ({
  config,
  storage,
  registry,
  workspaces,
  routes,
  memberSockets,
  logger,
  upgradeWebSocket,
  authorize,
  storageHealth = () => ({ ok: true }),
  fanoutStatus = () => null,
  sign = null,
}: AppDependencies): Hono => {
  const app = new Hono()
  const limiter = new RateLimiter({ perMinute: config.rateLimitPerMinute })

  const securityHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // 'self' covers same-origin ws:/wss: for the sync socket; nothing is fetched from anywhere else.
      connectSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Inline style attributes (progress bars, avatar colours) are set by the UI; no third-party origin.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    // Invite links are capabilities: never leak a URL to another site.
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    crossOriginResourcePolicy: 'same-origin',
  })
  // A websocket upgrade is answered by `ws` with its own handshake: headers set here would never be sent.
  app.use('*', (c, next) =>
    c.req.header('upgrade')?.toLowerCase() === 'websocket' ? next() : securityHeaders(c, next),
  )

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    // Without Redis an instance still serves its own clients (others' edits reach them through the store
    // within SCALE_CATCH_UP_MS), so it stays ready, reported as degraded; without storage it is not ready.
    const redis = fanoutStatus()
    const fanout = redis === null ? {} : { redis }
    try {
      await storage.ping()
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed')
      return c.json(
        { status: 'unavailable', storage: 'error', reason: 'storage does not answer', ...fanout },
        503,
      )
    }
    const health = storageHealth()
    if (!health.ok) {
      return c.json(
        { status: 'unavailable', storage: 'error', reason: health.reason, since: health.since, ...fanout },
        503,
      )
    }
    return c.json({ status: redis === 'down' ? 'degraded' : 'ready', storage: 'ok', ...fanout })
  })

  const rateLimited = (address: string) =>
    new ApiError('rate-limited', 'too many requests from this address; try again shortly').getResponse({
      'Retry-After': String(limiter.retryAfterSeconds(address)),
    })

  const rateLimits: MiddlewareHandler = async function rateLimits(c, next) {
    const address = clientAddress(c, config.trustProxy)
    if (!limiter.take(address)) return rateLimited(address)
    return next()
  }
  app.use('/api/*', rateLimits)
  app.use('/api/*', sameSiteWrites({ publicUrl: config.publicUrl }))
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          'payload-too-large',
          `the request body is larger than ${config.maxBodyBytes} bytes`,
        )
      },
    }),
  )
  app.use('/auth/*', rateLimits)
  if (sign !== null) mountSignInRoutes(app, { ...sign, publicUrl: config.publicUrl, logger })
  app.all('/auth/*', () => {
    throw new ApiError(
      'not-found',
      'signing in with an organisation account is not configured on this server',
    )
  })
  app.use('/sync/*', rateLimits)

  const openApi = openApiDocument(routes, VERSION)
  app.get('/api/openapi.json', (c) => c.json(openApi))
  mountApiRoutes(app, routes, {
    workspaces,
    adminToken: config.adminToken,
    publicUrl: config.publicUrl,
    host: config.host,
    accounts: sign?.sessions ?? null,
    requireSignInToCreate: config.requireSignInToCreate,
  })

  mountSyncRoute(app, {
    registry,
    authorize,
    memberSockets,
    connections: new ConnectionLimiter(config.maxConnectionsPerIp),
    trustProxy: config.trustProxy,
    logger,
    upgradeWebSocket,
  })

  app.all('/api/*', () => {
    throw new ApiError('not-found', 'no such API route')
  })

  // The language guide's lexicon, for browsers: versioned addresses, so cached for good.
  for (const [kind, path] of Object.entries(LEXICON_FILES) as [keyof typeof LEXICON_FILES, string][]) {
    app.get(path, compress(), (c) =>
      c.body(new Uint8Array(swedishLexiconFiles[kind]), 200, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
      }),
    )
  }

  const indexPage = loadWhenChanged(join(config.staticDir, 'index.html'), (file) =>
    readFileSync(file, 'utf8'),
  )
  const pagePreloads = createPagePreloads(config.staticDir, logger)
  // Asset names carry their content's hash, so a phone keeps them for good and a repeat visit fetches only
  // the page; the page itself is checked every time, so a new release reaches everyone at once.
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable')
  })
  // Partners on a train or a municipal guest network: the bundle is text and shrinks to a quarter. The build
  // leaves Brotli and gzip copies beside each asset; one without them is compressed on the way out.
  app.use('/assets/*', compress())
  app.use('/assets/*', serveStatic({ root: config.staticDir, precompressed: true }))
  app.use('*', async (c, next) => {
    await next()
    if (c.res.headers.get('content-type')?.startsWith('text/html') === true)
      c.header('cache-control', 'no-cache')
  })
  // Client-side routes all load the single page; it decides what to show. The page's own code is named in its
  // HTML, so the browser fetches it while it parses the page instead of when the app's script asks for it
  // (and the app's loader finds it there and adds nothing). The start page too, before the static files.
  const sendPage = (c: Context) => {
    const html = indexPage()
    if (html === null) return c.html(CLIENT_MISSING, 503)
    return c.html(html.replace('</head>', `${pagePreloads(c.req.path)}</head>`))
  }
  app.get('/', sendPage)
  app.use('/*', serveStatic({ root: config.staticDir }))
  app.get('*', (c) => {
    // An asset that is not there is missing, not a client-side route (else its page would be cached as it).
    if (c.req.path.startsWith('/assets/')) throw new ApiError('not-found', 'no such asset')
    return sendPage(c)
  })

  app.notFound(() => {
    throw new ApiError('not-found', 'not found')
  })
  app.onError((error, c) => {
    if (error instanceof ApiError) return error.getResponse()
    // The client went away mid-upload (a closed laptop, a dropped train connection): nothing is wrong here,
    // and nobody is left to answer.
    if ((error as { code?: unknown }).code === 'ECONNRESET' && error.message === 'aborted') {
      logger.warn({ path: c.req.path }, 'the client aborted its request')
      return new ApiError('invalid-request', 'the request was aborted by the client').getResponse()
    }
    if (error instanceof StorageIntegrityError) {
      logger.error({ err: error, path: c.req.path }, 'stored data is malformed')
      return new ApiError('internal-error', 'stored data failed its integrity check').getResponse()
    }
    logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return new ApiError('internal-error', 'internal server error').getResponse()
  })
  return app
}
