import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  browserSkipMessage,
  ensureClientBuilt,
  expectNoSeriousAxeViolations,
  hasChromium,
  launchBrowser,
  newPerson,
} from '../helpers/browser'
import { createWorkspaceInBrowser } from '../helpers/e2e-flows'
import { startTestOidcProvider, TEST_CLIENT, type TestOidcProvider } from '../helpers/oidc-provider'
import { startTestServer, type TestServer } from '../helpers/test-server'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

/** At the provider's (oidc-provider's development) login form: any password is accepted. */
const loginAtProvider = async (page: Page, login: string) => {
  await page
    .locator('input[name="login"]')
    .waitFor({ timeout: 5_000 })
    .catch(async () => {
      throw new Error(`no login form at ${page.url()}: ${(await page.content()).slice(0, 800)}`)
    })
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('vilket-som-helst')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

e2e('signing in with an organisation account in the browser', () => {
  let provider: TestOidcProvider
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    provider = await startTestOidcProvider()
    server = await startTestServer({
      STATIC_DIR: ensureClientBuilt(),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      REQUIRE_SIGN_IN_TO_CREATE: 'true',
    })
    provider.register(server.url)
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await provider?.close()
  })

  it('start page → the provider’s login → back signed in with the name shown → sign out, here and at the provider', async () => {
    const page = await (await newPerson(browser)).newPage()
    await page.goto(server.url)
    // Creating needs a signed-in account on this server: the form gives way to a plain explanation.
    await page.locator('[data-sign-in-required]').waitFor()
    expect(await page.getByRole('button', { name: 'Skapa arbetsyta' }).isVisible()).toBe(false)
    await expectNoSeriousAxeViolations(page, 'start page with sign-in')
    await page.getByRole('link', { name: 'Logga in med organisationskonto' }).first().click()
    await page.waitForURL(new RegExp(`^${provider.issuer}/`))
    await loginAtProvider(page, 'karin.ek')
    await page.getByText('Inloggad som Karin Ek').waitFor()
    expect(new URL(page.url()).origin).toBe(server.url)
    await expectNoSeriousAxeViolations(page, 'start page signed in')
    expect(await page.getByLabel('Ditt namn').inputValue()).toBe('Karin Ek')
    expect(await page.getByRole('button', { name: 'Skapa arbetsyta' }).isVisible()).toBe(true)
    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'sv_account')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')

    await page.getByRole('button', { name: 'Logga ut' }).click()
    await page.waitForURL(new RegExp(`^${provider.issuer}/`))
    // The provider asks whether to end its own session too (RP-initiated logout), then sends the person back.
    await page.getByRole('button', { name: /Yes, sign me out/ }).click()
    await page.waitForURL(`${server.url}/`)
    await page.getByRole('link', { name: 'Logga in med organisationskonto' }).first().waitFor()
    expect((await page.context().cookies()).some((candidate) => candidate.name === 'sv_account')).toBe(false)
  }, 60_000)

  it('an invite accepted while signed in follows the person: on a new browser, signing in opens the workspace without the link', async () => {
    const karin = await (await newPerson(browser)).newPage()
    await karin.goto(server.url)
    await karin.getByRole('link', { name: 'Logga in med organisationskonto' }).first().click()
    await loginAtProvider(karin, 'karin.ek')
    await karin.getByText('Inloggad som Karin Ek').waitFor()
    const { participantUrl } = await createWorkspaceInBrowser(karin, server.url)

    // Omar opens the link, signs in first, and comes back to the same invite.
    const laptop = await (await newPerson(browser)).newPage()
    await laptop.goto(participantUrl)
    await laptop.getByRole('heading', { name: /Du är inbjuden till Mötesplats Järva/ }).waitFor()
    await laptop
      .locator('[data-join-sign-in]')
      .getByRole('button', { name: 'Logga in med organisationskonto' })
      .click()
    await loginAtProvider(laptop, 'omar.said')
    await laptop.locator('[data-join-signed-in]').waitFor()
    await expectNoSeriousAxeViolations(laptop, 'join signed in')
    expect(await laptop.getByLabel('Ditt namn').inputValue()).toBe('Omar Said')
    await laptop.getByLabel(/Föreningen Gemenskap/).check()
    await laptop.getByRole('button', { name: 'Fortsätt' }).click()
    await laptop.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()

    // A new browser context: no invite link, no workspace cookie, nothing remembered on the device.
    const phone = await (await newPerson(browser, { width: 390, height: 844 })).newPage()
    await phone.goto(server.url)
    await phone.getByRole('link', { name: 'Logga in med organisationskonto' }).first().click()
    await loginAtProvider(phone, 'omar.said')
    await phone.getByText('Inloggad som Omar Said').waitFor()
    await phone.getByRole('heading', { name: 'Dina arbetsytor' }).waitFor()
    await phone.getByRole('link', { name: 'Mötesplats Järva' }).click()
    await phone.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    expect(
      (await phone.context().cookies()).map((cookie) => cookie.name).filter((name) => name.startsWith('sv_')),
    ).toEqual(['sv_account'])
  }, 60_000)
})
