import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, ConfigError, parseConfig } from './config'
import { createLogger } from './logger'
import { startServer } from './startServer'
import { MemoryDocumentStore } from './storage/memory/MemoryDocumentStore'
import type { DocumentStore } from './storage/port'
import { SqliteDocumentStore } from './storage/sqlite/SqliteDocumentStore'

/** Composition root: the only file that chooses storage adapters. */
const createStore = (config: Config): DocumentStore => {
  if (config.storage === 'memory') return new MemoryDocumentStore()
  mkdirSync(config.dataDir, { recursive: true })
  return new SqliteDocumentStore({
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
  const store = createStore(config)
  const server = await startServer({ config, store, logger })

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
      () => process.exit(0),
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
