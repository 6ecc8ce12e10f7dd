import type { Browser } from 'playwright-core'
import { writeFlow } from '../../shared/cafe/cafe-control'
import { controlRoomId } from '../../shared/cafe/control-room'
import { addCard } from '../../shared/cafe/harvest'
import { BenchClient } from '../BenchClient'
import { connectAndSync } from '../scenarios'
import type { BenchServer } from '../servers'
import { median, percentiles, round } from '../stats'
import { type CookieOf, epochNow, sleep } from './browserBench'

const CARDS = 300
const ARRIVALS = 30

/**
 * In the wall's page, before its scripts: when it first showed `CARDS` idea cards (ms from navigation start,
 * after the frame that painted them) and when each arriving card `N<n>;` was first painted (epoch ms).
 */
const WALL_INSTRUMENT = `(() => {
  const b = (window.__wall = { fullAt: null, seen: {} })
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(0) })
  new MutationObserver(() => {
    const cards = document.querySelectorAll('.idea-card')
    if (b.fullAt === null && cards.length >= ${CARDS}) { b.fullAt = 0; afterPaint(() => { b.fullAt = performance.now() }) }
    const fresh = []
    for (const card of cards) {
      const m = /^N(\\d+);/.exec(card.querySelector('.idea-text')?.textContent ?? '')
      if (m !== null && !(m[1] in b.seen)) { b.seen[m[1]] = 0; fresh.push(m[1]) }
    }
    if (fresh.length > 0) afterPaint(() => { const at = performance.timeOrigin + performance.now(); for (const n of fresh) b.seen[n] = at })
  }).observe(document, { subtree: true, childList: true, characterData: true })
})()`

interface Wall {
  fullAt: number | null
  seen: Record<string, number>
}

const card = (memberId: string, n: number, text: string) => ({
  id: `card${n}`,
  text,
  round: n % 3,
  table: n % 8,
  memberId,
  at: new Date().toISOString(),
})

/**
 * The café's shared screen in the harvest with 300 idea cards (as 40 people at 8 tables write them over three
 * rounds): how long until the projector shows them all, CPU throttled 4× (the meeting room's old laptop), cold
 * cache; then a card written by someone while the wall is up, until it is painted there (p95 of 30).
 */
export const harvestWall = async (
  browser: Browser,
  server: BenchServer,
  docName: string,
  cookie: CookieOf,
): Promise<Record<string, number>> => {
  const page = server.pageFor!(docName)
  const writer = new BenchClient({
    url: server.urlFor(docName),
    docName,
    framing: server.framing,
    applyOnArrival: true,
  })
  // The phase lives in the café's control room, beside its document.
  const control = new BenchClient({
    url: `${server.wsBase!}/${controlRoomId(page.documentId)}?token=${page.token}`,
    docName: controlRoomId(page.documentId),
    framing: server.framing,
    applyOnArrival: true,
  })
  await Promise.all([connectAndSync(writer), connectAndSync(control)])
  writeFlow(control.doc, { phase: 'harvest', round: 0 })
  for (let n = 0; n < CARDS; n++) {
    addCard(
      writer.doc,
      card(page.memberId, n, `Idé ${n + 1}: mötesplatser för unga på kvällstid i ${n % 8} stadsdelar`),
    )
  }
  await sleep(500)

  const shownMs: number[] = []
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    await context.addCookies(cookie(page.url))
    await context.addInitScript(WALL_INSTRUMENT)
    const tab = await context.newPage()
    const cdp = await context.newCDPSession(tab)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await tab.goto(page.url)
    await tab.waitForFunction(() => ((window as unknown as { __wall: Wall }).__wall.fullAt ?? 0) > 0, null, {
      timeout: 60_000,
      polling: 100,
    })
    shownMs.push(await tab.evaluate(() => (window as unknown as { __wall: Wall }).__wall.fullAt!))
    await context.close()
  }

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  await context.addCookies(cookie(page.url))
  await context.addInitScript(WALL_INSTRUMENT)
  const tab = await context.newPage()
  await tab.goto(page.url)
  await tab.waitForFunction(() => ((window as unknown as { __wall: Wall }).__wall.fullAt ?? 0) > 0, null, {
    timeout: 60_000,
  })
  const sent = new Map<string, number>()
  for (let k = 0; k < ARRIVALS; k++) {
    sent.set(String(k), epochNow())
    addCard(writer.doc, card(page.memberId, CARDS + k, `N${k}; En idé till från bord ${k % 8}`))
    await sleep(250)
  }
  await sleep(1_000)
  const { seen } = await tab.evaluate(() => (window as unknown as { __wall: Wall }).__wall)
  await context.close()
  writer.close()
  control.close()
  const arrivals = [...sent].flatMap(([k, at]) => (seen[k] ? [seen[k]! - at] : []))
  return {
    harvestWallShownThrottledMs: round(median(shownMs)),
    harvestCardArrivalP95Ms: round(percentiles(arrivals).p95),
    harvestCardsMissed: sent.size - arrivals.length,
  }
}
