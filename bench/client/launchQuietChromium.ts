import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
]
/**
 * The browser's own address-bar popup, which this Chromium builds as a web page for every new window: a few
 * hundred chrome:// requests and a renderer of its own, on the same two cores and network service as the page
 * measured, during its first second. Puppeteer turns it off by default for the same reason.
 */
const QUIET = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']

/** The command line of the browser process started with `marker` among its switches (Linux). */
const commandLineWith = (marker: string): string[] => {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      if (args.includes(marker)) return args
    } catch {
      // The process ended while the list was read.
    }
  }
  throw new Error(`no process with ${marker}`)
}

/**
 * Chromium for the client bench, without the browser's own address-bar popup loading beside the page, and the
 * command line it runs with. Chromium keeps only the last `--disable-features`, so the list Playwright passes
 * is read off a first launch's command line and extended, not replaced.
 */
export const launchQuietChromium = async (): Promise<{ browser: Browser; commandLine: string[] }> => {
  const probeMarker = `--bench-marker=${randomUUID()}`
  const probe = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, probeMarker],
  })
  const defaults = commandLineWith(probeMarker).find((arg) => arg.startsWith('--disable-features='))
  await probe.close()
  if (defaults === undefined) throw new Error('Playwright passed no --disable-features: read its launch code')
  const marker = `--bench-marker=${randomUUID()}`
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: [defaults],
    args: [...ARGS, `${defaults},${QUIET.join(',')}`, marker],
  })
  return { browser, commandLine: commandLineWith(marker) }
}
