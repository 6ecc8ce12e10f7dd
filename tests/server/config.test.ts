import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../server/config'

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      storage: 'sqlite',
      sqliteSynchronous: 'normal',
      logLevel: 'info',
      maxUpdateBytes: 8 * 1024 * 1024,
      roomIdleMs: 30_000,
      readinessProbeMs: 5_000,
      preloadDocuments: 20,
      compactAfterUpdates: 1_000,
      broadcastWindowMs: 20,
      staticDir: 'client/dist',
      shutdownTimeoutMs: 10_000,
      adminToken: null,
      publicUrl: null,
      trustProxy: false,
      maxBodyBytes: 1024 * 1024,
      rateLimitPerMinute: 3_000,
      maxConnectionsPerIp: 1_000,
      databaseUrl: null,
      redisUrl: null,
      scaleCatchUpMs: 1_000,
    })
  })

  it('never echoes ADMIN_TOKEN in its error, only how long it was', () => {
    expect(() => parseConfig({ ADMIN_TOKEN: 'hemligt' })).toThrow(
      /^Invalid configuration: ADMIN_TOKEN: must be at least 16 characters \(got 7 characters\)$/,
    )
  })

  it('takes DATABASE_URL and REDIS_URL only with their schemes, and never echoes them (they may hold passwords)', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://sv:pw@db:5432/sv',
      REDIS_URL: 'rediss://cache:6380',
    })
    expect([config.databaseUrl, config.redisUrl]).toEqual([
      'postgres://sv:pw@db:5432/sv',
      'rediss://cache:6380',
    ])
    expect(() => parseConfig({ DATABASE_URL: 'mysql://root:hemligt@db/sv' })).toThrow(
      /^Invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL \(got \d+ characters\)$/,
    )
    expect(() => parseConfig({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/)
  })

  it('takes PUBLIC_URL only as an origin', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://samverkstad.example.se' }).publicUrl).toBe(
      'https://samverkstad.example.se',
    )
    expect(() => parseConfig({ PUBLIC_URL: 'https://samverkstad.example.se/app' })).toThrow(/PUBLIC_URL/)
  })

  it('reads and coerces the variables it knows, and ignores the rest', () => {
    const config = parseConfig({ PORT: '9000', HOST: '0.0.0.0', MAX_UPDATE_BYTES: '2048', PATH: '/usr/bin' })
    expect(config.port).toBe(9000)
    expect(config.host).toBe('0.0.0.0')
    expect(config.maxUpdateBytes).toBe(2048)
  })

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ PORT: '' }).port).toBe(8080)
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['STORAGE', 'mongodb'],
    ['LOG_LEVEL', 'loud'],
    ['MAX_UPDATE_BYTES', '10'],
    ['ROOM_IDLE_MS', '-1'],
    ['TRUST_PROXY', 'yes'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
  ])('refuses %s=%s with one line naming the variable and the value', (name, value) => {
    let error: unknown
    try {
      parseConfig({ [name]: value })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}: .+\\(got "${value}"\\)$`))
  })
})
