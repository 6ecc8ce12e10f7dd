import type Database from 'better-sqlite3'
import type { AuditRecord } from '../port'

/** Prepares the audit insert once; the writer runs inside whatever transaction its caller holds. */
export const auditWriter = (db: Database.Database): ((records: readonly AuditRecord[]) => void) => {
  const insert = db.prepare(
    'INSERT INTO audit_event (workspace_id, at, type, actor, subject) VALUES (?, ?, ?, ?, ?)',
  )
  return (records) => {
    for (const record of records) {
      insert.run(
        record.workspaceId,
        record.at,
        record.type,
        record.actor === null ? null : JSON.stringify(record.actor),
        record.subject === null ? null : JSON.stringify(record.subject),
      )
    }
  }
}
