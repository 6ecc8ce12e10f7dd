import { describe, expect, it } from 'vitest'
import { StorageHealth } from '../../../server/health/StorageHealth'
import { createLogger } from '../../../server/logger'

describe('StorageHealth', () => {
  it('is unhealthy while writes fail and healthy again once a probe gets through; a damaged file stays unhealthy', async () => {
    let failing = false
    let damaged: string | null = null
    const storage = {
      probe: async () => {
        if (failing) throw new Error('SQLITE_FULL: database or disk is full')
      },
      checkIntegrity: async () => damaged,
    }
    const health = new StorageHealth({ storage, logger: createLogger('silent'), probeEveryMs: 60_000 })
    await health.start()
    expect(health.state).toEqual({ ok: true })
    failing = true
    await health.probe()
    expect(health.state).toMatchObject({ ok: false, reason: 'SQLITE_FULL: database or disk is full' })
    failing = false
    await health.probe()
    expect(health.state).toEqual({ ok: true })
    health.writeFailed(new Error('an update could not be stored'))
    expect(health.state).toMatchObject({ ok: false, reason: 'an update could not be stored' })
    health.stop()

    damaged = 'Tree 21 page 21 cell 19: invalid page number'
    const restarted = new StorageHealth({ storage, logger: createLogger('silent'), probeEveryMs: 60_000 })
    await restarted.start()
    await restarted.probe()
    expect(restarted.state).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^integrity check failed: Tree 21/),
    })
    restarted.stop()
  })
})
