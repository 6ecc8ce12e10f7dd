import type { Pool } from 'pg'
import type { Approval, VersionDecision, VersionSummary } from '../../../shared/schema/version'
import { parseRow, parseRows } from '../parseRow'
import type { AuditRecord, VersionRecord, VersionStore } from '../port'
import {
  ApprovalRow,
  DecisionRow,
  groupApprovals,
  groupDecisions,
  VERSION_INSERT_COLUMNS,
  VersionRow,
  VersionSummaryRow,
  versionRowValues,
} from '../workspaceRows'
import { transaction } from './PostgresDocumentStore'
import { writeAudit } from './writeAudit'

/**
 * Versions in Postgres. Saves of one document from any instance are serialised by an advisory lock, so two
 * saves at the same moment get consecutive numbers, never the same one.
 */
export class PostgresVersionStore implements VersionStore {
  constructor(private readonly pool: Pool) {}

  async addVersion(version: Omit<VersionRecord, 'number'>, audit: AuditRecord): Promise<number> {
    return transaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('version:' || $1, 0))", [
        version.documentId,
      ])
      const { rows } = await client.query(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM document_version WHERE document_id = $1',
        [version.documentId],
      )
      const next = Number((rows[0] as { next: number }).next)
      await client.query(
        `INSERT INTO document_version (${VERSION_INSERT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        versionRowValues(
          version,
          next,
          Buffer.from(version.state.buffer, version.state.byteOffset, version.state.byteLength),
        ),
      )
      await writeAudit(client, [
        audit.subject === null
          ? audit
          : { ...audit, subject: { ...audit.subject, label: `${next}: ${audit.subject.label}` } },
      ])
      return next
    })
  }

  async addApproval(
    documentId: string,
    number: number,
    approval: Approval,
    audit: AuditRecord,
  ): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO version_approval (document_id, number, party_id, party_name, member_id, name, at, identity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [
          documentId,
          number,
          approval.partyId,
          approval.partyName,
          approval.memberId,
          approval.name,
          approval.at,
          approval.identity === undefined ? null : JSON.stringify(approval.identity),
        ],
      )
      if ((inserted.rowCount ?? 0) === 0) return false
      await writeAudit(client, [audit])
      return true
    })
  }

  async addRecommendation(
    documentId: string,
    number: number,
    recommendation: Approval,
    audit: AuditRecord,
  ): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO version_recommendation (document_id, number, party_id, party_name, member_id, name, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          documentId,
          number,
          recommendation.partyId,
          recommendation.partyName,
          recommendation.memberId,
          recommendation.name,
          recommendation.at,
        ],
      )
      if ((inserted.rowCount ?? 0) === 0) return false
      await writeAudit(client, [audit])
      return true
    })
  }

  async listRecommendations(documentId: string): Promise<Map<number, Approval[]>> {
    const { rows } = await this.pool.query(
      'SELECT number, party_id, party_name, member_id, name, at FROM version_recommendation WHERE document_id = $1 ORDER BY number, at',
      [documentId],
    )
    return groupApprovals(parseRows(ApprovalRow, rows, `recommendations on ${documentId}`))
  }

  async addDecision(
    documentId: string,
    number: number,
    decision: VersionDecision,
    audit: AuditRecord,
  ): Promise<boolean> {
    return transaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO version_decision (document_id, number, party_id, decision) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [documentId, number, decision.partyId, JSON.stringify(decision)],
      )
      if ((inserted.rowCount ?? 0) === 0) return false
      await writeAudit(client, [audit])
      return true
    })
  }

  async listDecisions(documentId: string): Promise<Map<number, VersionDecision[]>> {
    const { rows } = await this.pool.query(
      'SELECT number, decision FROM version_decision WHERE document_id = $1 ORDER BY number, party_id',
      [documentId],
    )
    return groupDecisions(parseRows(DecisionRow, rows, `decisions on ${documentId}`))
  }

  async listApprovals(documentId: string): Promise<Map<number, Approval[]>> {
    const { rows } = await this.pool.query(
      'SELECT number, party_id, party_name, member_id, name, at, identity FROM version_approval WHERE document_id = $1 ORDER BY number, at',
      [documentId],
    )
    return groupApprovals(parseRows(ApprovalRow, rows, `approvals of ${documentId}`))
  }

  async listVersions(documentId: string): Promise<VersionSummary[]> {
    const { rows } = await this.pool.query(
      `SELECT document_id, number, label, note, created_at, created_by, sha256, template, template_version
       FROM document_version WHERE document_id = $1 ORDER BY number`,
      [documentId],
    )
    return parseRows(VersionSummaryRow, rows, `versions of ${documentId}`)
  }

  async getVersion(documentId: string, number: number): Promise<VersionRecord | null> {
    const { rows } = await this.pool.query(
      'SELECT * FROM document_version WHERE document_id = $1 AND number = $2',
      [documentId, number],
    )
    return rows[0] === undefined ? null : parseRow(VersionRow, rows[0], `version ${number} of ${documentId}`)
  }
}
