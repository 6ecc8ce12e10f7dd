import type Database from 'better-sqlite3'
import { z } from 'zod'
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
import { auditWriter } from './auditWriter'

const NextRow = z.object({ next: z.number().int().positive() })

/** Versions in SQLite. A save runs in one synchronous transaction, so numbers never repeat or skip. */
export class SqliteVersionStore implements VersionStore {
  private readonly sql
  private readonly insert: (version: Omit<VersionRecord, 'number'>, audit: AuditRecord) => number
  private readonly approveTx: (
    documentId: string,
    number: number,
    approval: Approval,
    audit: AuditRecord,
  ) => boolean

  private readonly recommendTx: (
    documentId: string,
    number: number,
    recommendation: Approval,
    audit: AuditRecord,
  ) => boolean
  private readonly decideTx: (
    documentId: string,
    number: number,
    decision: VersionDecision,
    audit: AuditRecord,
  ) => boolean

  constructor({ database }: { readonly database: Database.Database }) {
    const db = database
    const writeAudit = auditWriter(db)
    this.sql = {
      next: db.prepare(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM document_version WHERE document_id = ?',
      ),
      insert: db.prepare(
        `INSERT INTO document_version (${VERSION_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare(
        `SELECT document_id, number, label, note, created_at, created_by, sha256, template, template_version
         FROM document_version WHERE document_id = ? ORDER BY number`,
      ),
      get: db.prepare('SELECT * FROM document_version WHERE document_id = ? AND number = ?'),
      approve: db.prepare(
        `INSERT INTO version_approval (document_id, number, party_id, party_name, member_id, name, at, identity)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      recommend: db.prepare(
        `INSERT INTO version_recommendation (document_id, number, party_id, party_name, member_id, name, at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      recommendations: db.prepare(
        'SELECT number, party_id, party_name, member_id, name, at FROM version_recommendation WHERE document_id = ? ORDER BY number, at',
      ),
      decide: db.prepare(
        'INSERT INTO version_decision (document_id, number, party_id, decision) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      decisions: db.prepare(
        'SELECT number, decision FROM version_decision WHERE document_id = ? ORDER BY number, party_id',
      ),
      approvals: db.prepare(
        'SELECT number, party_id, party_name, member_id, name, at, identity FROM version_approval WHERE document_id = ? ORDER BY number, at',
      ),
    }
    this.approveTx = db.transaction(
      (documentId: string, number: number, approval: Approval, audit: AuditRecord) => {
        const { changes } = this.sql.approve.run(
          documentId,
          number,
          approval.partyId,
          approval.partyName,
          approval.memberId,
          approval.name,
          approval.at,
          approval.identity === undefined ? null : JSON.stringify(approval.identity),
        )
        if (changes > 0) writeAudit([audit])
        return changes > 0
      },
    )
    this.recommendTx = db.transaction(
      (documentId: string, number: number, recommendation: Approval, audit: AuditRecord) => {
        const { changes } = this.sql.recommend.run(
          documentId,
          number,
          recommendation.partyId,
          recommendation.partyName,
          recommendation.memberId,
          recommendation.name,
          recommendation.at,
        )
        if (changes > 0) writeAudit([audit])
        return changes > 0
      },
    )
    this.decideTx = db.transaction(
      (documentId: string, number: number, decision: VersionDecision, audit: AuditRecord) => {
        const { changes } = this.sql.decide.run(
          documentId,
          number,
          decision.partyId,
          JSON.stringify(decision),
        )
        if (changes > 0) writeAudit([audit])
        return changes > 0
      },
    )
    this.insert = db.transaction((version: Omit<VersionRecord, 'number'>, audit: AuditRecord) => {
      const { next } = parseRow(NextRow, this.sql.next.get(version.documentId), 'next version number')
      this.sql.insert.run(...versionRowValues(version, next, version.state))
      writeAudit([
        audit.subject === null
          ? audit
          : { ...audit, subject: { ...audit.subject, label: `${next}: ${audit.subject.label}` } },
      ])
      return next
    })
  }

  async addVersion(version: Omit<VersionRecord, 'number'>, audit: AuditRecord): Promise<number> {
    return this.insert(version, audit)
  }

  async addApproval(
    documentId: string,
    number: number,
    approval: Approval,
    audit: AuditRecord,
  ): Promise<boolean> {
    return this.approveTx(documentId, number, approval, audit)
  }

  async addRecommendation(
    documentId: string,
    number: number,
    recommendation: Approval,
    audit: AuditRecord,
  ): Promise<boolean> {
    return this.recommendTx(documentId, number, recommendation, audit)
  }

  async listRecommendations(documentId: string): Promise<Map<number, Approval[]>> {
    return groupApprovals(
      parseRows(ApprovalRow, this.sql.recommendations.all(documentId), `recommendations on ${documentId}`),
    )
  }

  async addDecision(
    documentId: string,
    number: number,
    decision: VersionDecision,
    audit: AuditRecord,
  ): Promise<boolean> {
    return this.decideTx(documentId, number, decision, audit)
  }

  async listDecisions(documentId: string): Promise<Map<number, VersionDecision[]>> {
    return groupDecisions(
      parseRows(DecisionRow, this.sql.decisions.all(documentId), `decisions on ${documentId}`),
    )
  }

  async listApprovals(documentId: string): Promise<Map<number, Approval[]>> {
    return groupApprovals(
      parseRows(ApprovalRow, this.sql.approvals.all(documentId), `approvals of ${documentId}`),
    )
  }

  async listVersions(documentId: string): Promise<VersionSummary[]> {
    return parseRows(VersionSummaryRow, this.sql.list.all(documentId), `versions of ${documentId}`)
  }

  async getVersion(documentId: string, number: number): Promise<VersionRecord | null> {
    const row = this.sql.get.get(documentId, number)
    return row === undefined ? null : parseRow(VersionRow, row, `version ${number} of ${documentId}`)
  }
}
