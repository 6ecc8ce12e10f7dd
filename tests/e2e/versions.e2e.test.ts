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

const version = (page: Page, number: number) => page.locator(`li.version[data-version="${number}"]`)

const saveVersion = async (page: Page, label: string, expected: number) => {
  await page.getByLabel('Namn på versionen').fill(label)
  await page.getByRole('button', { name: 'Spara version' }).click()
  await page.getByText(`Version ${expected} sparad.`).waitFor()
  await version(page, expected).waitFor()
}

const waitSaved = (page: Page) =>
  expect
    .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('saved')

e2e('version history in the browser', () => {
  const session = browserSession()

  it('a partner saves two versions with edits between, compares them, restores the first, and both parties approve it', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'Vårt syfte')
    const field = karin.locator('[data-field="challenge"]')
    await field.click()
    await field.pressSequentially('Ensamheten växer.', { delay: 5 })
    await waitSaved(karin)
    await saveVersion(karin, 'Första utkast', 1)
    await field.click()
    await karin.keyboard.press('End')
    await field.pressSequentially(' Vi möts varje vecka.', { delay: 5 })
    await waitSaved(karin)
    await saveVersion(karin, 'Efter idémötet', 2)
    await expect.poll(() => version(karin, 2).innerText()).toContain('Sparad av Karin Kommun')

    // Compare 1 → 2: the new sentence is underlined as inserted, and says so in words.
    // Version 1 has nothing before it to compare with.
    expect(await version(karin, 1).getByRole('button', { name: 'Jämför med föregående' }).count()).toBe(0)
    await version(karin, 2).getByRole('button', { name: 'Jämför med föregående' }).click()
    const compare = karin.locator('.version-compare')
    await compare.getByRole('heading', { name: 'Ändringar från Version 1 till Version 2' }).waitFor()
    await expect
      .poll(() => compare.locator('ins').allInnerTexts())
      .toEqual([expect.stringContaining('Vi möts varje vecka.')])
    expect(await compare.locator('del').count()).toBe(0)
    expect(await compare.locator('ins .visually-hidden').first().textContent()).toContain('infogat')
    await expectNoSeriousAxeViolations(karin, 'version history with a comparison')

    // Aisha has the document open while Karin restores version 1: her text changes in front of her.
    const aisha = await joinInBrowser(session.browser, participantUrl, 'Aisha Förening')
    // Her party marks her as its decision-maker (she may take its position on a version).
    await aisha.getByLabel('Aisha Förening är beslutsfattare').check()
    await aisha.getByText('Aisha Förening (du) · Föreningen Gemenskap · deltagare · beslutsfattare').waitFor()
    await aisha.goto(documentUrl)
    await expect.poll(() => fieldText(aisha, 'challenge')).toBe('Ensamheten växer. Vi möts varje vecka.')
    await version(karin, 1).getByRole('button', { name: 'Återställ' }).click()
    await version(karin, 1).getByRole('button', { name: 'Ja, återställ' }).click()
    await karin.getByText('Version 1 återställd och sparad som version 3.').waitFor()
    await expect.poll(() => fieldText(aisha, 'challenge'), { timeout: 10_000 }).toBe('Ensamheten växer.')
    await expect.poll(() => fieldText(karin, 'challenge')).toBe('Ensamheten växer.')
    await expect.poll(() => version(karin, 3).innerText()).toContain('Återställd från version 1')

    // Karin approves version 3 for the municipality.
    await version(karin, 3)
      .getByRole('button', { name: 'Godkänn för Spånga-Tensta stadsdelsförvaltning' })
      .click()
    await karin.getByText('Version 3 godkänd för din part.').waitFor()
    await expect
      .poll(() => version(karin, 3).locator('[data-approved="true"]').allInnerTexts())
      .toEqual([expect.stringContaining('godkänd av Karin Kommun')])

    // Aisha sees it without reloading (the server announces it); approving an older version asks first.
    await version(aisha, 3).locator('[data-approved="true"]').waitFor({ timeout: 1_000 })
    await version(aisha, 1).getByRole('button', { name: 'Godkänn för Föreningen Gemenskap' }).click()
    await version(aisha, 1).getByText('Det finns en nyare version (3).', { exact: false }).waitFor()
    await version(aisha, 1).getByRole('button', { name: 'Avbryt' }).click()
    expect(await version(aisha, 1).locator('[data-approved="true"]').count()).toBe(0)
    await version(aisha, 3).getByRole('button', { name: 'Godkänn för Föreningen Gemenskap' }).click()
    await version(aisha, 3).getByText('Godkänd av alla parter').waitFor()
    expect(await version(aisha, 3).locator('[data-approved="true"]').count()).toBe(2)
    await expectNoSeriousAxeViolations(aisha, 'version history, agreed by all parties')

    // Karin's list shows it too, at once.
    await version(karin, 3).getByText('Godkänd av alla parter').waitFor({ timeout: 1_000 })

    // Karin, her party's decision-maker, records its formal decision; Aisha sees it at once.
    await version(karin, 3).getByRole('button', { name: 'Registrera partens beslut' }).click()
    await version(karin, 3).getByLabel('Beslutande organ').fill('Stadsdelsnämnden')
    await version(karin, 3).getByLabel('Beslutsdatum').fill('2027-03-14')
    await version(karin, 3).getByLabel('Paragraf (valfri)').fill('§ 12')
    await expectNoSeriousAxeViolations(karin, 'recording a decision')
    await version(karin, 3).getByRole('button', { name: 'Spara beslutet' }).click()
    await version(aisha, 3)
      .getByText('Spånga-Tensta stadsdelsförvaltning: Stadsdelsnämnden 2027-03-14 § 12')
      .waitFor({ timeout: 2_000 })

    // Frozen for signing: Aisha sees the banner at once and can no longer type; unfrozen, she can again.
    const freeze = karin.getByRole('switch', { name: 'Fryst inför undertecknande' })
    await freeze.click()
    await aisha.getByText(/Fryst inför undertecknande av Karin Kommun/).waitFor()
    const aishaField = aisha.locator('[data-field="challenge"]')
    await expect.poll(() => aishaField.getAttribute('contenteditable')).toBe('false')
    await expectNoSeriousAxeViolations(aisha, 'a frozen document')
    expect(await freeze.getAttribute('aria-checked')).toBe('true')
    await freeze.click()
    await expect.poll(() => aishaField.getAttribute('contenteditable')).toBe('true')
    expect(await aisha.getByText(/Fryst inför undertecknande/).count()).toBe(0)
  }, 90_000)
})
