import Database from 'better-sqlite3'
import { StorageIntegrityError } from '../StorageIntegrityError'
import { sqliteMigrations } from './migrations'

export interface SqliteDatabaseOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  readonly file: string
  /** `normal` survives a crash of the process (kill -9); `full` also survives a power cut, at some write cost. */
  readonly synchronous?: 'normal' | 'full'
}

/**
 * Opens (creating if needed) the SQLite database and brings its schema up to date.
 * `secure_delete` makes SQLite overwrite deleted content, so removing a workspace removes its personal data
 * from the file itself, not just from the index.
 */
export const openSqliteDatabase = ({
  file,
  synchronous = 'normal',
}: SqliteDatabaseOptions): Database.Database => {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
  const current = Number(db.pragma('user_version', { simple: true }))
  if (current > sqliteMigrations.length) {
    db.close()
    throw new StorageIntegrityError(
      `database schema version ${current} is newer than this server knows (${sqliteMigrations.length})`,
    )
  }
  for (let version = current; version < sqliteMigrations.length; version++) {
    db.transaction(() => {
      db.exec(sqliteMigrations[version]!)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
  return db
}
