import { describe, expect, it } from 'vitest'
import { browserSkipMessage, ensureClientBuilt, hasChromium, newPerson } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import {
  createDocumentInBrowser,
  createWorkspaceInBrowser,
  fieldText,
  joinInBrowser,
} from '../helpers/e2e-flows'
import { spawnServer } from '../helpers/test-server'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('working offline', () => {
  const session = browserSession()

  it('edits made offline stay on the device with an honest status, and merge with the other party’s once back online', async () => {
    const karinContext = await newPerson(session.browser)
    const karin = await karinContext.newPage()
    const { participantUrl } = await createWorkspaceInBrowser(karin, session.server.url)
    const documentUrl = await createDocumentInBrowser(karin, 'Utan nät')
    const aisha = await joinInBrowser(session.browser, participantUrl, 'Aisha Förening')
    await aisha.goto(documentUrl)
    const status = (page: typeof karin) => page.locator('[data-status]')
    await expect.poll(() => status(karin).getAttribute('data-status')).toBe('saved')
    await expect.poll(() => status(aisha).getAttribute('data-status')).toBe('saved')

    await karinContext.setOffline(true)
    await expect.poll(() => status(karin).getAttribute('data-status')).toMatch(/^offline/)
    await karin.locator('[data-field="challenge"]').click()
    await karin.keyboard.type('Skrivet på tåget. ')
    await karin.locator('[data-field="why-together"]').click()
    await karin.keyboard.type('Ingen kan lösa det ensam.')
    await expect.poll(() => status(karin).getAttribute('data-status')).toBe('offline-dirty')
    expect(await status(karin).innerText()).toContain('Offline – ändringarna finns kvar på den här enheten')

    await aisha.locator('[data-field="challenge"]').click()
    await aisha.keyboard.type('Föreningen skriver under tiden. ')
    await expect.poll(() => status(aisha).getAttribute('data-status')).toBe('saved')
    expect(await fieldText(aisha, 'challenge')).not.toContain('tåget')

    await karinContext.setOffline(false)
    await expect.poll(() => status(karin).getAttribute('data-status'), { timeout: 15_000 }).toBe('saved')
    for (const page of [karin, aisha]) {
      await expect
        .poll(() => fieldText(page, 'challenge'), { timeout: 10_000 })
        .toContain('Skrivet på tåget.')
      await expect.poll(() => fieldText(page, 'challenge')).toContain('Föreningen skriver under tiden.')
      await expect.poll(() => fieldText(page, 'why-together')).toBe('Ingen kan lösa det ensam.')
    }
    expect(await fieldText(karin, 'challenge')).toBe(await fieldText(aisha, 'challenge'))
  }, 60_000)

  it('two tabs of one device keep showing each other’s edits while the server cannot be reached', async () => {
    // A server of its own, killed outright in the middle of the test.
    const server = await spawnServer({ STATIC_DIR: ensureClientBuilt(), STORAGE: 'memory' })
    try {
      const context = await newPerson(session.browser)
      const first = await context.newPage()
      await createWorkspaceInBrowser(first, server.url)
      const documentUrl = await createDocumentInBrowser(first, 'Två flikar')
      const second = await context.newPage()
      await second.goto(documentUrl)
      const status = (page: typeof first) => page.locator('[data-status]')
      for (const page of [first, second])
        await expect.poll(() => status(page).getAttribute('data-status')).toBe('saved')

      server.child.kill('SIGKILL')
      await server.exited
      await expect.poll(() => status(first).getAttribute('data-status')).not.toBe('saved')
      await first.locator('[data-field="challenge"]').click()
      await first.keyboard.type('Skrivet i den ena fliken.')
      await expect.poll(() => fieldText(second, 'challenge')).toBe('Skrivet i den ena fliken.')
      await second.locator('[data-field="why-together"]').click()
      await second.keyboard.type('Och svaret i den andra.')
      await expect.poll(() => fieldText(first, 'why-together')).toBe('Och svaret i den andra.')
      await context.close()
    } finally {
      server.child.kill('SIGKILL')
    }
  }, 60_000)
})
