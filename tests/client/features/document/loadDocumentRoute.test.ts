import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  loadDocumentRoute,
  preloadDocumentRoute,
} from '../../../../client/src/features/document/loadDocumentRoute'

afterEach(() => vi.unstubAllGlobals())

describe('preloadDocumentRoute', () => {
  it('settles without rejecting when the data cannot be loaded, and the page that takes the load gets the error', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    vi.stubGlobal('fetch', fetch)
    await expect(preloadDocumentRoute('w1', 'd1')).resolves.toBeUndefined()
    await expect(loadDocumentRoute('w1', 'd1')).rejects.toThrow('Failed to fetch')
    // The page took the early load: its two requests were made once, at start-up.
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('hands the page the load begun at start-up, which a second visit does not reuse', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    vi.stubGlobal('fetch', fetch)
    await preloadDocumentRoute('w2', 'd2')
    await loadDocumentRoute('w2', 'd2').catch(() => undefined)
    await loadDocumentRoute('w2', 'd2').catch(() => undefined)
    expect(fetch).toHaveBeenCalledTimes(4)
  })
})
