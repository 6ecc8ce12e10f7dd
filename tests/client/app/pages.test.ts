import { describe, expect, it } from 'vitest'
import { pages, preloadPage } from '../../../client/src/app/pages'
import { pageRoutes } from '../../../shared/pages/page-routes'

describe('pages', () => {
  it('has one page for each route of the shared table, in its order', () => {
    expect(pages.map((page) => page.path)).toEqual(pageRoutes.map((route) => route.path))
  })

  it('settles at start-up where the path is not valid percent-encoding (a mangled link) or no page', async () => {
    await expect(preloadPage('/w/abc/d/%E0%A4%A')).resolves.toBeUndefined()
    await expect(preloadPage('/no/such/page')).resolves.toBeUndefined()
  })

  it('preloads data only for the pages about one document', () => {
    const withData = pages.filter((page) => page.preloadData !== undefined).map((page) => page.path)
    expect(withData).toEqual([
      '/w/:workspaceId/d/:documentId',
      '/w/:workspaceId/cafe/:documentId',
      '/w/:workspaceId/cafe/:documentId/skarm',
    ])
  })
})
