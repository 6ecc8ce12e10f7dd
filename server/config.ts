import { z } from 'zod'

const MiB = 1024 * 1024

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

/**
 * The server's environment, parsed once at start-up. Variable names are the documented ones
 * (see the README's configuration table); the parsed value is the camelCase `Config`.
 */
export const ConfigEnv = z.object({
  PORT: integer(0, 65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  STORAGE: z.enum(['sqlite', 'memory']).default('sqlite'),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPDATE_BYTES: integer(1024, 256 * MiB).default(8 * MiB),
  ROOM_IDLE_MS: integer(0, 24 * 60 * 60 * 1000).default(30_000),
  READINESS_PROBE_MS: integer(100, 10 * 60 * 1000).default(5_000),
  PRELOAD_DOCUMENTS: integer(0, 1_000).default(20),
  COMPACT_AFTER_UPDATES: integer(1, 10_000_000).default(1_000),
  BROADCAST_WINDOW_MS: integer(0, 1_000).default(20),
  STATIC_DIR: z.string().min(1).default('client/dist'),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  PUBLIC_URL: z
    .url()
    .regex(/^https?:\/\/[^/]+$/, 'must be an origin like https://samverkstad.example.se (no path)')
    .optional(),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  MAX_BODY_BYTES: integer(1024, 64 * MiB).default(MiB),
  RATE_LIMIT_PER_MINUTE: integer(1, 1_000_000).default(3_000),
  MAX_CONNECTIONS_PER_IP: integer(1, 1_000_000).default(1_000),
  DATABASE_URL: z
    .url()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .url()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  SCALE_CATCH_UP_MS: integer(100, 60_000).default(1_000),
  OIDC_ISSUER: z
    .url()
    .regex(/^https?:\/\//, "must be the provider's http(s) issuer URL")
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'must be scopes separated by single spaces')
    .refine((scopes) => scopes.split(' ').includes('openid'), 'must include openid')
    .default('openid profile email'),
  OIDC_NAME_CLAIMS: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/, 'must be claim names separated by commas, e.g. name,email')
    .default('name,email'),
  REQUIRE_SIGN_IN_TO_CREATE: z.enum(['true', 'false', '1', '0']).default('false'),
})

/** Sign-in is configured by all three of issuer, client id and secret, or not at all. */
const OIDC_TRIO = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const

export const Config = ConfigEnv.superRefine((env, ctx) => {
  const given = OIDC_TRIO.filter((name) => env[name] !== undefined)
  if (given.length > 0 && given.length < OIDC_TRIO.length) {
    for (const name of OIDC_TRIO.filter((name) => env[name] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be set too: sign-in needs ${OIDC_TRIO.join(', ')} together (${given.join(', ')} given)`,
      })
    }
  }
  const requireSignIn = env.REQUIRE_SIGN_IN_TO_CREATE === 'true' || env.REQUIRE_SIGN_IN_TO_CREATE === '1'
  if (requireSignIn && given.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['REQUIRE_SIGN_IN_TO_CREATE'],
      message: 'needs sign-in configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)',
    })
  }
}).transform((env) => ({
  port: env.PORT,
  host: env.HOST,
  dataDir: env.DATA_DIR,
  storage: env.STORAGE,
  sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
  logLevel: env.LOG_LEVEL,
  maxUpdateBytes: env.MAX_UPDATE_BYTES,
  roomIdleMs: env.ROOM_IDLE_MS,
  readinessProbeMs: env.READINESS_PROBE_MS,
  preloadDocuments: env.PRELOAD_DOCUMENTS,
  compactAfterUpdates: env.COMPACT_AFTER_UPDATES,
  broadcastWindowMs: env.BROADCAST_WINDOW_MS,
  staticDir: env.STATIC_DIR,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  adminToken: env.ADMIN_TOKEN ?? null,
  publicUrl: env.PUBLIC_URL ?? null,
  trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
  maxBodyBytes: env.MAX_BODY_BYTES,
  rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  maxConnectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
  databaseUrl: env.DATABASE_URL ?? null,
  redisUrl: env.REDIS_URL ?? null,
  scaleCatchUpMs: env.SCALE_CATCH_UP_MS,
  oidc:
    env.OIDC_ISSUER === undefined || env.OIDC_CLIENT_ID === undefined || env.OIDC_CLIENT_SECRET === undefined
      ? null
      : {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          scopes: env.OIDC_SCOPES,
          nameClaims: env.OIDC_NAME_CLAIMS.split(','),
        },
  requireSignInToCreate: env.REQUIRE_SIGN_IN_TO_CREATE === 'true' || env.REQUIRE_SIGN_IN_TO_CREATE === '1',
}))
export type Config = z.output<typeof Config>
/** How to reach the organisation's identity provider (OpenID Connect); null when sign-in is not configured. */
export type OidcSettings = NonNullable<Config['oidc']>

// URLs may carry passwords (postgres://user:secret@host).
const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'ADMIN_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
  'OIDC_CLIENT_SECRET',
])

/** Thrown by `parseConfig`; its message is one line that names the variable, what is wrong and what was given. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Parses the environment into a `Config`. Unset and empty variables take their defaults.
 *
 * @example
 * parseConfig({ PORT: '9000' }).port // 9000
 * parseConfig({ PORT: 'abc' }) // throws ConfigError: Invalid configuration: PORT: … (got "abc")
 */
export const parseConfig = (env: Readonly<Record<string, string | undefined>>): Config => {
  const known = Object.keys(ConfigEnv.shape)
  const given: Record<string, string> = {}
  for (const key of known) {
    const value = env[key]
    if (value !== undefined && value !== '') given[key] = value
  }
  const result = Config.safeParse(given)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment')
    // A secret is never echoed into logs; its length is enough to see what is wrong.
    const got = SECRET_VARIABLES.has(name)
      ? `${given[name]?.length ?? 0} characters`
      : JSON.stringify(given[name])
    return `${name}: ${issue.message} (got ${got})`
  })
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
}
