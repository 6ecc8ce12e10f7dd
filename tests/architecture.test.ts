import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  buildImportGraph,
  findClassicZodImports,
  findCycles,
  findLayerViolations,
  findServerViolations,
  type ImportGraph,
} from './helpers/import-graph'

const root = fileURLToPath(new URL('..', import.meta.url))
const graph = buildImportGraph(root, ['shared', 'server', 'client'])

describe('architecture', () => {
  it('sees the source files of all three layers', () => {
    const layers = new Set([...graph.keys()].map((file) => file.split('/')[0]))
    expect(layers).toEqual(new Set(['shared', 'server', 'client']))
    expect(graph.size).toBeGreaterThan(15)
  })

  it('has no import cycles', () => {
    expect(findCycles(graph)).toEqual([])
  })

  it('keeps shared/ free of server/ and client/, and server/ and client/ free of each other', () => {
    expect(findLayerViolations(graph)).toEqual([])
  })

  it('keeps the sync core free of Hono and services, storage adapters to the composition root, row schemas to the adapters', () => {
    expect(findServerViolations(graph)).toEqual([])
  })

  it('gives the browser zod/mini only: shared/ and client/ never import the classic build', () => {
    expect(findClassicZodImports(graph)).toEqual([])
    const bad: ImportGraph = new Map([
      ['shared/a.ts', { files: [], packages: ['zod', 'zod/mini'] }],
      ['client/b.ts', { files: [], packages: ['zod/v4'] }],
      ['server/c.ts', { files: [], packages: ['zod'] }],
    ])
    expect(findClassicZodImports(bad)).toEqual(['shared/a.ts → zod', 'client/b.ts → zod/v4'])
  })

  it('would report each kind of server violation', () => {
    const bad: ImportGraph = new Map([
      [
        'server/sync/Room.ts',
        { files: ['server/workspaces/WorkspaceService.ts', 'server/storage/port.ts'], packages: ['hono/ws'] },
      ],
      ['server/compose.ts', { files: ['server/storage/sqlite/openSqliteStorage.ts'], packages: [] }],
      ['server/main.ts', { files: ['server/storage/postgres/openPostgresStorage.ts'], packages: [] }],
      ['server/versions/VersionService.ts', { files: ['server/storage/workspaceRows.ts'], packages: [] }],
      [
        'server/storage/sqlite/SqliteVersionStore.ts',
        { files: ['server/storage/workspaceRows.ts'], packages: [] },
      ],
    ])
    expect(findServerViolations(bad)).toEqual([
      'server/sync/Room.ts → server/workspaces/WorkspaceService.ts (the sync core imports no service)',
      'server/sync/Room.ts → package hono/ws (the sync core knows no Hono)',
      'server/compose.ts → server/storage/sqlite/openSqliteStorage.ts (only the composition root picks a storage adapter)',
      'server/versions/VersionService.ts → server/storage/workspaceRows.ts (row schemas stay inside the storage adapters)',
    ])
  })

  it('would report a cycle and each kind of layer violation', () => {
    const bad: ImportGraph = new Map([
      ['shared/a.ts', { files: ['server/b.ts'], packages: ['hono'] }],
      ['server/b.ts', { files: ['client/c.ts', 'shared/a.ts'], packages: [] }],
      ['client/c.ts', { files: ['server/b.ts'], packages: [] }],
    ])
    expect(findCycles(bad).length).toBeGreaterThan(0)
    expect(findLayerViolations(bad)).toEqual([
      'shared/a.ts → server/b.ts',
      'shared/a.ts → package hono',
      'server/b.ts → client/c.ts',
      'client/c.ts → server/b.ts',
    ])
  })
})
