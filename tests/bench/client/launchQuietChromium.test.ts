import { describe, expect, it } from 'vitest'
import { launchQuietChromium } from '../../../bench/client/launchQuietChromium'
import { browserSkipMessage, hasChromium } from '../../helpers/browser'

const withChromium = hasChromium ? describe : describe.skip
if (!hasChromium) describe('browser', () => it.skip(browserSkipMessage))

withChromium('launchQuietChromium', () => {
  it("keeps Playwright's disabled features in the one --disable-features Chromium reads, and opens a page without the browser's address-bar popup beside it", async () => {
    const { browser, commandLine } = await launchQuietChromium()
    try {
      const disabled = commandLine.filter((arg) => arg.startsWith('--disable-features='))
      expect(disabled).toHaveLength(1)
      const features = disabled[0]!.slice('--disable-features='.length).split(',')
      // One of Playwright's own, and the two added.
      expect(features).toEqual(
        expect.arrayContaining(['PaintHolding', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']),
      )

      const page = await (await browser.newContext()).newPage()
      await page.goto('data:text/html,<p>Samverkstad</p>')
      expect(await page.textContent('p')).toBe('Samverkstad')
      const { targetInfos } = await (await browser.newBrowserCDPSession()).send('Target.getTargets')
      expect(targetInfos.map((target) => target.url).filter((url) => url.startsWith('chrome://'))).toEqual([])
    } finally {
      await browser.close()
    }
  }, 60_000)
})
