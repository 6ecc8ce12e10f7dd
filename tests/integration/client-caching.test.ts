import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureClientBuilt } from '../helpers/browser'
import { startTestServer, type TestServer } from '../helpers/test-server'

describe('serving the client', () => {
  let server: TestServer
  /** The scripts a document link's HTML loads: its entry and the chunks it names for preloading. */
  const documentPageScripts = async (): Promise<string[]> => {
    const html = await (await fetch(`${server.url}/w/${'a'.repeat(32)}/d/${'b'.repeat(32)}`)).text()
    return [
      ...html.matchAll(
        /<script type="module" crossorigin src="([^"]+)"|rel="modulepreload" crossorigin href="([^"]+)"/g,
      ),
    ].map((match) => match[1] ?? match[2]!)
  }
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
      // Scripts under 1 KiB are sent as they are: compressing them would save nothing (the build's threshold).
      const size = (await response.arrayBuffer()).byteLength
      if (asset.endsWith('.js') && size >= 1024)
        expect(response.headers.get('content-encoding'), asset).toBe('gzip')
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

  it('names the document page’s own chunks in the HTML of a document link, so they load while the page parses, and only there', async () => {
    const manifest = JSON.parse(
      readFileSync(join(ensureClientBuilt(), '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>
    const documentChunk = manifest['src/features/document/DocumentPage.tsx']!.file
    const sidePanelChunk = manifest['src/features/document/DocumentSidePanel.tsx']!.file
    const documentHtml = await (await fetch(`${server.url}/w/${'a'.repeat(32)}/d/${'b'.repeat(32)}`)).text()
    expect(documentHtml).toContain(`<link rel="modulepreload" crossorigin href="/${documentChunk}">`)
    // The side panel is loaded after the fields, on purpose: it is not named.
    expect(documentHtml).not.toContain(sidePanelChunk)
    const startHtml = await (await fetch(`${server.url}/`)).text()
    expect(startHtml).not.toContain(documentChunk)
    expect(startHtml).toContain(`href="/${manifest['src/features/start/StartPage.tsx']!.file}"`)
    // Every named chunk is served.
    for (const [, href] of documentHtml.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)) {
      expect((await fetch(`${server.url}${href}`)).status, href).toBe(200)
    }
  })

  it('sends the document page’s code as a few ASCII-only scripts, so that a phone makes few requests and reads each as one byte per character', async () => {
    const scripts = await documentPageScripts()
    // The entry, the common code, the editor, the page and one small piece: it was twelve.
    expect(new Set(scripts).size).toBeGreaterThanOrEqual(3)
    expect(new Set(scripts).size).toBeLessThanOrEqual(6)
    for (const script of scripts) {
      const text = await (
        await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } })
      ).text()
      const nonAscii = text.match(/[\u0080-\uffff]/)
      expect(nonAscii?.[0], `${script} has a non-ASCII character`).toBeUndefined()
    }
  })

  it('marks the app’s own chunks for V8 to compile while they download, and not the editor’s, compressed or not', async () => {
    const scripts = await documentPageScripts()
    const hinted = new Map<string, boolean>()
    for (const script of scripts) {
      const plain = await (
        await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } })
      ).text()
      const brotli = await (
        await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br' } })
      ).text()
      expect(brotli, script).toBe(plain)
      // At the top: above it only Vite's own one-line list of the chunk's lazy imports.
      const lines = plain.split('\n', 2)
      const at = lines.indexOf('//# allFunctionsCalledOnLoad')
      expect(
        at === 0 || (at === 1 && lines[0]!.startsWith('const __vite__mapDeps=')) || at === -1,
        script,
      ).toBe(true)
      hinted.set(script, at !== -1)
    }
    const manifest = JSON.parse(
      readFileSync(join(ensureClientBuilt(), '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string; isEntry?: boolean }>
    const chunk = (source: string) => `/${manifest[source]!.file}`
    expect(hinted.get(chunk('src/features/document/DocumentPage.tsx'))).toBe(true)
    expect(hinted.get(chunk(Object.keys(manifest).find((key) => manifest[key]!.isEntry)!))).toBe(true)
    const editor = Object.keys(manifest).find((key) => key.startsWith('_RichTextEditor-'))!
    expect(hinted.get(chunk(editor))).toBe(false)
    expect([...hinted.values()].filter(Boolean).length).toBeGreaterThanOrEqual(3)
  })
})
