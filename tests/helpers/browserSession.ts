import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { ensureClientBuilt, launchBrowser } from './browser'
import { startTestServer, type TestServer } from './test-server'

export interface BrowserSession {
  server: TestServer
  browser: Browser
}

/** One real server with the built client and one Chromium for the whole file; both closed after it. */
export const browserSession = (): BrowserSession => {
  const session = {} as BrowserSession
  beforeAll(async () => {
    session.server = await startTestServer({ STATIC_DIR: ensureClientBuilt() })
    session.browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.close()
  })
  return session
}
