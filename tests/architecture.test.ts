import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildImportGraph, findCycles, findLayerViolations, type ImportGraph } from './helpers/import-graph'

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
