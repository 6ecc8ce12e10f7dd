import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { createWorkspaceInBrowser, joinInBrowser } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

interface Seat {
  readonly table: number
  readonly host: boolean
}

/** Where the participant's phone says they sit. */
const seatOf = async (page: Page): Promise<Seat> => {
  const announcement = page.locator('.seat-announcement')
  await announcement.waitFor()
  return {
    table: Number(await announcement.getAttribute('data-table')),
    host: (await announcement.getAttribute('data-host')) === 'true',
  }
}

/** The table (1-based) the console's seating plan puts someone at, in the round it shows. */
const plannedTable = (console: Page, name: string): Promise<number> =>
  console.locator(`.seating-table:has(li[data-person="${name}"])`).getAttribute('data-table').then(Number)

const typeNote = async (page: Page, text: string) => {
  const editor = page.locator('.table-note .ProseMirror').first()
  await editor.click()
  await editor.pressSequentially(text, { delay: 5 })
}

e2e('a world café in the browser', () => {
  const session = browserSession()

  it('a facilitator and three participants run two short rounds: tables change, hosts stay, notes stay with their table, the harvest gets a card, a vote and a sign-up, and the shared screen shows question and timer', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)

    // The café, set up with two six-second rounds.
    await karin.getByRole('button', { name: 'Till arbetsytan' }).click()
    await karin.locator('input[name="template"][value="cafe"]').check()
    await karin.getByLabel('Titel').fill('Idémöte i Järva')
    await karin.getByRole('button', { name: 'Skapa dokument' }).click()
    await karin.getByRole('heading', { name: 'Idémöte i Järva' }).waitFor()
    for (const round of [1, 2]) {
      const minutes = karin.getByLabel(`Minuter, ${round}`)
      await minutes.fill('0.1')
      await minutes.press('Tab')
    }
    await expect.poll(() => karin.locator('[data-status]').first().getAttribute('data-status')).toBe('saved')
    await karin.getByRole('link', { name: 'Öppna caféet' }).click()
    await karin.getByRole('heading', { name: 'Närvarande' }).waitFor()
    const cafeUrl = karin.url()

    // Three participants on their phones, and three municipal colleagues without a device of their own.
    const names = ['Aisha Förening', 'Bengt Förening', 'Cecilia Förening'] as const
    const phones = new Map<string, Page>()
    for (const name of names) {
      const page = await joinInBrowser(session.browser, participantUrl, name)
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(cafeUrl)
      await page.getByText('Caféet har inte börjat än', { exact: false }).waitFor()
      phones.set(name, page)
    }
    const invite = decodeURIComponent(new URL(participantUrl).hash.slice(1))
    const preview = (await (
      await fetch(`${session.server.url}/api/invites/${encodeURIComponent(invite)}`)
    ).json()) as {
      parties: { id: string; kind: string }[]
    }
    const municipality = preview.parties.find((party) => party.kind === 'public')!.id
    for (const name of ['Dina Kommun', 'Erik Kommun', 'Fatima Kommun']) {
      const joined = await fetch(`${session.server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite, name, partyId: municipality }),
      })
      expect(joined.status).toBe(201)
    }
    await karin.reload()
    for (const name of [...names, 'Dina Kommun', 'Erik Kommun', 'Fatima Kommun']) {
      await karin.getByLabel(new RegExp(`^${name}`)).check()
    }
    await karin.getByText('6 närvarande.').waitFor()
    await karin.getByRole('button', { name: 'Föreslå placering' }).click()
    await karin.locator('.seating-table').nth(1).waitFor()
    expect(await karin.locator('.seating-table').count()).toBe(2)
    await expectNoSeriousAxeViolations(karin, 'the facilitator console')

    // The shared screen in the room.
    const screen = await karin.context().newPage()
    await screen.goto(`${cafeUrl}/skarm`)
    await screen.getByRole('heading', { name: 'Idémöte i Järva' }).waitFor()

    // Check-in: one short answer each, on the wall.
    await karin.getByRole('button', { name: 'Börja caféet' }).click()
    const aisha = phones.get('Aisha Förening')!
    await aisha.getByLabel('Ditt svar').fill('Nyfiken på grannskapet')
    await aisha.getByRole('button', { name: 'Lägg upp' }).click()
    await screen.locator('.wall').getByText('Nyfiken på grannskapet').waitFor()

    // Round 1.
    await karin.getByRole('button', { name: 'Nästa steg' }).click()
    await screen.locator('h1.cafe-question', { hasText: 'Vad betyder' }).waitFor()
    await expect
      .poll(async () => Number(await screen.locator('.cafe-timer-digits').getAttribute('data-remaining-ms')))
      .toBeGreaterThan(0)
    const first = new Map<string, Seat>()
    for (const [name, page] of phones) {
      const seat = await seatOf(page)
      expect(seat.table).toBe(await plannedTable(karin, name))
      first.set(name, seat)
      await typeNote(page, `${name.split(' ')[0]} i runda 1`)
    }
    await expectNoSeriousAxeViolations(aisha, 'a participant’s phone during a round')
    // Everyone's timer runs out together.
    for (const page of phones.values()) {
      await expect
        .poll(() => page.locator('.cafe-timer-digits').getAttribute('data-remaining-ms'), { timeout: 15_000 })
        .toBe('0')
    }

    // Before round 2 the facilitator makes sure every mover changes table (by keyboard, in the plan).
    await karin.getByRole('group', { name: 'Visa runda' }).getByRole('button', { name: 'Runda 2' }).click()
    for (const [name, seat] of first) {
      if (seat.host || (await plannedTable(karin, name)) !== seat.table) continue
      await karin.getByLabel(`Bord för ${name}`).selectOption({ label: `${seat.table === 1 ? 2 : 1}` })
      await expect.poll(() => plannedTable(karin, name)).not.toBe(seat.table)
    }
    await karin.getByRole('button', { name: 'Nästa steg' }).click()
    await karin.getByText('Runda 1 sparad som version 1.').waitFor()
    await screen.locator('h1.cafe-question', { hasText: 'vår ort' }).waitFor()
    for (const [name, page] of phones) {
      const before = first.get(name)!
      await expect.poll(async () => await page.locator('.round-label').innerText()).toContain('Runda 2')
      const seat = await seatOf(page)
      expect(seat.host).toBe(before.host)
      if (before.host) {
        expect(seat.table).toBe(before.table)
        // The host sees what was written at this table in round 1, to retell it.
        await expect
          .poll(() => page.locator('.recap').innerText())
          .toContain(`${name.split(' ')[0]} i runda 1`)
      } else {
        expect(seat.table).not.toBe(before.table)
      }
      await typeNote(page, `${name.split(' ')[0]} i runda 2`)
    }
    // Two rounds are enough today: the facilitator goes straight to the check-out, then the harvest.
    await karin
      .getByRole('navigation', { name: 'Caféets steg' })
      .getByRole('button', { name: 'Utcheckning' })
      .click()
    await karin.getByText('Runda 2 sparad som version 2.').waitFor()

    // Harvest: a card, a vote and a sign-up, on the shared screen too.
    await karin.getByRole('button', { name: 'Nästa steg' }).click()
    await aisha.getByLabel('Ny idé').fill('Gemensam träffpunkt på torget')
    await aisha.getByRole('button', { name: 'Lägg till idé' }).click()
    const card = aisha.locator('.idea-card', { hasText: 'Gemensam träffpunkt' })
    await card.getByRole('button', { name: /^Rösta/ }).click()
    await aisha.getByText('Du har 2 röster kvar.').waitFor()
    await card.getByRole('button', { name: /^Jag vill gå vidare/ }).click()
    const onScreen = screen.locator('.idea-card', { hasText: 'Gemensam träffpunkt på torget' })
    await expect.poll(() => onScreen.getAttribute('data-idea')).toBe('Gemensam träffpunkt på torget')
    await expect.poll(() => onScreen.locator('[data-votes]').getAttribute('data-votes')).toBe('1')
    await expect.poll(() => onScreen.innerText()).toContain('Aisha Förening (Föreningen Gemenskap)')
    await expect.poll(() => screen.locator('.organisations').innerText()).toContain('Föreningen Gemenskap')
    await expectNoSeriousAxeViolations(screen, 'the shared screen’s harvest')

    // The version saved at the end of round 1 holds that round's notes, table by table.
    const documentId = new URL(cafeUrl).pathname.split('/').at(-1)!
    const exported = await karin.evaluate(
      (id) => fetch(`/api/documents/${id}/versions/1?format=md`).then((response) => response.text()),
      documentId,
    )
    for (const name of names) expect(exported).toContain(`${name.split(' ')[0]} i runda 1`)
    expect(exported).not.toContain('i runda 2')
    expect(exported).toContain('Nyfiken på grannskapet')
  }, 180_000)
})
