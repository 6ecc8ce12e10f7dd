import { afterEach } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { connectProvider, destroyProvider } from './clients'
import { startTestServer, type TestServer } from './test-server'

/**
 * A real server per test and the y-websocket clients a test opens on it; after each test every client is
 * destroyed and the server closed.
 */
export const serverWithClients = () => {
  let server: TestServer | null = null
  const providers: WebsocketProvider[] = []
  afterEach(async () => {
    for (const provider of providers.splice(0)) destroyProvider(provider)
    await server?.close()
    server = null
  })
  return {
    async start(): Promise<TestServer> {
      server = await startTestServer(process.env.DEBUG_LOG ? { LOG_LEVEL: process.env.DEBUG_LOG } : {})
      return server
    },
    /** A client of `docId` signed in with `token`, destroyed after the test. */
    open(docId: string, token: string, doc?: Y.Doc): WebsocketProvider {
      if (server === null) throw new Error('start the server first')
      const provider = connectProvider(server.wsUrl, docId, token, doc)
      providers.push(provider)
      return provider
    },
  }
}
