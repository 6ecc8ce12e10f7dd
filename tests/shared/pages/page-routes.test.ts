import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { matchPath, pageAt, pageRoutes } from '../../../shared/pages/page-routes'

describe('page routes', () => {
  it('matches a document link and gives its workspace and document ids, decoded', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/d%20e')).toEqual({
      workspaceId: 'abc',
      documentId: 'd e',
    })
  })

  it('does not match, and does not throw, where a segment is not valid percent-encoding (a mangled link)', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/%E0%A4%A')).toBeNull()
    expect(pageAt('/w/abc/d/%E0%A4%A')).toBeNull()
  })

  it('does not match a path of another length or with another fixed segment', () => {
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d')).toBeNull()
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/cafe/x')).toBeNull()
    expect(matchPath('/w/:workspaceId/d/:documentId', '/w/abc/d/x/skarm')).toBeNull()
  })

  it('finds exactly one page for each of the app’s paths, and none for a path that is no page', () => {
    const paths = {
      '/': '/',
      '/join': '/join',
      '/w/a': '/w/:workspaceId',
      '/w/a/d/b': '/w/:workspaceId/d/:documentId',
      '/w/a/skarm': '/w/:workspaceId/skarm',
      '/w/a/cafe/b': '/w/:workspaceId/cafe/:documentId',
      '/w/a/cafe/b/skarm': '/w/:workspaceId/cafe/:documentId/skarm',
      '/tillganglighet': '/tillganglighet',
    }
    for (const [path, route] of Object.entries(paths)) {
      expect(pageRoutes.filter((page) => matchPath(page.path, path) !== null)).toHaveLength(1)
      expect(pageAt(path)?.route.path).toBe(route)
    }
    expect(pageAt('/api/workspaces')).toBeNull()
    expect(pageAt('/w/a/d')).toBeNull()
  })

  it('names for every page a client module that exists', () => {
    for (const route of pageRoutes) expect(existsSync(join('client', route.module)), route.module).toBe(true)
  })
})
