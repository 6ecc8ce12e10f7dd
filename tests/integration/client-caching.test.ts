import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureClientBuilt } from '../helpers/browser'
import { startTestServer, type TestServer } from '../helpers/test-server'

describe('serving the client', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ STATIC_DIR: ensureClientBuilt() })
  }, 120_000)
  afterAll(() => server?.close())

  it('sends hashed assets as immutable for a year, Brotli- or gzip-compressed, and the page itself as no-cache, also for client-side routes', async () => {
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const html = await page.text()
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      const response = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } })
      expect(response.status, asset).toBe(200)
      expect(response.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable')
      if (asset.endsWith('.js')) expect(response.headers.get('content-encoding'), asset).toBe('gzip')
    }
    // Brotli for browsers that take it (every current one), sent as built, and the same script once decoded.
    const script = assets.find((asset) => asset.endsWith('.js'))!
    const brotli = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding')
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await brotli.text()).toBe(await plain.text())
    const route = await fetch(`${server.url}/w/${'a'.repeat(32)}`)
    expect(route.headers.get('cache-control')).toBe('no-cache')
    // A missing asset is not cached for a year.
    const missing = await fetch(`${server.url}/assets/nothing-here.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).not.toBe('public, max-age=31536000, immutable')
  })
})
