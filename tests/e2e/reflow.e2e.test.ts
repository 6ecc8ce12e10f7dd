import { describe, expect, it } from 'vitest'
import { browserSkipMessage, hasChromium } from '../helpers/browser'
import { browserSession } from '../helpers/browserSession'
import { TestWorkspace } from '../helpers/workspace'

const e2e = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

e2e('zoom and reflow', () => {
  const session = browserSession()

  // 640 CSS px is a 1280 px window zoomed to 200 %; 320 px is WCAG's reflow width (400 % of 1280).
  it.each([640, 320])(
    'at %i CSS px the main pages never scroll sideways and keep their content',
    async (width) => {
      const workspace = await TestWorkspace.create(session.server.url)
      const record = await workspace.createDocument('Överenskommelse', 'agreement')
      const context = await session.browser.newContext({ viewport: { width, height: 800 }, locale: 'sv-SE' })
      await context.addCookies([
        { name: `sv_${workspace.id}`, value: workspace.token, url: session.server.url },
      ])
      const page = await context.newPage()
      for (const [path, heading] of [
        ['/', 'Skapa arbetsyta för ett partnerskap'],
        [`/w/${workspace.id}`, 'Mötesplats Järva'],
        [`/w/${workspace.id}/d/${record.id}`, 'Överenskommelse'],
        ['/tillganglighet', 'Tillgänglighetsredogörelse för Samverkstad'],
      ] as const) {
        await page.goto(`${session.server.url}${path}`)
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
