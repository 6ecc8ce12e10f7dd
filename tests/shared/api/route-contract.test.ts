import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compose } from '../../../server/compose'
import { parseConfig } from '../../../server/config'
import { createLogger } from '../../../server/logger'
import { openSqliteStorage } from '../../../server/storage/sqlite/openSqliteStorage'
import { pathOf, type RouteContract, urlOf } from '../../../shared/api/route-contract'
import * as workspaceApi from '../../../shared/api/workspace-routes'

const apiFolder = fileURLToPath(new URL('../../../shared/api/', import.meta.url))

/** Every contract exported by shared/api/*-routes.ts, by module and name. */
const allContracts = async (): Promise<Map<string, RouteContract>> => {
  const contracts = new Map<string, RouteContract>()
  for (const file of readdirSync(apiFolder).filter((name) => name.endsWith('-routes.ts'))) {
    const module = (await import(`../../../shared/api/${file}`)) as Record<string, unknown>
    for (const [name, value] of Object.entries(module)) {
      const candidate = value as Partial<RouteContract>
      if (typeof candidate?.path === 'string' && typeof candidate.method === 'string') {
        contracts.set(`${file}:${name}`, value as RouteContract)
      }
    }
  }
  return contracts
}

describe('route contracts', () => {
  it('fills a path with its parameters, encoded, and adds a query without undefined values', () => {
    expect(pathOf(workspaceApi.previewInvite, { token: 'a b/c' })).toBe('/api/invites/a%20b%2Fc')
    expect(urlOf(workspaceApi.getAudit, { workspaceId: 'w1' }, { limit: 50, before: undefined })).toBe(
      '/api/workspaces/w1/audit?limit=50',
    )
    expect(urlOf(workspaceApi.createWorkspace)).toBe('/api/workspaces')
  })

  it('refuses to build a path when a parameter is missing', () => {
    expect(() => pathOf(workspaceApi.getWorkspace, {})).toThrow(/missing parameter workspaceId/)
  })

  it('are exactly the routes the server mounts: every contract is served, every served route has one', async () => {
    const storage = await openSqliteStorage({ file: ':memory:' })
    try {
      const { routes } = compose({
        config: parseConfig({}),
        storage,
        logger: createLogger('silent'),
        Redis: null,
      })
      const contracts = [...(await allContracts()).values()]
      const key = (route: Pick<RouteContract, 'method' | 'path'>) => `${route.method} ${route.path}`
      expect(contracts.length).toBeGreaterThan(40)
      expect(new Set(routes.map(key))).toEqual(new Set(contracts.map(key)))
      // The server's table takes the contract's own schemas, not copies that could drift.
      for (const contract of contracts) {
        const route = routes.find((candidate) => key(candidate) === key(contract))!
        expect(route.params).toBe(contract.params)
        expect(route.query).toBe(contract.query)
        expect(route.body).toBe(contract.body)
        expect(route.response).toBe(contract.response)
      }
    } finally {
      await storage.close()
    }
  })
})
