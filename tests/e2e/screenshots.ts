// `npm run screenshots`: regenerates docs/screenshots/ — the main pages at 1920×1080 and 390×844 in real
// Chromium, with a workspace, a joined partner and a filled worksheet, so they can be looked at.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { templates } from '../../shared/templates'
import { writeDocument } from '../../shared/ydoc/document-ydoc'
import { ensureClientBuilt, launchBrowser } from '../helpers/browser'
import { connectProvider, destroyProvider, waitSynced } from '../helpers/clients'
import { filledDocument } from '../helpers/filled-document'
import { startTestServer } from '../helpers/test-server'
import { TestWorkspace } from '../helpers/workspace'

const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
mkdirSync(out, { recursive: true })

const sizes = [
  { name: 'desktop', viewport: { width: 1920, height: 1080 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const

const server = await startTestServer({ STATIC_DIR: ensureClientBuilt() })
const browser: Browser = await launchBrowser()
try {
  const workspace = await TestWorkspace.create(server.url)
  const aisha = await workspace.join('participant', 'Aisha Förening', 1)
  const document = await workspace.createDocument('Partnerskapets organisering', 'dwa-2')
  // Content, as a partner would have written it.
  const writer = connectProvider(server.wsUrl, document.id, workspace.token)
  await waitSynced(writer)
  const value = filledDocument(
    templates['dwa-2'],
    workspace.created.parties.map((party) => party.id),
  )
  writeDocument(writer.doc, templates['dwa-2'], value)
  await new Promise((resolve) => setTimeout(resolve, 500))
  destroyProvider(writer)

  for (const { name, viewport } of sizes) {
    const context = await browser.newContext({ viewport, locale: 'sv-SE' })
    await context.addCookies([
      {
        name: `sv_${workspace.id}`,
        value: aisha.session.token,
        url: server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ])
    const page: Page = await context.newPage()
    const shoot = async (file: string) => {
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: join(out, `${file}-${name}.png`), fullPage: false })
    }
    await page.goto(server.url)
    await shoot('start')
    await page.goto(`${server.url}/join#${workspace.created.invites.participant.token}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await shoot('join')
    await page.goto(`${server.url}/w/${workspace.id}`)
    await page.getByRole('heading', { name: 'Mötesplats Järva' }).waitFor()
    await shoot('workspace')
    await page.goto(`${server.url}/w/${workspace.id}/d/${document.id}`)
    await page.locator('[data-status="saved"]').waitFor()
    await shoot('document')
    await page.getByRole('button', { name: 'Storskärmsläge' }).click()
    await shoot('document-shared-screen')
    await page.goto(`${server.url}/tillganglighet`)
    await shoot('accessibility-statement')
    await context.close()
  }
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
  await server.close()
}
