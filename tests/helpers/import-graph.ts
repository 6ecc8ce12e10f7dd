import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** file (relative to root) → the specifiers it imports, resolved to files where relative. */
export type ImportGraph = Map<string, { files: string[]; packages: string[] }>

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const SOURCE = /\.(ts|tsx)$/

const listSources = (dir: string): string[] => {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return listSources(path)
    return SOURCE.test(name) ? [path] : []
  })
}

const resolveFile = (from: string, specifier: string): string | null => {
  const base = resolve(dirname(from), specifier)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** Reads the import statements of every source file under `folders` (relative to `root`). */
export const buildImportGraph = (root: string, folders: readonly string[]): ImportGraph => {
  const graph: ImportGraph = new Map()
  for (const file of folders.flatMap((folder) => listSources(join(root, folder)))) {
    const text = readFileSync(file, 'utf8')
    const files: string[] = []
    const packages: string[] = []
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!
      if (specifier.startsWith('.')) {
        const target = resolveFile(file, specifier)
        if (target !== null && SOURCE.test(target)) files.push(relative(root, target))
      } else {
        packages.push(specifier)
      }
    }
    graph.set(relative(root, file), { files, packages })
  }
  return graph
}

/** Every import cycle, each as the list of files around it. */
export const findCycles = (graph: ImportGraph): string[][] => {
  const cycles: string[][] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'visiting')
    stack.push(file)
    for (const next of graph.get(file)?.files ?? []) {
      if (state.get(next) === 'visiting') cycles.push(stack.slice(stack.indexOf(next)))
      else if (!state.has(next) && graph.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return cycles
}

const topFolder = (file: string): string => file.split(/[\\/]/)[0]!

/** The layer rules: shared is pure domain; server and client never import each other. */
export const findLayerViolations = (
  graph: ImportGraph,
  sharedPackages: readonly string[] = ['zod', 'yjs', 'lib0'],
): string[] => {
  const violations: string[] = []
  for (const [file, { files, packages }] of graph) {
    const layer = topFolder(file)
    for (const target of files) {
      const targetLayer = topFolder(target)
      if (layer === 'shared' && targetLayer !== 'shared') violations.push(`${file} → ${target}`)
      if (layer === 'server' && targetLayer === 'client') violations.push(`${file} → ${target}`)
      if (layer === 'client' && targetLayer === 'server') violations.push(`${file} → ${target}`)
    }
    if (layer === 'shared') {
      for (const specifier of packages) {
        const name = specifier.split('/')[0]!
        if (!sharedPackages.includes(name)) violations.push(`${file} → package ${specifier}`)
      }
    }
  }
  return violations
}

/**
 * Files of shared/ and client/ that import zod other than as `zod/mini`. The classic build cannot be
 * tree-shaken (every schema carries every method), and on a phone it cost ~50 ms of the document page's start.
 */
export const findClassicZodImports = (graph: ImportGraph): string[] =>
  [...graph].flatMap(([file, { packages }]) =>
    ['shared', 'client'].includes(topFolder(file))
      ? packages
          .filter(
            (specifier) => (specifier === 'zod' || specifier.startsWith('zod/')) && specifier !== 'zod/mini',
          )
          .map((specifier) => `${file} → ${specifier}`)
      : [],
  )

/** Files the sync core may import from the rest of the server: the storage port and the logger's type. */
const SYNC_CORE_MAY_IMPORT = [
  'server/storage/port.ts',
  'server/storage/StorageIntegrityError.ts',
  'server/logger.ts',
]
const STORAGE_ADAPTER = /^server\/storage\/(sqlite|memory|postgres)\//
const ROW_SCHEMA = /^server\/storage\/(\w+Rows|parseRow)\.ts$/
const HONO = /^(hono|@hono\/)/

/**
 * The rules inside server/: the sync core (server/sync/) imports no Hono and nothing of the server but the
 * storage port and the logger; a storage adapter is imported only by the composition root (server/main.ts) and
 * its own folder; the row schemas (`*Rows.ts`, `parseRow.ts`) only by the storage adapters.
 */
export const findServerViolations = (graph: ImportGraph, compositionRoot = 'server/main.ts'): string[] => {
  const violations: string[] = []
  for (const [file, { files, packages }] of graph) {
    if (!file.startsWith('server/')) continue
    const inSync = file.startsWith('server/sync/')
    for (const target of files) {
      if (
        inSync &&
        target.startsWith('server/') &&
        !target.startsWith('server/sync/') &&
        !SYNC_CORE_MAY_IMPORT.includes(target)
      ) {
        violations.push(`${file} → ${target} (the sync core imports no service)`)
      }
      const adapter = STORAGE_ADAPTER.exec(target)
      if (adapter !== null && file !== compositionRoot && !file.startsWith(`server/storage/${adapter[1]}/`)) {
        violations.push(`${file} → ${target} (only the composition root picks a storage adapter)`)
      }
      if (ROW_SCHEMA.test(target) && !STORAGE_ADAPTER.test(file) && !ROW_SCHEMA.test(file)) {
        violations.push(`${file} → ${target} (row schemas stay inside the storage adapters)`)
      }
    }
    if (inSync) {
      for (const specifier of packages) {
        if (HONO.test(specifier))
          violations.push(`${file} → package ${specifier} (the sync core knows no Hono)`)
      }
    }
  }
  return violations
}
