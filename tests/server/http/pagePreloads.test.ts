import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type BuildManifest, createPagePreloads, planPagePreloads } from '../../../server/http/pagePreloads'
import { createLogger } from '../../../server/logger'

/** A build as Vite 8 writes its manifest: an entry, shared chunks, the document page and a lazy panel. */
const manifest: BuildManifest = {
  'index.html': {
    file: 'assets/index-A.js',
    isEntry: true,
    imports: ['_i18n-B.js'],
    css: ['assets/index-C.css'],
  },
  '_i18n-B.js': { file: 'assets/i18n-B.js' },
  '_api-D.js': { file: 'assets/api-D.js', imports: ['_i18n-B.js'] },
  '_editor-E.js': { file: 'assets/editor-E.js', imports: ['_api-D.js', '_runtime-F.js'] },
  '_runtime-F.js': { file: 'assets/runtime-F.js' },
  'src/features/document/DocumentPage.tsx': {
    file: 'assets/DocumentPage-G.js',
    isDynamicEntry: true,
    imports: ['_i18n-B.js', '_api-D.js', '_editor-E.js', 'index.html'],
    dynamicImports: ['src/features/document/DocumentSidePanel.tsx'],
  },
  'src/features/document/DocumentSidePanel.tsx': {
    file: 'assets/DocumentSidePanel-H.js',
    imports: ['_api-D.js'],
  },
  'src/features/start/StartPage.tsx': { file: 'assets/StartPage-I.js', imports: ['_api-D.js'] },
}

/** A silent logger that keeps what was warned. */
const recordingLogger = () => {
  const lines: string[] = []
  return { logger: createLogger('warn', { write: (line) => lines.push(line) }), lines }
}

describe('page preloads', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  /** A client build folder, removed after the test; with a manifest of this text when one is given. */
  const buildWith = (text?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'preloads-'))
    dirs.push(dir)
    if (text !== undefined) {
      mkdirSync(join(dir, '.vite'))
      writeFileSync(join(dir, '.vite', 'manifest.json'), text)
    }
    return dir
  }

  it('names a page’s chunk and every chunk it imports, but not the entry’s own nor code it loads later', () => {
    const plan = planPagePreloads(manifest)
    expect(plan.files.get('/w/:workspaceId/d/:documentId')).toEqual([
      'assets/DocumentPage-G.js',
      'assets/api-D.js',
      'assets/editor-E.js',
      'assets/runtime-F.js',
    ])
    expect(plan.files.get('/')).toEqual(['assets/StartPage-I.js', 'assets/api-D.js'])
    expect(plan.missing).toContain('src/features/cafe/CafePage.tsx')
  })

  it('puts modulepreload links in the HTML of a page’s path and none in that of a path that is no page', () => {
    const { logger } = recordingLogger()
    const preloads = createPagePreloads(buildWith(JSON.stringify(manifest)), logger)
    const links = preloads('/w/abc/d/def')
    expect(links).toContain('<link rel="modulepreload" crossorigin href="/assets/DocumentPage-G.js">')
    expect(links).toContain('href="/assets/runtime-F.js"')
    expect(links).not.toContain('DocumentSidePanel')
    expect(links).not.toContain('i18n-B.js')
    expect(preloads('/no/such/page')).toBe('')
    expect(preloads('/w/abc/d/%E0%A4%A')).toBe('')
  })

  it('names a document page’s two API requests in its HTML, for valid ids only, and those of no other page', () => {
    const { logger } = recordingLogger()
    const preloads = createPagePreloads(buildWith(JSON.stringify(manifest)), logger)
    const workspaceId = 'a'.repeat(32)
    const documentId = 'b'.repeat(32)
    const links = preloads(`/w/${workspaceId}/d/${documentId}`)
    expect(links).toContain(`<link rel="preload" as="fetch" crossorigin href="/api/documents/${documentId}">`)
    expect(links).toContain(
      `<link rel="preload" as="fetch" crossorigin href="/api/workspaces/${workspaceId}">`,
    )
    expect(preloads(`/w/${workspaceId}/cafe/${documentId}/skarm`)).toContain(`/api/documents/${documentId}`)
    // A link someone mangled, or one crafted to put markup in the page, names no request.
    expect(preloads(`/w/${workspaceId}/d/abc`)).not.toContain('as="fetch"')
    expect(preloads(`/w/${workspaceId}/d/%22%3E%3Cscript%3E`)).not.toContain('as="fetch"')
    expect(preloads(`/w/${workspaceId}`)).not.toContain('as="fetch"')
    // Without a usable manifest the page still names its data.
    expect(createPagePreloads(buildWith(), logger)(`/w/${workspaceId}/d/${documentId}`)).toBe(
      `<link rel="preload" as="fetch" crossorigin href="/api/documents/${documentId}">` +
        `<link rel="preload" as="fetch" crossorigin href="/api/workspaces/${workspaceId}">`,
    )
  })

  it('gives no links and warns once, without throwing, for a manifest that is not JSON or names files outside assets/', () => {
    const broken = recordingLogger()
    const preloads = createPagePreloads(buildWith('{"index.html": '), broken.logger)
    expect(preloads('/w/abc/d/def')).toBe('')
    expect(preloads('/w/abc/d/def')).toBe('')
    expect(broken.lines.filter((line) => line.includes('could not be read'))).toHaveLength(1)

    const hostile = recordingLogger()
    const outside = { ...manifest, '_api-D.js': { file: '"><script>alert(1)</script>' } }
    const hostilePreloads = createPagePreloads(buildWith(JSON.stringify(outside)), hostile.logger)
    expect(hostilePreloads('/w/abc/d/def')).toBe('')
    expect(hostile.lines.join('\n')).toContain('not valid')
  })

  it('gives no links without a manifest, and reads the manifest again when the client is rebuilt', () => {
    const { logger } = recordingLogger()
    const dir = buildWith()
    const preloads = createPagePreloads(dir, logger)
    expect(preloads('/')).toBe('')
    mkdirSync(join(dir, '.vite'))
    const file = join(dir, '.vite', 'manifest.json')
    writeFileSync(file, JSON.stringify(manifest))
    expect(preloads('/')).toContain('StartPage-I.js')
    const rebuilt = { ...manifest, 'src/features/start/StartPage.tsx': { file: 'assets/StartPage-J.js' } }
    writeFileSync(file, JSON.stringify(rebuilt))
    utimesSync(file, new Date(), new Date(Date.now() + 5_000))
    expect(preloads('/')).toBe('<link rel="modulepreload" crossorigin href="/assets/StartPage-J.js">')
  })
})
