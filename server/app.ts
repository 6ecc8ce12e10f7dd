import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { UpgradeWebSocket } from 'hono/ws'
import type { WebSocket } from 'ws'
import { HttpError } from './http/HttpError'
import { mountSyncRoute } from './http/sync-route'
import type { Logger } from './logger'
import type { DocumentStore } from './storage/port'
import type { RoomRegistry } from './sync/RoomRegistry'

export interface AppDependencies {
  readonly store: DocumentStore
  readonly registry: RoomRegistry
  readonly logger: Logger
  readonly upgradeWebSocket: UpgradeWebSocket<WebSocket>
  /** The built client (index.html and assets); a short notice is served when it is missing. */
  readonly staticDir: string
}

const CLIENT_MISSING = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Samverkstad</title>
<p>Klienten är inte byggd. Kör <code>npm run build</code>. / The client is not built: run <code>npm run build</code>.</p></html>`

/**
 * The HTTP surface: operations endpoints, the sync upgrade and the client bundle. Routes only translate
 * HTTP; the work is done by the services they are given.
 */
export const createApp = ({
  store,
  registry,
  logger,
  upgradeWebSocket,
  staticDir,
}: AppDependencies): Hono => {
  const app = new Hono()

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    try {
      await store.ping()
      return c.json({ status: 'ready', storage: 'ok' })
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed')
      return c.json({ status: 'unavailable', storage: 'error' }, 503)
    }
  })

  mountSyncRoute(app, { registry, logger, upgradeWebSocket })

  app.all('/api/*', () => {
    throw new HttpError(404, 'not-found', 'no such API route')
  })

  const indexFile = join(staticDir, 'index.html')
  app.use('/*', serveStatic({ root: staticDir }))
  app.get('*', (c) => {
    // Client-side routes all load the single page; it decides what to show.
    if (!existsSync(indexFile)) return c.html(CLIENT_MISSING, 503)
    return c.html(readFileSync(indexFile, 'utf8'))
  })

  app.notFound(() => {
    throw new HttpError(404, 'not-found', 'not found')
  })
  app.onError((error, c) => {
    if (error instanceof HttpError) return error.getResponse()
    logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return new HttpError(500, 'internal-error', 'internal server error').getResponse()
  })
  return app
}
