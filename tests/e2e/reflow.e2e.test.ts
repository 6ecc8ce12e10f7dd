import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipMessage, ensureClientBuilt, hasChromium, launchBrowser } from '../helpers/browser'
import { startTestServer, type TestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('zoom and reflow', () => {
  let server: TestServer
  let browser: Browser
  beforeAll(async () => {
    server = await startTestServer({ STATIC_DIR: ensureClientBuilt() })
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  // 640 CSS px is a 1280 px window zoomed to 200 %; 320 px is WCAG's reflow width (400 % of 1280).
  it.each([640, 320])(
    'at %i CSS px the main pages never scroll sideways and keep their content',
    async (width) => {
      const workspace = await TestWorkspace.create(server.url)
      const record = await workspace.createDocument('Överenskommelse', 'agreement')
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'sv-SE' })
      await context.addCookies([{ name: `sv_${workspace.id}`, value: workspace.token, url: server.url }])
      const page = await context.newPage()
      for (const [path, heading] of [
        ['/', 'Skapa arbetsyta för ett partnerskap'],
        [`/w/${workspace.id}`, 'Mötesplats Järva'],
        [`/w/${workspace.id}/d/${record.id}`, 'Överenskommelse'],
        ['/tillganglighet', 'Tillgänglighetsredogörelse för Samverkstad'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0)
      }
      await context.close()
    },
    60_000,
  )
})
