import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { lazySchema } from '../../../shared/schema/lazy-schema'

const sharedDir = fileURLToPath(new URL('../../../shared', import.meta.url))
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesOf(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )

describe('lazySchema', () => {
  it('builds its schema on the first parse, not before, and only once', () => {
    let builds = 0
    const Point = lazySchema(() => {
      builds += 1
      return z.object({ x: z.number(), y: z.number() })
    })
    const Line = z.object({ from: Point, to: z.optional(Point) })
    expect(builds).toBe(0)
    expect(Line.parse({ from: { x: 1, y: 2 } })).toEqual({ from: { x: 1, y: 2 } })
    expect(Point.parse({ x: 3, y: 4 })).toEqual({ x: 3, y: 4 })
    expect(Point.unwrap()).toBe(Point.unwrap())
    expect(builds).toBe(1)
  })

  it('rejects what its schema rejects, with the same path and message', () => {
    const Person = lazySchema(() => z.object({ name: z.string().check(z.minLength(1, 'say who')) }))
    const result = z.object({ people: z.array(Person) }).safeParse({ people: [{ name: '' }] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['people.0.name', 'say who'],
    ])
  })
})

describe('shared/ when imported', () => {
  // The client imports the contracts of the whole API; a phone pays for every schema built at import.
  it('builds no object, array or union schema until one is used', async () => {
    const composite = new Map<string, number>()
    const config = (
      globalThis as { __zod_globalConfig?: { postProcessor?: ((schema: z.ZodMiniType) => void) | undefined } }
    ).__zod_globalConfig
    expect(config).toBeDefined()
    const previous = config!.postProcessor
    config!.postProcessor = (schema) => {
      const type = schema._zod.def.type
      if (
        type === 'object' ||
        type === 'array' ||
        type === 'union' ||
        type === 'record' ||
        type === 'tuple'
      ) {
        const at = new Error().stack
          ?.split('\n')
          .find((line) => line.includes('/shared/') && !line.includes('lazy-schema'))
        composite.set(
          `${type} ${at?.trim() ?? '?'}`,
          (composite.get(`${type} ${at?.trim() ?? '?'}`) ?? 0) + 1,
        )
      }
    }
    try {
      // The hook sees schemas: one built here is counted.
      z.object({ probe: z.string() })
      expect([...composite.keys()]).toHaveLength(1)
      composite.clear()
      const files = sourcesOf(sharedDir)
      expect(files.length).toBeGreaterThan(50)
      for (const file of files) await import(/* @vite-ignore */ pathToFileURL(file).href)
      expect([...composite.keys()]).toEqual([])
    } finally {
      config!.postProcessor = previous
    }
  })
})
