import { describe, expect, it } from 'vitest'
import { browserSkipMessage, expectNoSeriousAxeViolations, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { createWorkspaceInBrowser, fieldText } from '../helpers/e2e-flows'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('agreement aids in the browser', () => {
  const session = browserSession()

  it('underlines purchase words with a one-keystroke replacement, lists them, shows the indicators and each party’s share', async () => {
    const karin = await (await newPerson(session.browser)).newPage()
    await createWorkspaceInBrowser(karin, session.server.url)
    await karin.getByRole('button', { name: 'Till arbetsytan' }).click()
    await karin.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await karin.getByRole('radio', { name: /^Överenskommelse/ }).check()
    await karin.getByLabel('Titel').fill('Vår överenskommelse')
    await karin.getByRole('button', { name: 'Skapa dokument' }).click()
    await karin.getByRole('heading', { name: 'Vår överenskommelse' }).waitFor()

    const field = karin.locator('[data-field="background"]')
    await field.click()
    await field.pressSequentially('Kontraktet ska faktureras och vid brott utgår vite.', { delay: 5 })
    await expect
      .poll(() => field.locator('.vocab-hit').allInnerTexts())
      .toEqual(['Kontraktet', 'faktureras', 'vite'])
    expect(await field.locator('.vocab-hit').first().getAttribute('title')).toContain('Överenskommelsen')

    // One keystroke on the word replaces it, right after moving there.
    await karin.keyboard.press('Control+Home')
    await karin.keyboard.press('Alt+Enter')
    await expect
      .poll(() => fieldText(karin, 'background'))
      .toBe('Överenskommelsen ska faktureras och vid brott utgår vite.')
    await expect.poll(() => field.locator('.vocab-hit').count()).toBe(2)

    // The language guide lists what is left and replaces from the list.
    await karin.getByRole('tab', { name: 'Språkguide' }).click()
    const hits = karin.locator('[data-vocabulary-hit]')
    await expect.poll(() => hits.count()).toBe(2)
    await expectNoSeriousAxeViolations(karin, 'language guide')
    await karin.getByRole('button', { name: 'Byt till ”samfinansieras”' }).click()
    await expect
      .poll(() => fieldText(karin, 'background'))
      .toBe('Överenskommelsen ska samfinansieras och vid brott utgår vite.')
    await expect.poll(() => hits.count()).toBe(1)

    // Inside compounds (the Swedish lexicon, fetched once): a compound that needs rewording is underlined and
    // listed without a replacement; one ending in a purchase word is replaced in its form.
    await field.click()
    await karin.keyboard.press('Control+End')
    await field.pressSequentially(' Vid kontraktsbrott gäller vitesklausul. Leveranskontraktet gäller.', {
      delay: 5,
    })
    await expect
      .poll(() => field.locator('.vocab-hit').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['vite', 'kontraktsbrott', 'vitesklausul', 'Leveranskontraktet'])
    expect(await field.locator('.vocab-hit', { hasText: 'vitesklausul' }).getAttribute('title')).toContain(
      'formulera om',
    )
    await expect.poll(() => hits.count()).toBe(4)
    expect(
      await karin.locator('[data-vocabulary-hit="vitesklausul"]').getByRole('button').allInnerTexts(),
    ).toEqual(['Visa'])
    await karin.getByRole('button', { name: 'Byt till ”Leveransöverenskommelsen”' }).click()
    await expect
      .poll(() => fieldText(karin, 'background'))
      .toBe(
        'Överenskommelsen ska samfinansieras och vid brott utgår vite. Vid kontraktsbrott gäller vitesklausul. Leveransöverenskommelsen gäller.',
      )

    // The workspace's own word list: a facilitator adds a word, and the editor underlines it at once.
    await karin.getByRole('button', { name: 'Ändra ordlistan' }).click()
    await karin.getByRole('button', { name: 'Lägg till ord' }).click()
    await karin.getByLabel('Köpord', { exact: true }).last().fill('brukare')
    await karin.getByLabel('Partnerskapets ord', { exact: true }).last().fill('deltagare')
    await karin.getByRole('button', { name: 'Spara ordlistan' }).click()
    await karin.getByText('Ordlistan är sparad.').waitFor()
    await field.click()
    await karin.keyboard.press('Control+End')
    await field.pressSequentially(' Brukare välkomnas.', { delay: 5 })
    await expect
      .poll(() => field.locator('.vocab-hit').allInnerTexts())
      .toEqual(['vite', 'kontraktsbrott', 'vitesklausul', 'Brukare'])

    // Indicators: the sanction word is linked to its field; the initiative is recorded here.
    await karin.getByRole('tab', { name: 'Indikatorer' }).click()
    const sanctions = karin.locator('[data-indicator="no-sanctions"]')
    await expect
      .poll(() => sanctions.locator('[data-status]').textContent(), { timeout: 15_000 })
      .toBe('inte uppfyllt')
    // Each sanction word, compounds included, is named with the field it stands in.
    expect(await sanctions.locator('[data-found]').allInnerTexts()).toEqual(['vite', 'vitesklausul'])
    expect(await sanctions.getByRole('button', { name: 'Bakgrund' }).count()).toBe(2)
    const initiative = karin.locator('[data-indicator="initiative"] [data-status]')
    expect(await initiative.textContent()).toBe('okänt')
    await karin.getByLabel('Initiativet kom från').selectOption({ label: 'Föreningen Gemenskap' })
    await expect.poll(() => initiative.textContent()).toBe('uppfyllt')
    await expectNoSeriousAxeViolations(karin, 'indicators')

    // Equal voice: only Karin's party has written.
    await karin.getByRole('tab', { name: 'Jämlik röst' }).click()
    const summary = karin.locator('.equal-voice-summary')
    await expect
      .poll(async () => (await summary.textContent())?.replace(/\s/g, ' '), { timeout: 15_000 })
      .toBe('Spånga-Tensta stadsdelsförvaltning har skrivit 100 %, Föreningen Gemenskap har skrivit 0 %')
    await expectNoSeriousAxeViolations(karin, 'equal voice')
  }, 90_000)
})
