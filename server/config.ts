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
})

export const Config = ConfigEnv.transform((env) => ({
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
}))
export type Config = z.output<typeof Config>

// URLs may carry passwords (postgres://user:secret@host).
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['ADMIN_TOKEN', 'DATABASE_URL', 'REDIS_URL'])

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
