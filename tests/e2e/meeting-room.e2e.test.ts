import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addCard, addGroup, moveCard } from '../../shared/cafe/harvest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { createWorkspaceInBrowser } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

const PROJECTORS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const

/** What the room can see: nothing scrolled off, no app chrome, no placeholder, and the sizes of UX.md. */
const checkScreen = async (
  screen: Page,
  what: string,
  sizes: { question?: boolean; timer?: boolean } = {},
) => {
  for (const viewport of PROJECTORS) {
    await screen.setViewportSize(viewport)
    await screen.waitForTimeout(150)
    const measured = await screen.evaluate(() => {
      const page = document.querySelector('.screen-page') as HTMLElement
      const px = (selector: string) => {
        const element = document.querySelector(selector)
        return element === null ? null : Number.parseFloat(getComputedStyle(element).fontSize)
      }
      return {
        pageScrolls:
          document.documentElement.scrollHeight > window.innerHeight + 1 ||
          document.documentElement.scrollWidth > window.innerWidth + 1,
        cutOff: page.scrollHeight > page.clientHeight + 1 || page.scrollWidth > page.clientWidth + 1,
        chrome: document.querySelectorAll('.site-header, .site-footer').length,
        text: document.body.innerText,
        body: Number.parseFloat(getComputedStyle(document.querySelector('.screen-main')!).fontSize),
        question: px('.cafe-question'),
        timer: px('.cafe-timer-digits'),
      }
    })
    const at = `${what} at ${viewport.width}×${viewport.height}`
    expect(measured.pageScrolls, `${at}: the page scrolls`).toBe(false)
    expect(measured.cutOff, `${at}: something is cut off`).toBe(false)
    expect(measured.chrome, `${at}: app chrome`).toBe(0)
    expect(measured.text, `${at}: a placeholder`).not.toMatch(/\bxx\b/i)
    if (viewport.width === 1920) {
      expect(measured.body, `${at}: body text`).toBeGreaterThanOrEqual(32)
      if (sizes.question === true) expect(measured.question, `${at}: the question`).toBeGreaterThanOrEqual(56)
      if (sizes.timer === true) expect(measured.timer, `${at}: the timer`).toBeGreaterThanOrEqual(120)
    }
  }
  await expectNoSeriousAxeViolations(screen, what)
}

e2e('the meeting room', () => {
  const session = browserSession()

  it('a screen opened once from its link follows the facilitator through the join slide, check-in, two rounds and the harvest without being touched', async () => {
    const karin = await (await newPerson(session.browser, { width: 1440, height: 900 })).newPage()
    const { viewerUrl, participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)

    // The projector: opened once, asks nothing, and waits.
    const screen = await (await newPerson(session.browser, { width: 1920, height: 1080 })).newPage()
    await screen.goto(viewerUrl)
    await screen.waitForURL(/\/skarm$/)
    await screen.locator('[data-screen-kind="waiting"]').first().waitFor()
    await checkScreen(screen, 'the waiting screen')

    // People in the room, both sides.
    const invite = decodeURIComponent(new URL(participantUrl).hash.slice(1))
    const preview = (await (
      await fetch(`${session.server.url}/api/invites/${encodeURIComponent(invite)}`)
    ).json()) as {
      parties: { id: string; kind: string }[]
    }
    const tokens: string[] = []
    const names = [
      'Aisha Förening',
      'Bengt Förening',
      'Cecilia Förening',
      'Dina Kommun',
      'Erik Kommun',
      'Fatima Kommun',
    ]
    for (const name of names) {
      const party = preview.parties.find(
        (candidate) => candidate.kind === (name.endsWith('Kommun') ? 'public' : 'nonprofit'),
      )!
      const joined = await fetch(`${session.server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite, name, partyId: party.id }),
      })
      expect(joined.status).toBe(201)
      tokens.push(((await joined.json()) as { session: { token: string } }).session.token)
    }

    // The join slide, for phones.
    await karin.getByRole('button', { name: 'Till arbetsytan' }).click()
    await karin.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await karin.getByRole('button', { name: 'Visa anslutningskod på skärmen' }).click()
    await screen.locator('.join-slide img.qr').waitFor()
    await checkScreen(screen, 'the join slide')

    // The café: the facilitator puts it on the screen; its own steps drive it from then on.
    await karin.locator('input[name="template"][value="cafe"]').check()
    await karin.getByLabel('Titel').fill('Idémöte i Järva')
    await karin.getByRole('button', { name: 'Skapa dokument' }).click()
    await karin.getByRole('heading', { name: 'Idémöte i Järva' }).waitFor()
    await karin.getByRole('link', { name: 'Öppna caféet' }).click()
    await karin.getByRole('heading', { name: 'Närvarande' }).waitFor()
    for (const name of names) await karin.getByLabel(new RegExp(`^${name}`)).check()
    await karin.getByText('6 närvarande.').waitFor()
    await karin.getByRole('button', { name: 'Föreslå placering' }).click()
    await karin.locator('.seating-table').nth(1).waitFor()
    await karin.getByRole('button', { name: 'Visa på skärmen' }).click()
    await screen.getByRole('heading', { name: 'Idémöte i Järva' }).waitFor()

    await karin.getByRole('button', { name: 'Börja caféet' }).click()
    await screen.locator('.check-in-wall').waitFor()
    await checkScreen(screen, 'the check-in wall', { question: true })

    await karin.getByRole('button', { name: 'Nästa steg' }).click()
    await screen
      .locator('h1.cafe-question', { hasText: 'Vad betyder Ensamhet bland äldre för mig personligen?' })
      .waitFor()
    await screen.locator('.seating-table').nth(1).waitFor()
    // People may still arrive: the join code stays in a corner, small.
    await screen.locator('.screen-corner-qr img.qr').waitFor()
    expect(await screen.locator('.host-mark').first().innerText()).toContain('värd')
    await checkScreen(screen, 'round 1', { question: true, timer: true })

    await karin.getByRole('button', { name: 'Nästa steg' }).click()
    await screen
      .locator('h1.cafe-question', { hasText: 'Vad betyder Ensamhet bland äldre för vår ort' })
      .waitFor()
    await checkScreen(screen, 'round 2', { question: true, timer: true })

    // 24 ideas in three groups, written by the people in the room (through their own sockets).
    const cafeId = new URL(karin.url()).pathname.split('/').at(-1)!
    const writer = connectProvider(session.server.wsUrl, cafeId, tokens[0]!)
    await waitSynced(writer)
    const memberId = (
      (await (
        await fetch(`${session.server.url}/api/workspaces/${new URL(karin.url()).pathname.split('/')[2]}`, {
          headers: { authorization: `Bearer ${tokens[0]}` },
        })
      ).json()) as { me: { id: string } }
    ).me.id
    for (const [index, name] of ['Barn och unga', 'Äldre', 'Mötesplatser'].entries()) {
      addGroup(writer.doc, { id: `g${index}`, name })
    }
    for (let i = 0; i < 24; i++) {
      addCard(writer.doc, {
        id: `idea-${i}`,
        text: [
          'Läxhjälp i föreningslokalen två kvällar i veckan',
          'Promenadgrupp för äldre',
          'Språkcafé med biblioteket',
        ][i % 3]!,
        round: i % 2,
        table: i % 2,
        memberId,
        at: new Date().toISOString(),
      })
      moveCard(writer.doc, `idea-${i}`, i % 8 === 7 ? null : `g${i % 3}`)
    }
    await karin.getByRole('button', { name: 'Skörd' }).click()
    await screen.locator('.harvest-columns').waitFor()
    await expect.poll(() => screen.locator('.idea-card').count()).toBe(24)
    await checkScreen(screen, 'the harvest')
    // All 24 cards whole on one 1920×1080 screen, none hidden below its column.
    await screen.setViewportSize({ width: 1920, height: 1080 })
    await screen.waitForTimeout(150)
    const hidden = await screen.evaluate(
      () =>
        [...document.querySelectorAll('.idea-card')].filter((card) => {
          const column = card.closest('.harvest-column')!.getBoundingClientRect()
          const box = card.getBoundingClientRect()
          return box.bottom > column.bottom + 1 || box.bottom > window.innerHeight
        }).length,
    )
    expect(hidden).toBe(0)
    destroyProvider(writer)
    // Nobody touched the screen: it is still the page the link opened.
    expect(screen.url()).toMatch(/\/skarm$/)
  }, 120_000)
})
