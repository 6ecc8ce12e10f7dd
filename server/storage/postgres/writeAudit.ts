import type { PoolClient } from 'pg'
import type { AuditRecord } from '../port'

/** Appends audit entries inside the caller's transaction, so a change and its record commit together. */
export const writeAudit = async (
  client: Pick<PoolClient, 'query'>,
  records: readonly AuditRecord[],
): Promise<void> => {
  for (const record of records) {
    await client.query(
      'INSERT INTO audit_event (workspace_id, at, type, actor, subject) VALUES ($1, $2, $3, $4, $5)',
      [
        record.workspaceId,
        record.at,
        record.type,
        record.actor === null ? null : JSON.stringify(record.actor),
        record.subject === null ? null : JSON.stringify(record.subject),
      ],
    )
  }
}
