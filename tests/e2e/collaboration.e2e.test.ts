import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import {
  createDocumentInBrowser,
  createWorkspaceInBrowser,
  fieldText,
  joinInBrowser,
} from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('co-editing in the browser', () => {
  const session = browserSession()

  it('two parties in separate browsers edit the same field at once and both see the merged text and the other’s cursor', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    await expectNoSeriousAxeViolations(karin, 'invite links')
    await karin.getByRole('button', { name: 'Till arbetsytan' }).click()
    await karin.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await expectNoSeriousAxeViolations(karin, 'workspace')
    await karin.getByLabel('Titel').fill('Vårt syfte')
    await karin.getByRole('button', { name: 'Skapa dokument' }).click()
    await karin.getByRole('heading', { name: 'Vårt syfte' }).waitFor()
    const documentUrl = karin.url()

    const aisha = await (await newPerson(session.browser)).newPage()
    await aisha.goto(participantUrl)
    await aisha.getByRole('heading', { name: /Du är inbjuden till Mötesplats Järva som deltagare/ }).waitFor()
    await expectNoSeriousAxeViolations(aisha, 'join')
    await aisha.getByLabel('Ditt namn').fill('Aisha Förening')
    await aisha.getByLabel(/Föreningen Gemenskap/).check()
    await aisha.getByRole('button', { name: 'Fortsätt' }).click()
    await aisha.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await aisha.goto(documentUrl)

    const field = (page: Page) => page.locator('[data-field="challenge"]')
    await field(karin).waitFor()
    await field(aisha).waitFor()
    await expectNoSeriousAxeViolations(aisha, 'editor')
    await field(karin).click()
    await field(aisha).click()
    await Promise.all([
      field(karin).pressSequentially('Kommunen ser ensamheten. ', { delay: 15 }),
      field(aisha).pressSequentially('Föreningen möter den varje dag. ', { delay: 15 }),
    ])
    const merged = (page: Page) => fieldText(page, 'challenge')
    await expect
      .poll(async () => (await merged(karin)) === (await merged(aisha)), { timeout: 10_000 })
      .toBe(true)
    const text = await merged(karin)
    expect(text).toContain('Kommunen ser ensamheten.')
    expect(text).toContain('Föreningen möter den varje dag.')

    // Each sees the other's cursor, labelled with the name (and party shape), in that field.
    await expect
      .poll(() => field(karin).locator('.cursor-label').allInnerTexts(), { timeout: 5_000 })
      .toContain('Aisha Förening ●')
    await expect
      .poll(() => field(aisha).locator('.cursor-label').allInnerTexts(), { timeout: 5_000 })
      .toContain('Karin Kommun ◆')
    // Each in their party's colour, never the other side's.
    const labelColour = (page: Page, name: string) =>
      field(page)
        .locator('.cursor-label', { hasText: name })
        .first()
        .evaluate((label) => getComputedStyle(label).backgroundColor)
    expect(await labelColour(karin, 'Aisha')).toBe('rgb(11, 110, 79)')
    expect(await labelColour(aisha, 'Karin')).toBe('rgb(29, 79, 145)')
    await expect
      .poll(() => karin.locator('[data-status]').getAttribute('data-status'), { timeout: 5_000 })
      .toBe('saved')

    // Colour by party: each party's text is marked with its side's style and named in a title.
    await karin.getByRole('switch', { name: 'Färga efter part' }).click()
    await expect
      .poll(() => field(karin).locator('.by-party-nonprofit').allInnerTexts(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Föreningen möter den varje dag.')]))
    expect((await field(karin).locator('.by-party-public').allInnerTexts()).join('')).toContain(
      'Kommunen ser ensamheten.',
    )
    expect(await field(karin).locator('.by-party-nonprofit').first().getAttribute('title')).toBe(
      'Föreningen Gemenskap',
    )
    await expectNoSeriousAxeViolations(karin, 'colour by party')

    // Undo is per person: Karin's undo takes back her own typing, never Aisha's.
    await field(karin).click()
    for (let i = 0; i < 10; i++) await karin.keyboard.press('Control+z')
    await expect.poll(() => merged(aisha), { timeout: 5_000 }).not.toContain('Kommunen ser ensamheten.')
    expect(await merged(aisha)).toContain('Föreningen möter den varje dag.')
    expect(await merged(karin)).toContain('Föreningen möter den varje dag.')
  }, 60_000)

  it('list items added, typed and reordered in one browser appear in that order in the other, while the rich-text field is written', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'Resultaten')
    const aisha = await joinInBrowser(session.browser, participantUrl, 'Aisha Förening')
    await aisha.goto(documentUrl)
    const results = (page: Page) => page.locator('[data-field-card="concrete-results"]')
    const item = (page: Page, n: number) => results(page).getByRole('textbox', { name: `Resultat ${n}` })
    await results(aisha).waitFor()

    // Karin adds a result and writes it; Aisha's sheet gets the item, then its text.
    await results(karin).getByRole('button', { name: 'Lägg till: Resultat' }).click()
    await item(karin, 1).fill('Fler mötesplatser')
    await expect.poll(() => item(aisha, 1).inputValue(), { timeout: 5_000 }).toBe('Fler mötesplatser')
    // While Karin writes in the first field, Aisha adds a second result and moves it first.
    await karin.locator('[data-field="challenge"]').click()
    await karin.keyboard.type('Ensamheten')
    await results(aisha).getByRole('button', { name: 'Lägg till: Resultat' }).click()
    await item(aisha, 2).fill('Läxhjälp varje vecka')
    await results(aisha).getByRole('button', { name: 'Flytta upp: Resultat 2' }).click()
    await expect.poll(() => item(karin, 1).inputValue(), { timeout: 5_000 }).toBe('Läxhjälp varje vecka')
    expect(await item(karin, 2).inputValue()).toBe('Fler mötesplatser')
    await expect.poll(() => fieldText(aisha, 'challenge'), { timeout: 5_000 }).toContain('Ensamheten')
  }, 60_000)

  it('Swedish is the default on a fresh profile; switching to English changes the interface and is remembered', async () => {
    const page = await (await newPerson(session.browser)).newPage()
    await page.goto(session.server.url)
    expect(await page.getAttribute('html', 'lang')).toBe('sv')
    await page.getByRole('heading', { name: 'Skapa arbetsyta för ett partnerskap' }).waitFor()
    await expectNoSeriousAxeViolations(page, 'start')
    await page.getByRole('button', { name: 'In English' }).click()
    await page.getByRole('heading', { name: 'Create a workspace for a partnership' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await page.reload()
    await page.getByRole('heading', { name: 'Create a workspace for a partnership' }).waitFor()
    await page.getByRole('link', { name: 'Accessibility statement' }).click()
    await page.getByRole('heading', { name: 'Accessibility statement for Samverkstad' }).waitFor()
    await expectNoSeriousAxeViolations(page, 'accessibility statement')
  }, 30_000)
})
