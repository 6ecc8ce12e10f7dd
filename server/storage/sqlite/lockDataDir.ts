import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/** Another server process holds the data folder. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError'
}

export interface DataDirLock {
  release(): void
}

/**
 * Takes the data folder for this process alone: two servers on one SQLite file would each serve only their
 * own sockets and silently lose each other's edits. The lock is SQLite's own exclusive lock on a sentinel
 * database (`samverkstad.lock`), held for the life of the process; the operating system drops it when the
 * process ends however it ends (kill -9 included), so a crashed server never leaves the folder locked.
 */
export const lockDataDir = (dataDir: string): DataDirLock => {
  const sentinel = new Database(join(dataDir, 'samverkstad.lock'), { timeout: 0 })
  const pidFile = join(dataDir, 'samverkstad.pid')
  try {
    sentinel.pragma('locking_mode = EXCLUSIVE')
    // The first write takes the exclusive lock; in EXCLUSIVE locking mode it is kept until the connection closes.
    sentinel.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT;')
  } catch (error) {
    sentinel.close()
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    let holder = 'another process'
    try {
      holder = `process ${readFileSync(pidFile, 'utf8').trim()}`
    } catch {
      // The other process has not written its pid yet.
    }
    throw new DataDirInUseError(
      `DATA_DIR ${dataDir} is in use by another Samverkstad server (${holder}); stop it or choose another DATA_DIR`,
    )
  }
  writeFileSync(pidFile, `${process.pid}\n`)
  return { release: () => sentinel.close() }
}
