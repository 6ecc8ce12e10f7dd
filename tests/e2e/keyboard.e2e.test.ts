import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipMessage, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { fieldText } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
const tabTo = async (page: Page, selector: string, max = 60): Promise<void> => {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

e2e('keyboard only', () => {
  const session = browserSession()

  it('creates a workspace, joins it and edits a field without the mouse; Escape leaves the editor', async () => {
    const page = await (await newPerson(session.browser)).newPage()
    await page.goto(session.server.url)
    await tabTo(page, '#name')
    await page.keyboard.type('Tangentbordets partnerskap')
    await tabTo(page, '#party-0')
    await page.keyboard.type('Mora kommun')
    await tabTo(page, '#party-1')
    await page.keyboard.type('Navet')
    await tabTo(page, '#creator')
    await page.keyboard.type('Tove')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Bjud in' }).waitFor()
    const participantUrl = await page.locator('[data-invite-role="participant"]').inputValue()
    await tabTo(page, 'button.button-primary')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Tangentbordets partnerskap' }).waitFor()
    await tabTo(page, '#doc-title')
    await page.keyboard.type('Syfte')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Syfte', level: 1 }).waitFor()
    const documentUrl = page.url()

    const guest = await (await newPerson(session.browser)).newPage()
    await guest.goto(participantUrl)
    await tabTo(guest, '#join-name')
    await guest.keyboard.type('Gunnar')
    await tabTo(guest, 'input[name="party"]')
    await guest.keyboard.press('ArrowDown')
    await guest.keyboard.press('Enter')
    await guest.waitForURL(/\/w\/[0-9a-f]{32}$/)
    await guest.goto(documentUrl)
    await guest.locator('[data-field="challenge"]').waitFor()
    // Tab goes card to card; Enter goes into the card's editor.
    await tabTo(guest, '[data-field-card="challenge"]')
    await guest.keyboard.press('Enter')
    await guest.keyboard.type('Skrivet med tangentbordet')
    await guest.keyboard.press('Control+b')
    await guest.keyboard.type(' i fetstil')
    await guest.keyboard.press('Escape')
    expect(await guest.evaluate(() => document.activeElement?.getAttribute('data-field-card'))).toBe(
      'challenge',
    )
    await guest.keyboard.press('Tab')
    expect(
      await guest.evaluate(() =>
        document.activeElement?.closest('[data-field-card]')?.getAttribute('data-field-card'),
      ),
    ).not.toBe(null)
    await expect
      .poll(() => fieldText(page, 'challenge'), { timeout: 10_000 })
      .toBe('Skrivet med tangentbordet i fetstil')
    expect((await page.locator('[data-field="challenge"] strong').innerText()).trim()).toBe('i fetstil')
  }, 60_000)
})
