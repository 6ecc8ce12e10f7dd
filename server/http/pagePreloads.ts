import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { pageDataPaths } from '../../shared/pages/page-data'
import { type PagePath, pageAt, pageRoutes } from '../../shared/pages/page-routes'
import type { Logger } from '../logger'
import { loadWhenChanged } from './loadWhenChanged'

/** One chunk of the client build, as Vite's manifest describes it (other fields are kept and ignored). */
const ManifestChunk = z.looseObject({
  // Only hashed scripts under assets/: the name goes into an HTML attribute as it is.
  file: z.string().regex(/^assets\/[\w.-]+$/, 'a built file under assets/'),
  isEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
})

/** `client/dist/.vite/manifest.json`: every module of the build by its path under `client/`. */
export const BuildManifest = z.record(z.string(), ManifestChunk)
export type BuildManifest = z.infer<typeof BuildManifest>

export interface PagePreloadPlan {
  /** The scripts of each page beyond the ones its HTML already loads, in the order they are imported. */
  readonly files: ReadonlyMap<PagePath, readonly string[]>
  /** Page modules the manifest does not know (a build of other code): those pages get no hints. */
  readonly missing: readonly string[]
}

/**
 * Which scripts to name in each page's HTML: the page module's chunk and every chunk it imports statically,
 * less the entry's own (the HTML loads those already). Code a page loads only later (`import()`) is left out.
 */
export const planPagePreloads = (manifest: BuildManifest): PagePreloadPlan => {
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key]
    if (chunk === undefined || into.has(chunk.file)) return
    into.add(chunk.file)
    for (const imported of chunk.imports ?? []) closure(imported, into)
  }
  const loaded = new Set<string>()
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) closure(key, loaded)
  const files = new Map<PagePath, readonly string[]>()
  const missing: string[] = []
  for (const route of pageRoutes) {
    if (manifest[route.module] === undefined) {
      missing.push(route.module)
      continue
    }
    const page = new Set<string>()
    closure(route.module, page)
    files.set(
      route.path,
      [...page].filter((file) => !loaded.has(file) && file.endsWith('.js')),
    )
  }
  return { files, missing: [...new Set(missing)] }
}

/** The `<link rel="modulepreload">` tags for these scripts (the same form Vite writes for the entry's). */
export const preloadLinks = (files: readonly string[]): string =>
  files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('')

/**
 * The `<link rel="preload" as="fetch">` tags for a page's API requests. `crossorigin` (anonymous) is the
 * credentials mode of the app's own `fetch` (same-origin, with the session cookie), so that the fetch takes the
 * preloaded answer instead of asking again.
 */
export const dataPreloadLinks = (paths: readonly string[]): string =>
  paths.map((path) => `<link rel="preload" as="fetch" crossorigin href="${path}">`).join('')

/**
 * The preload tags for the page at a path, from the build in `staticDir`: its code, and the API requests it
 * makes before it draws ('' for a path that is no page; no code tags without a usable manifest — the page then
 * loads its code as before, only later). The manifest is read
 * again when the build changes; a broken one is reported once and ignored.
 */
export const createPagePreloads = (staticDir: string, logger: Logger): ((pathname: string) => string) => {
  const plan = loadWhenChanged(join(staticDir, '.vite', 'manifest.json'), (manifestFile) => {
    try {
      const parsed = BuildManifest.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')))
      if (!parsed.success) {
        logger.warn(
          { issues: z.prettifyError(parsed.error) },
          'client build manifest is not valid; no preload hints',
        )
        return null
      }
      const planned = planPagePreloads(parsed.data)
      if (planned.missing.length > 0)
        logger.warn(
          { modules: planned.missing },
          'client build manifest lacks page modules; no preload hints for them',
        )
      return planned
    } catch (error) {
      logger.warn({ err: error }, 'client build manifest could not be read; no preload hints')
      return null
    }
  })
  return (pathname) => {
    const page = pageAt(pathname)
    if (page === null) return ''
    const files = plan()?.files.get(page.route.path)
    return (
      (files === undefined ? '' : preloadLinks(files)) +
      dataPreloadLinks(pageDataPaths(page.route.path, page.params))
    )
  }
}
