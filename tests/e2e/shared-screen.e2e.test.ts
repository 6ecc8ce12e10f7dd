import { describe, expect, it } from 'vitest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { docFromStored } from '../helpers/docFromStored'
import { createDocumentInBrowser, createWorkspaceInBrowser, fieldText } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('the shared screen', () => {
  const session = browserSession()

  it('the viewer link shows the document read-only in large type, follows "Visa på skärmen", and typing there changes nothing', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    const { viewerUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'På storskärmen')
    const documentId = documentUrl.split('/d/')[1]!

    const screen = await (await newPerson(session.browser, { width: 1920, height: 1080 })).newPage()
    // The screen asks nothing: opened once from its link, it goes straight to what the room sees.
    await screen.goto(viewerUrl)
    await screen.waitForURL(/\/skarm$/)
    expect(await screen.getByLabel('Ditt namn').count()).toBe(0)
    await screen.getByText('Väntar på att processledaren visar något på skärmen.').waitFor()

    await karin.locator('[data-field="direction"]').click()
    await karin.keyboard.type('Vi strävar mot en stadsdel där ingen är ensam.')
    await karin.getByRole('button', { name: 'Visa på skärmen' }).click()

    const shown = screen.locator('[data-field="direction"]')
    await expect
      .poll(() => fieldText(screen, 'direction'), { timeout: 10_000 })
      .toBe('Vi strävar mot en stadsdel där ingen är ensam.')
    expect(await screen.locator('[data-on-screen="true"]').getAttribute('data-field-card')).toBe('direction')
    expect(await shown.getAttribute('contenteditable')).toBe('false')
    const fontSize = await shown.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(32)
    expect(await screen.locator('.toolbar').count()).toBe(0)
    await expectNoSeriousAxeViolations(screen, 'shared screen')

    // Typing on the screen changes nothing, there or anywhere.
    await shown.click()
    await screen.keyboard.type('STORSKÄRMEN SKRIVER')
    await karin.locator('[data-field="direction"]').click()
    await karin.keyboard.type(' Tillsammans.')
    await expect
      .poll(() => fieldText(screen, 'direction'))
      .toBe('Vi strävar mot en stadsdel där ingen är ensam. Tillsammans.')
    expect(await fieldText(karin, 'direction')).not.toContain('STORSKÄRMEN')
    await session.server.registry.flush()
    const stored = await session.server.storage.documents.load(documentId)
    const doc = docFromStored(stored)
    expect(doc.getXmlFragment('f:direction').toString()).not.toContain('STORSKÄRMEN')

    // Showing another field moves the screen there.
    await karin.locator('[data-field="challenge"]').click()
    await karin.getByRole('button', { name: 'Visa på skärmen' }).click()
    await expect
      .poll(() => screen.locator('[data-on-screen="true"]').getAttribute('data-field-card'))
      .toBe('challenge')

    // Writing in a field further down brings it into view on the screen, without anyone scrolling it.
    const inView = (fieldId: string) =>
      screen.evaluate((id) => {
        const card = document.querySelector(`[data-field-card="${id}"]`)
        const sheet = document.querySelector('.sheet')
        if (card === null || sheet === null) return false
        const c = card.getBoundingClientRect()
        const s = sheet.getBoundingClientRect()
        return c.top >= s.top - 1 && c.top < s.bottom
      }, fieldId)
    // A small projector, so the sheet cannot show every card at once.
    await screen.setViewportSize({ width: 960, height: 540 })
    await expect.poll(() => inView('activities')).toBe(false)
    await karin.locator('[data-field="activities"]').click()
    await karin.keyboard.type('Läxhjälp två kvällar i veckan.')
    await expect.poll(() => inView('activities'), { timeout: 10_000 }).toBe(true)
  }, 60_000)
})
