import type { Pool, PoolClient } from 'pg'
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
import { transaction } from './PostgresDocumentStore'
import { writeAudit } from './writeAudit'

type Queryable = Pick<PoolClient, 'query'>

const insertParty = (client: Queryable, workspaceId: string, party: Party) =>
  client.query(
    `INSERT INTO party (id, workspace_id, position, name, kind, org_number)
     VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM party WHERE workspace_id = $2), $3, $4, $5)`,
    [party.id, workspaceId, party.name, party.kind, party.orgNumber],
  )

const insertMember = (client: Queryable, member: MemberRecord) =>
  client.query(
    `INSERT INTO member (id, workspace_id, party_id, name, role, session_hash, invite_id, joined_at, decision_maker,
                         account_issuer, account_subject, account_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      member.id,
      member.workspaceId,
      member.partyId,
      member.name,
      member.role,
      member.sessionHash,
      member.inviteId,
      member.joinedAt,
      member.decisionMaker === true,
      member.identity?.issuer ?? null,
      member.identity?.subject ?? null,
      member.identity?.name ?? null,
    ],
  )

const insertInvite = (client: Queryable, invite: InviteRecord) =>
  client.query(
    'INSERT INTO invite (id, workspace_id, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [invite.id, invite.workspaceId, invite.role, invite.tokenHash, invite.createdAt, invite.revokedAt],
  )

const removeDocumentContent = async (client: Queryable, documentId: string): Promise<void> => {
  // The document's content and its companion rooms (a café's control state and table notes).
  const rooms = [documentId, companionRoomsLike(documentId)]
  for (const table of ['doc_state', 'doc_update', 'doc_client']) {
    await client.query(`DELETE FROM ${table} WHERE doc_id = $1 OR doc_id LIKE $2 ESCAPE '\\'`, rooms)
  }
  await client.query('DELETE FROM document_version WHERE document_id = $1', [documentId])
  await client.query('DELETE FROM version_approval WHERE document_id = $1', [documentId])
  await client.query('DELETE FROM record_reference WHERE document_id = $1', [documentId])
  await client.query('DELETE FROM version_decision WHERE document_id = $1', [documentId])
  await client.query('DELETE FROM version_recommendation WHERE document_id = $1', [documentId])
}

/** Workspaces and everything of them in Postgres; every change and its audit entries in one transaction. */
export class PostgresWorkspaceStore implements WorkspaceStore {
  constructor(private readonly pool: Pool) {}

  private rows = async (sql: string, values: unknown[]): Promise<unknown[]> =>
    (await this.pool.query(sql, values)).rows

  async createWorkspace({
    workspace,
    parties,
    creator,
    invites,
    audit: entries,
  }: NewWorkspace): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('INSERT INTO workspace (id, name, challenge, created_at) VALUES ($1, $2, $3, $4)', [
        workspace.id,
        workspace.name,
        workspace.challenge,
        workspace.createdAt,
      ])
      for (const party of parties) await insertParty(client, workspace.id, party)
      for (const invite of invites) await insertInvite(client, invite)
      await insertMember(client, creator)
      await writeAudit(client, entries)
    })
  }

  async getScreenFocus(workspaceId: string): Promise<ScreenFocus | null> {
    const [row] = await this.rows('SELECT screen_focus FROM workspace WHERE id = $1', [workspaceId])
    return row === undefined ? null : parseRow(ScreenFocusRow, row, `screen focus of ${workspaceId}`)
  }

  async setScreenFocus(workspaceId: string, focus: ScreenFocus): Promise<void> {
    await this.pool.query('UPDATE workspace SET screen_focus = $1 WHERE id = $2', [
      JSON.stringify(focus),
      workspaceId,
    ])
  }

  async getVocabulary(workspaceId: string): Promise<VocabularyTerm[] | null> {
    const [row] = await this.rows('SELECT vocabulary FROM workspace WHERE id = $1', [workspaceId])
    return row === undefined ? null : parseRow(VocabularyRow, row, `vocabulary of ${workspaceId}`)
  }

  async setVocabulary(
    workspaceId: string,
    terms: readonly VocabularyTerm[] | null,
    entry: AuditRecord,
  ): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('UPDATE workspace SET vocabulary = $1 WHERE id = $2', [
        terms === null ? null : JSON.stringify(terms),
        workspaceId,
      ])
      await writeAudit(client, [entry])
    })
  }

  async listReferences(workspaceId: string): Promise<RecordReference[]> {
    const rows = await this.rows(
      'SELECT document_id, party_id, reference FROM record_reference WHERE workspace_id = $1 ORDER BY document_id, party_id',
      [workspaceId],
    )
    return parseRows(RecordReferenceRow, rows, `references of ${workspaceId}`)
  }

  async setReference(
    workspaceId: string,
    documentId: string | null,
    partyId: string,
    reference: string | null,
    entry: AuditRecord,
  ): Promise<void> {
    await transaction(this.pool, async (client) => {
      if (reference === null) {
        await client.query(
          'DELETE FROM record_reference WHERE workspace_id = $1 AND document_id = $2 AND party_id = $3',
          [workspaceId, documentId ?? '', partyId],
        )
      } else {
        await client.query(
          `INSERT INTO record_reference (workspace_id, document_id, party_id, reference) VALUES ($1, $2, $3, $4)
           ON CONFLICT (workspace_id, document_id, party_id) DO UPDATE SET reference = EXCLUDED.reference`,
          [workspaceId, documentId ?? '', partyId, reference],
        )
      }
      await writeAudit(client, [entry])
    })
  }

  async setDecisionMaker(memberId: string, decisionMaker: boolean, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('UPDATE member SET decision_maker = $1 WHERE id = $2', [decisionMaker, memberId])
      await writeAudit(client, [entry])
    })
  }

  async setInitiativeParty(workspaceId: string, partyId: string | null, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('UPDATE workspace SET initiative_party = $1 WHERE id = $2', [partyId, workspaceId])
      await writeAudit(client, [entry])
    })
  }

  async getWorkspace(workspaceId: string): Promise<Workspace | null> {
    const [row] = await this.rows(
      'SELECT id, name, challenge, created_at, initiative_party FROM workspace WHERE id = $1',
      [workspaceId],
    )
    return row === undefined ? null : parseRow(WorkspaceRow, row, `workspace ${workspaceId}`)
  }

  async listParties(workspaceId: string): Promise<Party[]> {
    const rows = await this.rows(
      'SELECT id, name, kind, org_number FROM party WHERE workspace_id = $1 ORDER BY position',
      [workspaceId],
    )
    return parseRows(PartyRow, rows, `parties of ${workspaceId}`)
  }

  async addParty(workspaceId: string, party: Party, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await insertParty(client, workspaceId, party)
      await writeAudit(client, [entry])
    })
  }

  async removeParty(workspaceId: string, partyId: string, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM party WHERE id = $1 AND workspace_id = $2', [partyId, workspaceId])
      await writeAudit(client, [entry])
    })
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    const rows = await this.rows('SELECT * FROM member WHERE workspace_id = $1 ORDER BY joined_at, id', [
      workspaceId,
    ])
    return parseRows(MemberRow, rows, `members of ${workspaceId}`)
  }

  async getMember(memberId: string): Promise<MemberRecord | null> {
    const [row] = await this.rows('SELECT * FROM member WHERE id = $1', [memberId])
    return row === undefined ? null : parseRow(MemberRow, row, `member ${memberId}`)
  }

  async findMemberBySession(sessionHash: string): Promise<MemberRecord | null> {
    const [row] = await this.rows('SELECT * FROM member WHERE session_hash = $1', [sessionHash])
    return row === undefined ? null : parseRow(MemberRow, row, 'member')
  }

  async findMemberByAccount(
    workspaceId: string,
    issuer: string,
    subject: string,
  ): Promise<MemberRecord | null> {
    const [row] = await this.rows(
      'SELECT * FROM member WHERE workspace_id = $1 AND account_issuer = $2 AND account_subject = $3',
      [workspaceId, issuer, subject],
    )
    return row === undefined ? null : parseRow(MemberRow, row, 'member')
  }

  async listMembersByAccount(issuer: string, subject: string): Promise<MemberRecord[]> {
    const rows = await this.rows(
      'SELECT * FROM member WHERE account_issuer = $1 AND account_subject = $2 ORDER BY joined_at, id',
      [issuer, subject],
    )
    return parseRows(MemberRow, rows, 'members of an account')
  }

  async addAccountSession(session: AccountSessionRecord): Promise<void> {
    const { issuer, subject, name } = session.identity
    await this.pool.query(
      'INSERT INTO account_session (session_hash, issuer, subject, name, id_token, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [session.sessionHash, issuer, subject, name, session.idToken, session.createdAt],
    )
  }

  async findAccountSession(sessionHash: string): Promise<AccountSessionRecord | null> {
    const [row] = await this.rows('SELECT * FROM account_session WHERE session_hash = $1', [sessionHash])
    return row === undefined ? null : parseRow(AccountSessionRow, row, 'account session')
  }

  async removeAccountSession(sessionHash: string): Promise<void> {
    await this.pool.query('DELETE FROM account_session WHERE session_hash = $1', [sessionHash])
  }

  async removeAccountSessionsBefore(createdBefore: string): Promise<number> {
    const removed = await this.pool.query('DELETE FROM account_session WHERE created_at < $1', [
      createdBefore,
    ])
    return removed.rowCount ?? 0
  }

  async addMember(member: MemberRecord, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await insertMember(client, member)
      await writeAudit(client, [entry])
    })
  }

  async removeMember(memberId: string, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM member WHERE id = $1', [memberId])
      await writeAudit(client, [entry])
    })
  }

  async listInvites(workspaceId: string): Promise<InviteRecord[]> {
    const rows = await this.rows('SELECT * FROM invite WHERE workspace_id = $1 ORDER BY created_at, id', [
      workspaceId,
    ])
    return parseRows(InviteRow, rows, `invites of ${workspaceId}`)
  }

  async findInviteByToken(tokenHash: string): Promise<InviteRecord | null> {
    const [row] = await this.rows('SELECT * FROM invite WHERE token_hash = $1', [tokenHash])
    return row === undefined ? null : parseRow(InviteRow, row, 'invite')
  }

  async addInvite(invite: InviteRecord, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await insertInvite(client, invite)
      await writeAudit(client, [entry])
    })
  }

  async rotateInvite(
    inviteId: string,
    revokedAt: string,
    replacement: InviteRecord,
    entries: readonly AuditRecord[],
  ): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('UPDATE invite SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        revokedAt,
        inviteId,
      ])
      await insertInvite(client, replacement)
      await client.query('UPDATE member SET invite_id = $1 WHERE invite_id = $2', [replacement.id, inviteId])
      await writeAudit(client, entries)
    })
  }

  async revokeInviteAndMembers(
    inviteId: string,
    revokedAt: string,
    entries: readonly AuditRecord[],
  ): Promise<string[]> {
    return transaction(this.pool, async (client) => {
      await client.query('UPDATE invite SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        revokedAt,
        inviteId,
      ])
      const removed = await client.query('DELETE FROM member WHERE invite_id = $1 RETURNING id', [inviteId])
      await writeAudit(client, entries)
      return parseRows(IdRow, removed.rows, 'member id').map((row) => row.id)
    })
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    const rows = await this.rows('SELECT * FROM document WHERE workspace_id = $1 ORDER BY created_at, id', [
      workspaceId,
    ])
    return parseRows(DocumentRow, rows, `documents of ${workspaceId}`)
  }

  async getDocument(documentId: string): Promise<DocumentRecord | null> {
    const [row] = await this.rows('SELECT * FROM document WHERE id = $1', [documentId])
    return row === undefined ? null : parseRow(DocumentRow, row, `document ${documentId}`)
  }

  async addDocument(document: DocumentRecord, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO document (id, workspace_id, template, title, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          document.id,
          document.workspaceId,
          document.template,
          document.title,
          document.createdAt,
          document.createdBy,
        ],
      )
      await writeAudit(client, [entry])
    })
  }

  async setDocumentFrozen(
    documentId: string,
    frozen: DocumentFreeze | null,
    entry: AuditRecord,
  ): Promise<boolean> {
    const text = frozen === null ? null : JSON.stringify(frozen)
    return transaction(this.pool, async (client) => {
      const result = await client.query(
        'UPDATE document SET frozen = $1 WHERE id = $2 AND (frozen IS NULL) = ($1::text IS NOT NULL)',
        [text, documentId],
      )
      if (result.rowCount === 0) return false
      await writeAudit(client, [entry])
      return true
    })
  }

  async removeDocument(documentId: string, entry: AuditRecord): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('DELETE FROM document WHERE id = $1', [documentId])
      await removeDocumentContent(client, documentId)
      await writeAudit(client, [entry])
    })
  }

  async listAudit(
    workspaceId: string,
    { limit, before }: { limit: number; before?: number },
  ): Promise<AuditEvent[]> {
    const rows = await this.rows(
      'SELECT seq, at, type, actor, subject FROM audit_event WHERE workspace_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
      [workspaceId, before ?? Number.MAX_SAFE_INTEGER, limit],
    )
    return parseRows(AuditRow, rows, `audit log of ${workspaceId}`)
  }

  async deleteWorkspace(workspaceId: string): Promise<void> {
    await transaction(this.pool, async (client) => {
      const documents = await client.query('SELECT id FROM document WHERE workspace_id = $1', [workspaceId])
      for (const { id } of parseRows(IdRow, documents.rows, 'document id'))
        await removeDocumentContent(client, id)
      for (const table of ['document', 'audit_event', 'record_reference', 'member', 'invite', 'party']) {
        await client.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [workspaceId])
      }
      await client.query('DELETE FROM workspace WHERE id = $1', [workspaceId])
    })
  }
}
