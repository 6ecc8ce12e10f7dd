import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, ConfigError, parseConfig } from './config'
import { createLogger } from './logger'
import { startServer } from './startServer'
import type { Storage } from './storage/port'
import { openPostgresStorage } from './storage/postgres/openPostgresStorage'
import { DataDirInUseError, type DataDirLock, lockDataDir } from './storage/sqlite/lockDataDir'
import { openSqliteStorage } from './storage/sqlite/openSqliteStorage'

/** Kept referenced for the life of the process: a collected lock would be a released lock. */
let dataDirLock: DataDirLock | null = null

/** Composition root: the only file that chooses storage adapters. */
const openStorage = async (config: Config): Promise<Storage> => {
  if (config.databaseUrl !== null) return openPostgresStorage({ url: config.databaseUrl })
  // `memory` is SQLite without a file: the same code paths, nothing kept after a restart.
  if (config.storage === 'memory') return openSqliteStorage({ file: ':memory:' })
  mkdirSync(config.dataDir, { recursive: true })
  // Held until the process ends: a second server on the same folder exits instead of losing edits.
  dataDirLock = lockDataDir(config.dataDir)
  return openSqliteStorage({
    file: join(config.dataDir, 'samverkstad.db'),
    synchronous: config.sqliteSynchronous,
  })
}

const main = async (): Promise<void> => {
  let config: Config
  try {
    config = parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const logger = createLogger(config.logLevel)
  let storage: Storage
  try {
    storage = await openStorage(config)
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const server = await startServer({ config, storage, logger })

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      logger.error('shutdown timed out')
      process.exit(1)
    }, config.shutdownTimeoutMs)
    timer.unref()
    server.close().then(
      () => {
        dataDirLock?.release()
        process.exit(0)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Samverkstad failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
