import { z } from 'zod'
import type { ZodMiniType } from 'zod/mini'
import { Vocabulary, type VocabularyTerm } from '../../shared/agreement/vocabulary'
import { ScreenFocus } from '../../shared/api/workspace-api'
import { AuditActor, AuditEvent, AuditSubject } from '../../shared/schema/audit-event'
import { DocumentFreeze, DocumentRecord } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import { Invite } from '../../shared/schema/invite'
import { Member } from '../../shared/schema/member'
import { Party } from '../../shared/schema/party'
import type { RecordReference } from '../../shared/schema/record-reference'
import { VerifiedIdentity } from '../../shared/schema/verified-identity'
import { Approval, VersionAuthor, VersionDecision, VersionSummary } from '../../shared/schema/version'
import { Workspace } from '../../shared/schema/workspace'
import type { AccountSessionRecord, InviteRecord, MemberRecord, VersionRecord } from './port'

/*
 * The rows of the workspace tables as both SQL adapters (SQLite, Postgres) store them — same columns,
 * snake_case — parsed into the domain's records. A row that does not parse is a StorageIntegrityError.
 */

export const WorkspaceRow = z
  .object({
    id: z.string(),
    name: z.string(),
    challenge: z.string(),
    created_at: z.string(),
    initiative_party: z.string().nullable(),
  })
  .transform((row) =>
    Workspace.parse({
      id: row.id,
      name: row.name,
      challenge: row.challenge,
      createdAt: row.created_at,
      initiativeParty: row.initiative_party,
    }),
  )

export const PartyRow = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), org_number: z.string().nullable() })
  .transform((row) => Party.parse({ id: row.id, name: row.name, kind: row.kind, orgNumber: row.org_number }))

export const MemberRow = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    party_id: z.string(),
    name: z.string(),
    role: z.string(),
    session_hash: z.string(),
    invite_id: z.string().nullable(),
    joined_at: z.string(),
    // SQLite stores 0/1, Postgres a boolean.
    decision_maker: z
      .union([z.boolean(), z.literal(0), z.literal(1)])
      .transform((value) => value === true || value === 1),
    account_issuer: z.string().nullable(),
    account_subject: z.string().nullable(),
    account_name: z.string().nullable(),
  })
  .transform(
    (row): MemberRecord => ({
      ...Member.parse({
        id: row.id,
        name: row.name,
        partyId: row.party_id,
        role: row.role,
        joinedAt: row.joined_at,
        ...(row.decision_maker ? { decisionMaker: true } : {}),
        ...(row.account_issuer !== null && row.account_subject !== null
          ? {
              identity: {
                issuer: row.account_issuer,
                subject: row.account_subject,
                name: row.account_name ?? '',
              },
            }
          : {}),
      }),
      workspaceId: row.workspace_id,
      sessionHash: row.session_hash,
      inviteId: row.invite_id,
    }),
  )

export const InviteRow = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    role: z.string(),
    token_hash: z.string(),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .transform(
    (row): InviteRecord => ({
      ...Invite.parse({ id: row.id, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at }),
      workspaceId: row.workspace_id,
      tokenHash: row.token_hash,
    }),
  )

const jsonOf = <T extends ZodMiniType>(schema: T) =>
  z
    .string()
    .nullable()
    .transform((text, ctx) => {
      if (text === null) return null
      try {
        return schema.parse(JSON.parse(text)) as z.output<T>
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not a valid stored value: ${String(error)}` })
        return z.NEVER
      }
    })

/** A workspace's screen focus column: null (nothing shown yet) or the JSON of what its screens show. */
export const ScreenFocusRow = z
  .object({ screen_focus: jsonOf(ScreenFocus) })
  .transform((row): ScreenFocus | null => row.screen_focus)

/** One party's reference row: document_id '' stands for the workspace itself. */
export const RecordReferenceRow = z
  .object({ document_id: z.string(), party_id: EntityId, reference: z.string().min(1).max(60) })
  .transform(
    (row): RecordReference => ({
      documentId: row.document_id === '' ? null : row.document_id,
      partyId: row.party_id,
      reference: row.reference,
    }),
  )

/** A workspace's vocabulary column: null (the default guide) or the JSON of its own terms. */
export const VocabularyRow = z
  .object({ vocabulary: jsonOf(Vocabulary) })
  .transform((row): VocabularyTerm[] | null => row.vocabulary)

export const DocumentRow = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    template: z.string(),
    title: z.string(),
    created_at: z.string(),
    created_by: z.string().nullable(),
    frozen: jsonOf(DocumentFreeze),
  })
  .transform((row) =>
    DocumentRecord.parse({
      id: row.id,
      workspaceId: row.workspace_id,
      template: row.template,
      title: row.title,
      createdAt: row.created_at,
      createdBy: row.created_by,
      frozen: row.frozen,
    }),
  )

export const AuditRow = z
  .object({
    seq: z.number(),
    at: z.string(),
    type: z.string(),
    actor: jsonOf(AuditActor),
    subject: jsonOf(AuditSubject),
  })
  .transform((row) => AuditEvent.parse(row))

export const IdRow = z.object({ id: z.string() })

const VersionColumns = z.object({
  document_id: z.string(),
  number: z.number(),
  label: z.string(),
  note: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  sha256: z.string(),
  template: z.string(),
  template_version: z.number(),
})

const summaryOf = (row: z.infer<typeof VersionColumns>) =>
  VersionSummary.parse({
    documentId: row.document_id,
    number: row.number,
    label: row.label,
    note: row.note,
    createdAt: row.created_at,
    createdBy: VersionAuthor.parse(JSON.parse(row.created_by)),
    sha256: row.sha256,
    template: row.template,
    templateVersion: row.template_version,
  })

export const VersionSummaryRow = VersionColumns.transform(summaryOf)

export const VersionRow = VersionColumns.extend({
  state: z.instanceof(Uint8Array),
  value: z.string(),
}).transform((row): VersionRecord => ({ ...summaryOf(row), state: row.state, value: row.value }))

/** The `document_version` columns a new version is written to, in the order `versionRowValues` gives them. */
export const VERSION_INSERT_COLUMNS =
  'document_id, number, label, note, created_at, created_by, sha256, template, template_version, state, value'

/** A new version as column values for both SQL adapters (`state` as each driver takes bytes). */
export const versionRowValues = (
  version: Omit<VersionRecord, 'number'>,
  number: number,
  state: unknown,
): unknown[] => [
  version.documentId,
  number,
  version.label,
  version.note,
  version.createdAt,
  JSON.stringify(version.createdBy),
  version.sha256,
  version.template,
  version.templateVersion,
  state,
  version.value,
]

/** A decision row: the version's number and the decision as JSON. */
export const DecisionRow = z
  .object({ number: z.number(), decision: jsonOf(VersionDecision) })
  .transform((row, ctx) => {
    if (row.decision === null) {
      ctx.addIssue({ code: 'custom', message: 'a decision row without its decision' })
      return z.NEVER
    }
    return { number: row.number, decision: row.decision }
  })

export const ApprovalRow = z
  .object({
    number: z.number(),
    party_id: z.string(),
    party_name: z.string(),
    member_id: z.string(),
    name: z.string(),
    at: z.string(),
    // Approvals only (recommendations have no such column).
    identity: jsonOf(VerifiedIdentity).optional(),
  })
  .transform((row) => ({
    number: row.number,
    approval: Approval.parse({
      partyId: row.party_id,
      partyName: row.party_name,
      memberId: row.member_id,
      name: row.name,
      at: row.at,
      ...(row.identity == null ? {} : { identity: row.identity }),
    }),
  }))

/** A signed-in browser's session as stored: the token's hash and the identity it stands for. */
export const AccountSessionRow = z
  .object({
    session_hash: z.string(),
    issuer: z.string(),
    subject: z.string(),
    name: z.string(),
    id_token: z.string(),
    created_at: z.string(),
  })
  .transform(
    (row): AccountSessionRecord => ({
      sessionHash: row.session_hash,
      identity: VerifiedIdentity.parse({ issuer: row.issuer, subject: row.subject, name: row.name }),
      idToken: row.id_token,
      createdAt: row.created_at,
    }),
  )

/** Approvals grouped by version number. */
export const groupApprovals = (rows: readonly { number: number; approval: z.infer<typeof Approval> }[]) => {
  const grouped = new Map<number, z.infer<typeof Approval>[]>()
  for (const { number, approval } of rows) grouped.set(number, [...(grouped.get(number) ?? []), approval])
  return grouped
}

/** Decision rows grouped by version number, in party order. */
export const groupDecisions = (
  rows: readonly { number: number; decision: VersionDecision }[],
): Map<number, VersionDecision[]> => {
  const byNumber = new Map<number, VersionDecision[]>()
  for (const { number, decision } of rows) byNumber.set(number, [...(byNumber.get(number) ?? []), decision])
  return byNumber
}
