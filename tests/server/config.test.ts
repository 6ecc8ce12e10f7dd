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
      oidc: null,
      requireSignInToCreate: false,
    })
  })

  it('configures sign-in from the issuer, client id and secret together, with scopes and name claims', () => {
    const config = parseConfig({
      OIDC_ISSUER: 'https://login.example.se/realms/kommun',
      OIDC_CLIENT_ID: 'samverkstad',
      OIDC_CLIENT_SECRET: 'hemlig-klienthemlighet',
      OIDC_NAME_CLAIMS: 'preferred_username,email',
      REQUIRE_SIGN_IN_TO_CREATE: 'true',
    })
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.se/realms/kommun',
      clientId: 'samverkstad',
      clientSecret: 'hemlig-klienthemlighet',
      scopes: 'openid profile email',
      nameClaims: ['preferred_username', 'email'],
    })
    expect(config.requireSignInToCreate).toBe(true)
  })

  it('refuses part of the sign-in trio, naming what is missing, and never echoes the client secret', () => {
    expect(() => parseConfig({ OIDC_ISSUER: 'https://login.example.se', OIDC_CLIENT_ID: 'sv' })).toThrow(
      /^Invalid configuration: OIDC_CLIENT_SECRET: must be set too: sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together \(OIDC_ISSUER, OIDC_CLIENT_ID given\)/,
    )
    let message = ''
    try {
      parseConfig({ OIDC_CLIENT_SECRET: 'topphemlig' })
    } catch (error) {
      message = String(error)
    }
    expect(message).toMatch(/OIDC_ISSUER: must be set too/)
    expect(message).toMatch(/OIDC_CLIENT_ID: must be set too/)
    expect(message).not.toContain('topphemlig')
  })

  it('refuses REQUIRE_SIGN_IN_TO_CREATE without sign-in, scopes without openid, and a bad claim list', () => {
    expect(() => parseConfig({ REQUIRE_SIGN_IN_TO_CREATE: 'true' })).toThrow(
      /REQUIRE_SIGN_IN_TO_CREATE: needs sign-in configured/,
    )
    const trio = { OIDC_ISSUER: 'https://idp.example.se', OIDC_CLIENT_ID: 'sv', OIDC_CLIENT_SECRET: 'x' }
    expect(() => parseConfig({ ...trio, OIDC_SCOPES: 'profile email' })).toThrow(
      /OIDC_SCOPES: must include openid/,
    )
    expect(() => parseConfig({ ...trio, OIDC_NAME_CLAIMS: 'name; email' })).toThrow(/OIDC_NAME_CLAIMS/)
    expect(() => parseConfig({ ...trio, OIDC_ISSUER: 'ftp://idp.example.se' })).toThrow(/OIDC_ISSUER/)
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
