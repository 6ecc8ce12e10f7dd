import { describe, expect, it } from 'vitest'
import { matchPath, pages, preloadPage } from '../../../client/src/app/pages'

describe('pages', () => {
  it('matches a document link and gives its workspace and document ids, decoded', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/d%20e')).toEqual({
      workspaceId: 'abc',
      documentId: 'd e',
    })
  })

  it('does not match, and does not throw, where a segment is not valid percent-encoding (a mangled link)', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/%E0%A4%A')).toBeNull()
    expect(() => preloadPage('/w/abc/d/%E0%A4%A')).not.toThrow()
  })

  it('does not match a path of another length or with another fixed segment', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d')).toBeNull()
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/cafe/x')).toBeNull()
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/x/skarm')).toBeNull()
  })

  it('finds exactly one page for each of the app’s paths, and preloads data only for the pages about one document', () => {
    const paths = [
      '/',
      '/join',
      '/w/a',
      '/w/a/d/b',
      '/w/a/skarm',
      '/w/a/cafe/b',
      '/w/a/cafe/b/skarm',
      '/tillganglighet',
    ]
    for (const path of paths) {
      expect(pages.filter((page) => matchPath(page.path, path) !== null)).toHaveLength(1)
    }
    const withData = pages.filter((page) => page.preloadData !== undefined).map((page) => page.path)
    expect(withData).toEqual([
      '/w/:workspaceId/d/:documentId',
      '/w/:workspaceId/cafe/:documentId',
      '/w/:workspaceId/cafe/:documentId/skarm',
    ])
  })
})
