import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import * as Y from 'yjs'
import { BenchClient } from '../BenchClient'
import { connectAndSync } from '../scenarios'
import type { BenchServer } from '../servers'
import { median, percentiles, round } from '../stats'
import { type CookieOf, epochNow, sleep } from './browserBench'
import { floorHeaders } from './floorHeaders'
import { harvestWall } from './harvestWall'
import { launchQuietChromium } from './launchQuietChromium'

const FIELD = 'f:challenge'

/** The text of the field's first paragraph, where the page, the typists and the marker all type. */
const firstParagraphText = (doc: Y.Doc): Y.XmlText | null => {
  const paragraph = doc.getXmlFragment(FIELD).get(0)
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  return text instanceof Y.XmlText ? text : null
}

/**
 * Cold loads of each page for "editable", interleaved; the median is reported. With 3, two runs of the same
 * build differed by a tenth of the ratio on a noisy machine.
 */
const EDITABLE_LOADS = 7

/** What the seed writes in the field before any page opens it. */
const SEED_TEXT = 'Utmaningen: '

/**
 * In every page, before its scripts: when the first field could be typed in and showed the document's text
 * (ms from navigation start, and a promise of it), the time from each keystroke until the frame after it was
 * painted, and when each remote marker `R<n>;` was first painted (epoch ms). "Painted" is a task posted from
 * the next animation frame: it runs once that frame has been produced. A field without the text does not
 * count: a person opening a document waits for what it says, and a page can make an empty field editable
 * before its socket has even opened.
 */
const INSTRUMENT = `(() => {
  const b = (window.__bench = { editableAt: null, keys: [], seen: {} })
  b.editable = new Promise((resolve) => { b.resolveEditable = resolve })
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0) })
  addEventListener('keydown', (e) => { const t = e.timeStamp; afterPaint(() => b.keys.push(performance.now() - t)) }, true)
  new MutationObserver(() => {
    const editable = document.querySelector('.ProseMirror[contenteditable="true"]')
    if (b.editableAt === null && editable !== null && editable.textContent.includes(${JSON.stringify(SEED_TEXT)})) b.resolveEditable(b.editableAt = performance.now())
    const field = document.querySelector('.ProseMirror')
    if (field === null) return
    const fresh = [...field.textContent.matchAll(/R(\\d+);/g)].map((m) => m[1]).filter((n) => !(n in b.seen))
    if (fresh.length === 0) return
    for (const n of fresh) b.seen[n] = 0
    afterPaint(() => { const at = performance.timeOrigin + performance.now(); for (const n of fresh) b.seen[n] = at })
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
})()`

interface Target {
  readonly label: string
  readonly url: string
}

/**
 * Serves the floor page (bundled here with esbuild, as Vite would minify it) on a port of its own, with the
 * document page's own response headers (`floorHeaders`).
 */
const serveFloorPage = async (headers: Record<string, string>): Promise<{ server: Server; url: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'floor-page-'))
  await build({
    entryPoints: [join(import.meta.dirname, 'floor-page.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'floor.js'),
    logLevel: 'error',
  })
  const script = readFileSync(join(dir, 'floor.js'))
  const html =
    '<!doctype html><meta charset="utf-8"><div id="editor"></div><script type="module" src="/floor.js"></script>'
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/floor.js')) {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script)
    } else response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { server, url: `http://127.0.0.1:${port}/` }
}

/** Bytes of JavaScript a navigation fetched over the network (compressed, as sent; cached ones count 0). */
const scriptBytes = async (context: BrowserContext, page: Page, url: string): Promise<number> => {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const scripts = new Set<string>()
  let bytes = 0
  cdp.on('Network.responseReceived', (event) => {
    if (
      event.type === 'Script' &&
      !event.response.fromDiskCache &&
      !(event.response as { fromMemoryCache?: boolean }).fromMemoryCache
    )
      scripts.add(event.requestId)
  })
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) bytes += event.encodedDataLength
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.locator('.ProseMirror[contenteditable="true"]').first().waitFor()
  await cdp.detach()
  return bytes
}

/**
 * Time from navigation start until a field is editable, CPU throttled 4× (a mid-range phone), cold cache.
 * Awaited through the DevTools protocol, not a Playwright locator: a locator evaluates Playwright's own script
 * in the page (50–240 ms of a throttled main thread), which lands in the middle of whichever page still has
 * work to do and so measured the harness as much as the page.
 */
const editableMs = async (browser: Browser, target: Target, cookie: CookieOf): Promise<number> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  await context.addCookies(cookie(target.url))
  await context.addInitScript(INSTRUMENT)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(target.url, { waitUntil: 'domcontentloaded' })
  const { result } = await Promise.race([
    cdp.send('Runtime.evaluate', {
      expression: 'window.__bench.editable',
      awaitPromise: true,
      returnByValue: true,
    }),
    sleep(30_000).then(() => Promise.reject(new Error(`${target.label}: no editable field in 30 s`))),
  ])
  await context.close()
  if (typeof result.value !== 'number') throw new Error(`${target.label}: no editable field (${result.type})`)
  return result.value
}

/** 30 participants typing 2 keystrokes/s into the field the page edits. */
const typists = async (server: BenchServer, docName: string, count: number) => {
  const clients = Array.from(
    { length: count },
    () =>
      new BenchClient({
        url: server.urlFor(docName),
        docName,
        framing: server.framing,
        applyOnArrival: true,
      }),
  )
  await Promise.all(clients.map((client) => connectAndSync(client)))
  await sleep(300)
  const timers = clients.map((client, i) =>
    setInterval(() => {
      const text = firstParagraphText(client.doc)
      if (text !== null) text.insert(Math.floor(Math.random() * (text.length + 1)), `${i % 10}`)
    }, 500),
  )
  return () => {
    for (const timer of timers) clearInterval(timer)
    for (const client of clients) client.close()
  }
}

/** Keystrokes typed in the page while others type; remote markers typed by one more client. */
const typing = async (
  browser: Browser,
  server: BenchServer,
  docName: string,
  target: Target,
  cookie: CookieOf,
) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.addCookies(cookie(target.url))
  await context.addInitScript(INSTRUMENT)
  const page = await context.newPage()
  await page.goto(target.url)
  const field = page.locator('.ProseMirror[contenteditable="true"]').first()
  await field.waitFor({ timeout: 30_000 })
  const stop = await typists(server, docName, 30)
  const marker = new BenchClient({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    applyOnArrival: true,
  })
  await connectAndSync(marker)
  await sleep(200)
  await field.click()
  const sent = new Map<string, number>()
  for (let k = 0; k < 60; k++) {
    await page.keyboard.type('ab', { delay: 60 })
    const text = firstParagraphText(marker.doc)
    if (text !== null) {
      sent.set(String(k), epochNow())
      text.insert(0, `R${k};`)
    }
    await sleep(80)
  }
  await sleep(1_000)
  const { keys, seen } = await page.evaluate(
    () => (window as unknown as { __bench: { keys: number[]; seen: Record<string, number> } }).__bench,
  )
  stop()
  marker.close()
  await context.close()
  const remote = [...sent].flatMap(([k, at]) => (seen[k] ? [seen[k]! - at] : []))
  return { keys: percentiles(keys), remote: percentiles(remote), remoteMissed: sent.size - remote.length }
}

export interface ClientBenchResult {
  readonly metrics: Record<string, number>
}

/**
 * `npm run bench -- --client`: the document page in real Chromium beside the floor page, and the café's
 * harvest wall, on one server.
 */
export const clientBench = async (
  server: BenchServer,
  docName: string,
  wallDocName: string,
): Promise<ClientBenchResult> => {
  const page = server.pageFor!(docName)
  const documentPage = await fetch(page.url, { headers: { cookie: `${page.cookie}=${page.token}` } })
  if (!documentPage.ok) throw new Error(`the document page answered ${documentPage.status}`)
  const floor = await serveFloorPage(floorHeaders(documentPage.headers, new URL(server.wsBase!).origin))
  const floorUrl = `${floor.url}?ws=${encodeURIComponent(server.wsBase!)}&doc=${page.documentId}&token=${page.token}&field=${FIELD}`
  const cookie: CookieOf = (url) =>
    new URL(url).origin === new URL(page.url).origin
      ? [
          // domain and path, not url: from a url Chromium would scope the cookie to the page's folder, and
          // the page's /api calls would go without it.
          {
            name: page.cookie,
            value: page.token,
            domain: new URL(page.url).hostname,
            path: '/',
            httpOnly: true,
            sameSite: 'Strict',
          },
        ]
      : []
  // One writer puts a paragraph in the field first, so typists and the page type into the same one.
  const seed = new BenchClient({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    applyOnArrival: true,
  })
  await connectAndSync(seed)
  await sleep(300)
  const fragment = seed.doc.getXmlFragment(FIELD)
  seed.doc.transact(() => {
    fragment.delete(0, fragment.length)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(SEED_TEXT)])
    fragment.insert(0, [paragraph])
  })
  await sleep(300)
  seed.close()

  const { browser } = await launchQuietChromium()
  try {
    const context = await browser.newContext()
    await context.addCookies(cookie(page.url))
    const tab = await context.newPage()
    const firstVisit = await scriptBytes(context, tab, page.url)
    const repeatVisit = await scriptBytes(context, tab, page.url)
    await context.close()
    const ours = { label: 'document page', url: page.url }
    const bare = { label: 'floor page', url: floorUrl }
    const editable = { ours: [] as number[], floor: [] as number[] }
    for (let run = 0; run < EDITABLE_LOADS; run++) {
      editable.ours.push(await editableMs(browser, ours, cookie))
      editable.floor.push(await editableMs(browser, bare, cookie))
    }
    const mine = await typing(browser, server, docName, ours, cookie)
    const floorTyping = await typing(browser, server, docName, bare, cookie)
    const wall = await harvestWall(browser, server, wallDocName, cookie)
    return {
      metrics: {
        jsFirstVisitKB: round(firstVisit / 1024, 1),
        jsRepeatVisitKB: round(repeatVisit / 1024, 1),
        editableThrottledMs: round(median(editable.ours)),
        floorEditableThrottledMs: round(median(editable.floor)),
        keystrokeToPaintP95Ms: round(mine.keys.p95),
        floorKeystrokeToPaintP95Ms: round(floorTyping.keys.p95),
        remoteKeystrokeP95Ms: round(mine.remote.p95),
        floorRemoteKeystrokeP95Ms: round(floorTyping.remote.p95),
        remoteMissed: mine.remoteMissed,
        ...wall,
      },
    }
  } finally {
    await browser.close()
    floor.server.close()
  }
}

/** The client figures beside their targets, as docs/PERFORMANCE.md quotes them. */
export const renderClientTable = (m: Record<string, number>): string => {
  const ratio = (a: number, b: number) => `${round(a / b, 2)}×`
  const rows: Array<[string, string, string, string, boolean | null]> = [
    ['JavaScript, first visit', '≤ 200 KB', `${m.jsFirstVisitKB} KB`, '', m.jsFirstVisitKB! <= 200],
    ['JavaScript, repeat visit', '≤ 20 KB', `${m.jsRepeatVisitKB} KB`, '', m.jsRepeatVisitKB! <= 20],
    [
      'editable, CPU 4× throttled, cold cache',
      '≤ 1.5× the floor page',
      `${m.editableThrottledMs} ms`,
      `floor ${m.floorEditableThrottledMs} ms (${ratio(m.editableThrottledMs!, m.floorEditableThrottledMs!)})`,
      m.editableThrottledMs! <= 1.5 * m.floorEditableThrottledMs!,
    ],
    [
      'keystroke to local paint, 30 others typing, p95',
      '≤ 16 ms',
      `${m.keystrokeToPaintP95Ms} ms`,
      `floor ${m.floorKeystrokeToPaintP95Ms} ms`,
      m.keystrokeToPaintP95Ms! <= 16,
    ],
    [
      'remote keystroke until painted, p95',
      '≤ 50 ms',
      `${m.remoteKeystrokeP95Ms} ms`,
      `floor ${m.floorRemoteKeystrokeP95Ms} ms`,
      m.remoteKeystrokeP95Ms! <= 50,
    ],
    // No target in the issue: reported so that a slower wall shows.
    [
      'harvest wall, 300 cards shown, CPU 4× throttled, cold cache',
      '(reported)',
      `${m.harvestWallShownThrottledMs} ms`,
      '',
      null,
    ],
    [
      'a new card on the 300-card wall until painted, p95',
      '(reported)',
      `${m.harvestCardArrivalP95Ms} ms`,
      '',
      null,
    ],
  ]
  return [
    '| measure | target | document page | floor page | met |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows.map(
      ([what, target, ours, floor, met]) =>
        `| ${what} | ${target} | ${ours} | ${floor} | ${met === null ? '—' : met ? 'yes' : 'no'} |`,
    ),
  ].join('\n')
}
