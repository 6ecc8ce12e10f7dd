import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

if (process.env.REQUIRE_E2E === '1' && !hasChromium) {
  throw new Error(`REQUIRE_E2E=1 but there is no Chromium at ${CHROMIUM}: the browser tests must run here`)
}
export const browserSkipMessage = `skipped: browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium; CI installs it)`

/** The client bundle the server serves; built once if this checkout has none yet. */
export const ensureClientBuilt = (): string => {
  if (!existsSync('client/dist/index.html')) {
    execSync('npx vite build --config client/vite.config.ts --logLevel error', { stdio: 'inherit' })
  }
  return 'client/dist'
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

/** A separate person: their own cookies, storage and IndexedDB (never sharing a BroadcastChannel). */
export const newPerson = (
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> => browser.newContext({ viewport, locale: 'sv-SE' })

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core on the page (WCAG 2.1 A and AA rules) and fails on any serious or critical violation. */
export const expectNoSeriousAxeViolations = async (page: Page, what: string): Promise<void> => {
  // Through the devtools protocol: the page's CSP (rightly) refuses injected script tags.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: unknown,
          ) => Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }>
          }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }))
  })
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious, `${what}: serious or critical accessibility violations`).toEqual([])
}
