import type Database from 'better-sqlite3'
import type { VocabularyTerm } from '../../../shared/agreement/vocabulary'
import type { ScreenFocus } from '../../../shared/api/workspace-api'
import { companionRoomsLike } from '../../../shared/cafe/control-room'
import type { AuditEvent } from '../../../shared/schema/audit-event'
import type { DocumentFreeze, DocumentRecord } from '../../../shared/schema/document-record'
import type { Party } from '../../../shared/schema/party'
import type { RecordReference } from '../../../shared/schema/record-reference'
import type { Workspace } from '../../../shared/schema/workspace'
import { parseRow, parseRows } from '../parseRow'
import type {
  AccountSessionRecord,
  AuditRecord,
  InviteRecord,
  MemberRecord,
  NewWorkspace,
  WorkspaceStore,
} from '../port'
import {
  AccountSessionRow,
  AuditRow,
  DocumentRow,
  IdRow,
  InviteRow,
  MemberRow,
  PartyRow,
  RecordReferenceRow,
  ScreenFocusRow,
  VocabularyRow,
  WorkspaceRow,
} from '../workspaceRows'
import { auditWriter } from './auditWriter'

/**
 * Workspaces and everything that belongs to them, in the same SQLite database as the documents' content
 * (so deleting a workspace can remove its documents' logs and states in the same transaction).
 */
export class SqliteWorkspaceStore implements WorkspaceStore {
  private readonly db: Database.Database
  private readonly sql
  private readonly audit: (records: readonly AuditRecord[]) => void

  constructor({ database }: { readonly database: Database.Database }) {
    this.db = database
    const db = database
    this.audit = auditWriter(db)
    this.sql = {
      insertWorkspace: db.prepare(
        'INSERT INTO workspace (id, name, challenge, created_at) VALUES (?, ?, ?, ?)',
      ),
      workspace: db.prepare(
        'SELECT id, name, challenge, created_at, initiative_party FROM workspace WHERE id = ?',
      ),
      setInitiative: db.prepare('UPDATE workspace SET initiative_party = ? WHERE id = ?'),
      vocabulary: db.prepare('SELECT vocabulary FROM workspace WHERE id = ?'),
      screenFocus: db.prepare('SELECT screen_focus FROM workspace WHERE id = ?'),
      setScreenFocus: db.prepare('UPDATE workspace SET screen_focus = ? WHERE id = ?'),
      setVocabulary: db.prepare('UPDATE workspace SET vocabulary = ? WHERE id = ?'),
      insertParty: db.prepare(
        `INSERT INTO party (id, workspace_id, position, name, kind, org_number)
         VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM party WHERE workspace_id = ?), ?, ?, ?)`,
      ),
      parties: db.prepare(
        'SELECT id, name, kind, org_number FROM party WHERE workspace_id = ? ORDER BY position',
      ),
      deleteParty: db.prepare('DELETE FROM party WHERE id = ? AND workspace_id = ?'),
      insertMember: db.prepare(
        `INSERT INTO member (id, workspace_id, party_id, name, role, session_hash, invite_id, joined_at, decision_maker,
                             account_issuer, account_subject, account_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      memberByAccount: db.prepare(
        'SELECT * FROM member WHERE workspace_id = ? AND account_issuer = ? AND account_subject = ?',
      ),
      membersByAccount: db.prepare(
        'SELECT * FROM member WHERE account_issuer = ? AND account_subject = ? ORDER BY joined_at, id',
      ),
      insertAccountSession: db.prepare(
        'INSERT INTO account_session (session_hash, issuer, subject, name, id_token, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      accountSession: db.prepare('SELECT * FROM account_session WHERE session_hash = ?'),
      deleteAccountSession: db.prepare('DELETE FROM account_session WHERE session_hash = ?'),
      deleteAccountSessionsBefore: db.prepare('DELETE FROM account_session WHERE created_at < ?'),
      members: db.prepare('SELECT * FROM member WHERE workspace_id = ? ORDER BY joined_at, id'),
      member: db.prepare('SELECT * FROM member WHERE id = ?'),
      memberBySession: db.prepare('SELECT * FROM member WHERE session_hash = ?'),
      membersByInvite: db.prepare('SELECT id FROM member WHERE invite_id = ?'),
      deleteMember: db.prepare('DELETE FROM member WHERE id = ?'),
      setDecisionMaker: db.prepare('UPDATE member SET decision_maker = ? WHERE id = ?'),
      insertInvite: db.prepare(
        'INSERT INTO invite (id, workspace_id, role, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      invites: db.prepare('SELECT * FROM invite WHERE workspace_id = ? ORDER BY created_at, id'),
      inviteByToken: db.prepare('SELECT * FROM invite WHERE token_hash = ?'),
      revokeInvite: db.prepare('UPDATE invite SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      moveMembersToInvite: db.prepare('UPDATE member SET invite_id = ? WHERE invite_id = ?'),
      insertDocument: db.prepare(
        'INSERT INTO document (id, workspace_id, template, title, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      documents: db.prepare('SELECT * FROM document WHERE workspace_id = ? ORDER BY created_at, id'),
      document: db.prepare('SELECT * FROM document WHERE id = ?'),
      documentIds: db.prepare('SELECT id FROM document WHERE workspace_id = ?'),
      deleteDocument: db.prepare('DELETE FROM document WHERE id = ?'),
      setFrozen: db.prepare(
        'UPDATE document SET frozen = ? WHERE id = ? AND (frozen IS NULL) = (? IS NOT NULL)',
      ),
      deleteDocState: db.prepare("DELETE FROM doc_state WHERE doc_id = ? OR doc_id LIKE ? ESCAPE '\\'"),
      deleteDocLog: db.prepare("DELETE FROM doc_update WHERE doc_id = ? OR doc_id LIKE ? ESCAPE '\\'"),
      deleteDocClients: db.prepare("DELETE FROM doc_client WHERE doc_id = ? OR doc_id LIKE ? ESCAPE '\\'"),
      deleteVersions: db.prepare('DELETE FROM document_version WHERE document_id = ?'),
      deleteApprovals: db.prepare('DELETE FROM version_approval WHERE document_id = ?'),
      deleteDocumentReferences: db.prepare('DELETE FROM record_reference WHERE document_id = ?'),
      deleteDecisions: db.prepare('DELETE FROM version_decision WHERE document_id = ?'),
      deleteRecommendations: db.prepare('DELETE FROM version_recommendation WHERE document_id = ?'),
      deleteReferences: db.prepare('DELETE FROM record_reference WHERE workspace_id = ?'),
      references: db.prepare(
        'SELECT document_id, party_id, reference FROM record_reference WHERE workspace_id = ? ORDER BY document_id, party_id',
      ),
      setReference: db.prepare(
        `INSERT INTO record_reference (workspace_id, document_id, party_id, reference) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_id, document_id, party_id) DO UPDATE SET reference = excluded.reference`,
      ),
      deleteReference: db.prepare(
        'DELETE FROM record_reference WHERE workspace_id = ? AND document_id = ? AND party_id = ?',
      ),
      audit: db.prepare(
        `SELECT seq, at, type, actor, subject FROM audit_event
         WHERE workspace_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
      ),
      deleteAudit: db.prepare('DELETE FROM audit_event WHERE workspace_id = ?'),
      deleteMembers: db.prepare('DELETE FROM member WHERE workspace_id = ?'),
      deleteInvites: db.prepare('DELETE FROM invite WHERE workspace_id = ?'),
      deleteParties: db.prepare('DELETE FROM party WHERE workspace_id = ?'),
      deleteDocuments: db.prepare('DELETE FROM document WHERE workspace_id = ?'),
      deleteWorkspace: db.prepare('DELETE FROM workspace WHERE id = ?'),
    }
  }

  private insertParty(workspaceId: string, party: Party): void {
    this.sql.insertParty.run(party.id, workspaceId, workspaceId, party.name, party.kind, party.orgNumber)
  }

  private insertMember(member: MemberRecord): void {
    this.sql.insertMember.run(
      member.id,
      member.workspaceId,
      member.partyId,
      member.name,
      member.role,
      member.sessionHash,
      member.inviteId,
      member.joinedAt,
      member.decisionMaker === true ? 1 : 0,
      member.identity?.issuer ?? null,
      member.identity?.subject ?? null,
      member.identity?.name ?? null,
    )
  }

  private insertInvite(invite: InviteRecord): void {
    this.sql.insertInvite.run(
      invite.id,
      invite.workspaceId,
      invite.role,
      invite.tokenHash,
      invite.createdAt,
      invite.revokedAt,
    )
  }

  private removeDocumentContent(documentId: string): void {
    // The document's content and its companion rooms (a café's control state and table notes).
    const companions = companionRoomsLike(documentId)
    this.sql.deleteDocState.run(documentId, companions)
    this.sql.deleteDocLog.run(documentId, companions)
    this.sql.deleteDocClients.run(documentId, companions)
    this.sql.deleteVersions.run(documentId)
    this.sql.deleteApprovals.run(documentId)
    this.sql.deleteDocumentReferences.run(documentId)
    this.sql.deleteDecisions.run(documentId)
    this.sql.deleteRecommendations.run(documentId)
  }

  async createWorkspace({ workspace, parties, creator, invites, audit }: NewWorkspace): Promise<void> {
    this.db.transaction(() => {
      this.sql.insertWorkspace.run(workspace.id, workspace.name, workspace.challenge, workspace.createdAt)
      for (const party of parties) this.insertParty(workspace.id, party)
      for (const invite of invites) this.insertInvite(invite)
      this.insertMember(creator)
      this.audit(audit)
    })()
  }

  async getWorkspace(workspaceId: string): Promise<Workspace | null> {
    const row = this.sql.workspace.get(workspaceId)
    return row === undefined ? null : parseRow(WorkspaceRow, row, `workspace ${workspaceId}`)
  }

  async getScreenFocus(workspaceId: string): Promise<ScreenFocus | null> {
    const row = this.sql.screenFocus.get(workspaceId)
    return row === undefined ? null : parseRow(ScreenFocusRow, row, `screen focus of ${workspaceId}`)
  }

  async setScreenFocus(workspaceId: string, focus: ScreenFocus): Promise<void> {
    this.sql.setScreenFocus.run(JSON.stringify(focus), workspaceId)
  }

  async getVocabulary(workspaceId: string): Promise<VocabularyTerm[] | null> {
    const row = this.sql.vocabulary.get(workspaceId)
    return row === undefined ? null : parseRow(VocabularyRow, row, `vocabulary of ${workspaceId}`)
  }

  async setVocabulary(
    workspaceId: string,
    terms: readonly VocabularyTerm[] | null,
    audit: AuditRecord,
  ): Promise<void> {
    this.db.transaction(() => {
      this.sql.setVocabulary.run(terms === null ? null : JSON.stringify(terms), workspaceId)
      this.audit([audit])
    })()
  }

  async listReferences(workspaceId: string): Promise<RecordReference[]> {
    return parseRows(RecordReferenceRow, this.sql.references.all(workspaceId), `references of ${workspaceId}`)
  }

  async setReference(
    workspaceId: string,
    documentId: string | null,
    partyId: string,
    reference: string | null,
    audit: AuditRecord,
  ): Promise<void> {
    this.db.transaction(() => {
      if (reference === null) this.sql.deleteReference.run(workspaceId, documentId ?? '', partyId)
      else this.sql.setReference.run(workspaceId, documentId ?? '', partyId, reference)
      this.audit([audit])
    })()
  }

  async setDecisionMaker(memberId: string, decisionMaker: boolean, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.setDecisionMaker.run(decisionMaker ? 1 : 0, memberId)
      this.audit([audit])
    })()
  }

  async setInitiativeParty(workspaceId: string, partyId: string | null, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.setInitiative.run(partyId, workspaceId)
      this.audit([audit])
    })()
  }

  async listParties(workspaceId: string): Promise<Party[]> {
    return parseRows(PartyRow, this.sql.parties.all(workspaceId), `parties of ${workspaceId}`)
  }

  async addParty(workspaceId: string, party: Party, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.insertParty(workspaceId, party)
      this.audit([audit])
    })()
  }

  async removeParty(workspaceId: string, partyId: string, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.deleteParty.run(partyId, workspaceId)
      this.audit([audit])
    })()
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return parseRows(MemberRow, this.sql.members.all(workspaceId), `members of ${workspaceId}`)
  }

  async getMember(memberId: string): Promise<MemberRecord | null> {
    const row = this.sql.member.get(memberId)
    return row === undefined ? null : parseRow(MemberRow, row, `member ${memberId}`)
  }

  async findMemberBySession(sessionHash: string): Promise<MemberRecord | null> {
    const row = this.sql.memberBySession.get(sessionHash)
    return row === undefined ? null : parseRow(MemberRow, row, 'member')
  }

  async findMemberByAccount(
    workspaceId: string,
    issuer: string,
    subject: string,
  ): Promise<MemberRecord | null> {
    const row = this.sql.memberByAccount.get(workspaceId, issuer, subject)
    return row === undefined ? null : parseRow(MemberRow, row, 'member')
  }

  async listMembersByAccount(issuer: string, subject: string): Promise<MemberRecord[]> {
    return parseRows(MemberRow, this.sql.membersByAccount.all(issuer, subject), 'members of an account')
  }

  async addAccountSession(session: AccountSessionRecord): Promise<void> {
    const { issuer, subject, name } = session.identity
    this.sql.insertAccountSession.run(
      session.sessionHash,
      issuer,
      subject,
      name,
      session.idToken,
      session.createdAt,
    )
  }

  async findAccountSession(sessionHash: string): Promise<AccountSessionRecord | null> {
    const row = this.sql.accountSession.get(sessionHash)
    return row === undefined ? null : parseRow(AccountSessionRow, row, 'account session')
  }

  async removeAccountSession(sessionHash: string): Promise<void> {
    this.sql.deleteAccountSession.run(sessionHash)
  }

  async removeAccountSessionsBefore(createdBefore: string): Promise<number> {
    return this.sql.deleteAccountSessionsBefore.run(createdBefore).changes
  }

  async addMember(member: MemberRecord, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.insertMember(member)
      this.audit([audit])
    })()
  }

  async removeMember(memberId: string, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.deleteMember.run(memberId)
      this.audit([audit])
    })()
  }

  async listInvites(workspaceId: string): Promise<InviteRecord[]> {
    return parseRows(InviteRow, this.sql.invites.all(workspaceId), `invites of ${workspaceId}`)
  }

  async findInviteByToken(tokenHash: string): Promise<InviteRecord | null> {
    const row = this.sql.inviteByToken.get(tokenHash)
    return row === undefined ? null : parseRow(InviteRow, row, 'invite')
  }

  async addInvite(invite: InviteRecord, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.insertInvite(invite)
      this.audit([audit])
    })()
  }

  async rotateInvite(
    inviteId: string,
    revokedAt: string,
    replacement: InviteRecord,
    audit: readonly AuditRecord[],
  ): Promise<void> {
    this.db.transaction(() => {
      this.sql.revokeInvite.run(revokedAt, inviteId)
      this.insertInvite(replacement)
      this.sql.moveMembersToInvite.run(replacement.id, inviteId)
      this.audit(audit)
    })()
  }

  async revokeInviteAndMembers(
    inviteId: string,
    revokedAt: string,
    audit: readonly AuditRecord[],
  ): Promise<string[]> {
    return this.db.transaction(() => {
      this.sql.revokeInvite.run(revokedAt, inviteId)
      const ids = parseRows(IdRow, this.sql.membersByInvite.all(inviteId), 'member id').map((row) => row.id)
      for (const id of ids) this.sql.deleteMember.run(id)
      this.audit(audit)
      return ids
    })()
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    return parseRows(DocumentRow, this.sql.documents.all(workspaceId), `documents of ${workspaceId}`)
  }

  async getDocument(documentId: string): Promise<DocumentRecord | null> {
    const row = this.sql.document.get(documentId)
    return row === undefined ? null : parseRow(DocumentRow, row, `document ${documentId}`)
  }

  async addDocument(document: DocumentRecord, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.insertDocument.run(
        document.id,
        document.workspaceId,
        document.template,
        document.title,
        document.createdAt,
        document.createdBy,
      )
      this.audit([audit])
    })()
  }

  async setDocumentFrozen(
    documentId: string,
    frozen: DocumentFreeze | null,
    audit: AuditRecord,
  ): Promise<boolean> {
    const text = frozen === null ? null : JSON.stringify(frozen)
    return this.db.transaction(() => {
      if (this.sql.setFrozen.run(text, documentId, text).changes === 0) return false
      this.audit([audit])
      return true
    })()
  }

  async removeDocument(documentId: string, audit: AuditRecord): Promise<void> {
    this.db.transaction(() => {
      this.sql.deleteDocument.run(documentId)
      this.removeDocumentContent(documentId)
      this.audit([audit])
    })()
  }

  async listAudit(
    workspaceId: string,
    { limit, before }: { limit: number; before?: number },
  ): Promise<AuditEvent[]> {
    const rows = this.sql.audit.all(workspaceId, before ?? Number.MAX_SAFE_INTEGER, limit)
    return parseRows(AuditRow, rows, `audit log of ${workspaceId}`)
  }

  async deleteWorkspace(workspaceId: string): Promise<void> {
    this.db.transaction(() => {
      const ids = parseRows(IdRow, this.sql.documentIds.all(workspaceId), 'document id')
      for (const { id } of ids) this.removeDocumentContent(id)
      this.sql.deleteDocuments.run(workspaceId)
      this.sql.deleteAudit.run(workspaceId)
      this.sql.deleteReferences.run(workspaceId)
      this.sql.deleteMembers.run(workspaceId)
      this.sql.deleteInvites.run(workspaceId)
      this.sql.deleteParties.run(workspaceId)
      this.sql.deleteWorkspace.run(workspaceId)
    })()
    // Move the deleted (zeroed) pages out of the write-ahead log into the file and empty the log, so no copy
    // of the removed data stays behind in `-wal`.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }
}
