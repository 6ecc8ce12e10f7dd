import type { BrowserContext } from 'playwright-core'

/** The cookies that open a page of the bench server (none for other origins). */
export type CookieOf = (url: string) => Parameters<BrowserContext['addCookies']>[0]

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Wall-clock ms with sub-ms precision, comparable with `performance.timeOrigin + performance.now()` in a page. */
export const epochNow = (): number => performance.timeOrigin + performance.now()
