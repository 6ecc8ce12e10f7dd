import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { TestWorkspace } from '../helpers/workspace'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

const NAMES = [
  'Aisha',
  'Bertil',
  'Cecilia',
  'David',
  'Elsa',
  'Farid',
  'Greta',
  'Hamid',
  'Ida',
  'Jonas',
  'Karl',
  'Lina',
]

/** The table (1-based) a person sits at in the plan on view, or null. */
const tableOf = (page: Page, name: string): Promise<number | null> =>
  page
    .locator('.console-tables .seating-table')
    .evaluateAll(
      (tables, who) =>
        tables.findIndex((table) => table.querySelector(`li[data-person="${who}"]`) !== null) + 1 || null,
      name,
    )

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox()
  if (found === null) throw new Error(`${selector} is not on screen`)
  return found
}

e2e('the facilitator’s café console', () => {
  const session = browserSession()

  it('lays out steps, table plan and people in three columns at 1440×900, seats the facilitator only by their tick, and moves people by keyboard and by drag', async () => {
    const workspace = await TestWorkspace.create(session.server.url)
    for (const [index, name] of NAMES.entries()) {
      await workspace.join(
        'participant',
        `${name} ${index % 2 === 0 ? 'Förening' : 'Kommun'}`,
        index % 2 === 0 ? 1 : 0,
      )
    }
    const cafe = await workspace.createDocument('Idémöte om ensamhet', 'cafe')
    const context = await session.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'sv-SE',
    })
    await context.addCookies([
      { name: `sv_${workspace.id}`, value: workspace.token, url: session.server.url },
    ])
    const page = await context.newPage()
    await page.goto(`${session.server.url}/w/${workspace.id}/cafe/${cafe.id}`)
    await page.getByRole('heading', { name: 'Närvarande' }).waitFor()

    // Three columns side by side, starting together, none of them cut off.
    const [steps, tables, people] = [
      await box(page, '.console-steps'),
      await box(page, '.console-tables'),
      await box(page, '.console-people'),
    ]
    expect(steps.x + steps.width).toBeLessThanOrEqual(tables.x)
    expect(tables.x + tables.width).toBeLessThanOrEqual(people.x)
    expect(people.x + people.width).toBeLessThanOrEqual(1440)
    expect(Math.abs(steps.y - tables.y)).toBeLessThan(24)
    expect(Math.abs(tables.y - people.y)).toBeLessThan(24)
    expect(tables.width).toBeGreaterThan(steps.width)
    // The rounds are listed with their question and duration.
    expect(await page.locator('.console-steps').innerText()).toMatch(/Runda 1\s+\d+ min\s+Vad betyder/)

    // The facilitator is not on the attendance list; eleven participants are here, one comes late.
    expect(
      await page
        .locator('.console-people')
        .getByLabel(/^Karin Kommun/)
        .count(),
    ).toBe(0)
    for (const name of NAMES.slice(0, 11)) {
      await page.getByLabel(new RegExp(`^${name} (Förening|Kommun) ·`)).check()
    }
    await page.getByText('11 närvarande.').waitFor()
    await page.getByRole('button', { name: 'Föreslå placering' }).click()
    await page.locator('.console-tables .seating-table').nth(2).waitFor()
    expect(await page.locator('.console-tables li[data-person="Karin Kommun"]').count()).toBe(0)
    // Every table's host has the star and the word.
    for (const table of await page.locator('.console-tables .seating-table').all()) {
      expect(await table.locator('[data-host="true"]').innerText()).toBe('★ värd')
    }
    // Ticking "Jag deltar också" seats the facilitator; unticking takes the seat away again.
    const takePart = page.getByLabel('Jag deltar också vid ett bord')
    await takePart.check()
    await expect.poll(() => tableOf(page, 'Karin Kommun')).not.toBe(null)
    await page.getByText('12 närvarande.').waitFor()
    await takePart.uncheck()
    await expect.poll(() => tableOf(page, 'Karin Kommun')).toBe(null)
    await expectNoSeriousAxeViolations(page, 'the café console with a table plan')

    // A move by keyboard: the labelled list next to a guest's name.
    const guest = await page
      .locator('.console-tables .seating-table li:not(:first-child)')
      .first()
      .getAttribute('data-person')
    if (guest === null) throw new Error('no guest at the first table')
    const from = await tableOf(page, guest)
    const list = page.getByLabel(`Bord för ${guest}`)
    expect(await list.evaluate((select) => select.closest('label')?.textContent?.startsWith('Bord'))).toBe(
      true,
    )
    await list.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => tableOf(page, guest)).toBe((from ?? 0) + 1)
    // A move by drag: the same guest back onto the first table.
    await page
      .locator(`.console-tables li[data-person="${guest}"]`)
      .dragTo(page.locator('.console-tables .seating-table').first())
    await expect.poll(() => tableOf(page, guest)).toBe(from)

    // Into round 1; the twelfth participant arrives late and is listed with the seat they were given.
    await page.getByRole('button', { name: 'Börja caféet' }).click()
    await page.getByRole('button', { name: 'Nästa steg' }).click()
    await page.locator('.step-timer').waitFor()
    await page.getByLabel(/^Lina Kommun ·/).check()
    const late = page.locator('[data-late="true"]')
    await late.waitFor()
    expect(await late.innerText()).toMatch(/Lina Kommun[\s\S]*bord \d från runda 1/)
    expect(await tableOf(page, 'Lina Kommun')).not.toBe(null)
    await expectNoSeriousAxeViolations(page, 'the café console during a round')

    // The harvest takes the space; the plan and the people fold away; an idea says it is from the harvest.
    await page
      .getByRole('navigation', { name: 'Caféets steg' })
      .getByRole('button', { name: 'Skörd' })
      .click()
    await page.getByLabel('Ny idé').fill('Gemensam träffpunkt på torget')
    await page.getByRole('button', { name: 'Lägg till idé' }).click()
    const idea = page.locator('.idea-card', { hasText: 'Gemensam träffpunkt på torget' })
    await idea.waitFor()
    expect(await idea.innerText()).toContain('Från skörden')
    expect(await page.locator('.console-people').isVisible()).toBe(false)
    const harvest = await box(page, '.console-harvest')
    expect(harvest.width).toBeGreaterThan(1440 * 0.6)
    await page.getByText('Bordsplacering och närvaro').click()
    expect(await page.locator('.console-people').isVisible()).toBe(true)
    await expectNoSeriousAxeViolations(page, 'the café console during the harvest')
    await context.close()
  }, 90_000)
})
