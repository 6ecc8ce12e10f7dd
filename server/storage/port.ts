import type { VocabularyTerm } from '../../shared/agreement/vocabulary'
import type { ScreenFocus } from '../../shared/api/workspace-api'
import type { AuditEvent } from '../../shared/schema/audit-event'
import type { DocumentFreeze, DocumentRecord } from '../../shared/schema/document-record'
import type { Invite } from '../../shared/schema/invite'
import type { Member } from '../../shared/schema/member'
import type { Party } from '../../shared/schema/party'
import type { RecordReference } from '../../shared/schema/record-reference'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import type { Approval, VersionDecision, VersionSummary } from '../../shared/schema/version'
import type { Workspace } from '../../shared/schema/workspace'

/**
 * The storage contract the sync core sees. Adapters (memory, SQLite, later Postgres) implement it and are
 * wired only in `server/main.ts`; every adapter runs the same contract suite (tests/contract).
 *
 * A document is stored as a compacted Yjs state plus an append-only log of updates after it. Each log entry
 * gets a sequence number that increases within a document; compaction replaces the state and drops the log
 * entries the new state already contains.
 */

/** What `load` returns: apply `state` (if any), then every update in order. */
export interface StoredDocument {
  readonly state: Uint8Array | null
  readonly updates: readonly Uint8Array[]
  /** The seq of the newest entry the state or the log holds; 0 for a document never written. */
  readonly lastSeq: number
}

/** What `loadSince` returns: the state only when compaction has dropped entries the caller had not seen. */
export interface StoredSince {
  readonly state: Uint8Array | null
  readonly updates: readonly Uint8Array[]
  readonly lastSeq: number
}

export interface UpdateRecord {
  readonly docId: string
  readonly update: Uint8Array
}

/** Who wrote with a Yjs client id: the member, and the party they represented then. */
export interface ClientOwner {
  readonly memberId: string
  readonly partyId: string
}

export interface DocumentStore {
  /** Everything stored for a document. An unknown document loads as empty (`state: null`, no updates). */
  load(docId: string): Promise<StoredDocument>
  /**
   * Appends updates (of any documents) in one transaction, in order, and resolves with the seq given to each
   * once they are durable. If it rejects, none of them was written.
   */
  append(records: readonly UpdateRecord[]): Promise<number[]>
  /**
   * Replaces the document's state with `state` and drops the log entries with seq ≤ `throughSeq`.
   * The caller promises that `state` contains every update of those entries; later entries stay.
   */
  compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void>
  /** Number of log entries stored after the compacted state. */
  logLength(docId: string): Promise<number>
  /**
   * Everything stored after `afterSeq`: the log entries with a greater seq, plus the compacted state if a
   * compaction has dropped entries after `afterSeq` (then the state holds them). For catching up a replica.
   */
  loadSince(docId: string, afterSeq: number): Promise<StoredSince>
  /** The newest seq stored for each of these documents (0 for none), in one round trip. */
  latestSeqs(docIds: readonly string[]): Promise<Map<string, number>>
  /**
   * The documents written most recently, at most `limit`: first those with log entries not yet compacted
   * (written since they were last stored whole, or cut off by a crash), then those compacted at or after
   * `since` (ms since the epoch), newest first. A restart reopens them before anyone asks (see `RoomRegistry.preload`).
   */
  recentlyWritten(since: number, limit: number): Promise<string[]>
  /** Removes the document's state, log and client owners. */
  delete(docId: string): Promise<void>
  /** Who first wrote with each Yjs client id of the document. */
  clientOwners(docId: string): Promise<Map<number, ClientOwner>>
  /**
   * Records the first writer of client ids; a client id already claimed keeps its owner. Resolves with the
   * owner now stored for each of the given ids (so a claim lost to another instance is seen).
   */
  claimClients(docId: string, claims: ReadonlyMap<number, ClientOwner>): Promise<Map<number, ClientOwner>>
  /** Resolves if the store answers; used by `/readyz`. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** A member as stored: the hash of their session token and the invite they came through. */
export interface MemberRecord extends Member {
  readonly workspaceId: string
  readonly sessionHash: string
  /** The invite used to join; null for the workspace's creator. Revoking that invite removes the member. */
  readonly inviteId: string | null
}

/** A browser signed in with an organisation account: only the hash of its token, and the ID token for sign-out. */
export interface AccountSessionRecord {
  readonly sessionHash: string
  readonly identity: VerifiedIdentity
  /** The provider's ID token, kept as the hint for RP-initiated logout. */
  readonly idToken: string
  readonly createdAt: string
}

/** An invite as stored: only the hash of its token. */
export interface InviteRecord extends Invite {
  readonly workspaceId: string
  readonly tokenHash: string
}

/** An audit entry to append; the store gives it its seq. */
export interface AuditRecord extends Omit<AuditEvent, 'seq'> {
  readonly workspaceId: string
}

/** Everything written when a workspace is created, in one transaction. */
export interface NewWorkspace {
  readonly workspace: Workspace
  readonly parties: readonly Party[]
  readonly creator: MemberRecord
  readonly invites: readonly InviteRecord[]
  readonly audit: readonly AuditRecord[]
}

/**
 * Workspaces, their parties, members, invites, document registry and audit log. Every method that changes
 * something takes the audit entries describing it and writes them in the same transaction, so the log never
 * misses a change nor records one that did not happen. Rows read back are validated; a malformed row is a
 * `StorageIntegrityError`, never served.
 */
export interface WorkspaceStore {
  createWorkspace(input: NewWorkspace): Promise<void>
  getWorkspace(workspaceId: string): Promise<Workspace | null>
  /** The workspace's own vocabulary guide, or null while it uses the default one. */
  /** What the workspace's shared screens show now (kept, so a screen shows it again after a restart). */
  getScreenFocus(workspaceId: string): Promise<ScreenFocus | null>
  setScreenFocus(workspaceId: string, focus: ScreenFocus): Promise<void>
  getVocabulary(workspaceId: string): Promise<VocabularyTerm[] | null>
  /** Replaces the workspace's vocabulary guide (null: back to the default). */
  setVocabulary(
    workspaceId: string,
    terms: readonly VocabularyTerm[] | null,
    audit: AuditRecord,
  ): Promise<void>
  /** Every party's diarienummer for the workspace (documentId null) and its documents. */
  listReferences(workspaceId: string): Promise<RecordReference[]>
  /** Sets (or, with null, removes) one party's reference for the workspace or a document. */
  setReference(
    workspaceId: string,
    documentId: string | null,
    partyId: string,
    reference: string | null,
    audit: AuditRecord,
  ): Promise<void>
  /** Marks a member as one who may take their party's position on a version, or unmarks them. */
  setDecisionMaker(memberId: string, decisionMaker: boolean, audit: AuditRecord): Promise<void>
  /** Records which party the initiative came from (null: not known). */
  setInitiativeParty(workspaceId: string, partyId: string | null, audit: AuditRecord): Promise<void>

  listParties(workspaceId: string): Promise<Party[]>
  addParty(workspaceId: string, party: Party, audit: AuditRecord): Promise<void>
  /** Removes a party that no member represents. */
  removeParty(workspaceId: string, partyId: string, audit: AuditRecord): Promise<void>

  listMembers(workspaceId: string): Promise<MemberRecord[]>
  getMember(memberId: string): Promise<MemberRecord | null>
  findMemberBySession(sessionHash: string): Promise<MemberRecord | null>
  addMember(member: MemberRecord, audit: AuditRecord): Promise<void>
  removeMember(memberId: string, audit: AuditRecord): Promise<void>
  /** The member an organisation account is bound to in a workspace, if any. */
  findMemberByAccount(workspaceId: string, issuer: string, subject: string): Promise<MemberRecord | null>
  /** Every membership bound to an organisation account, across workspaces. */
  listMembersByAccount(issuer: string, subject: string): Promise<MemberRecord[]>

  addAccountSession(session: AccountSessionRecord): Promise<void>
  findAccountSession(sessionHash: string): Promise<AccountSessionRecord | null>
  removeAccountSession(sessionHash: string): Promise<void>
  /** Removes every account session created before `createdBefore` (ISO); resolves with how many. */
  removeAccountSessionsBefore(createdBefore: string): Promise<number>

  listInvites(workspaceId: string): Promise<InviteRecord[]>
  findInviteByToken(tokenHash: string): Promise<InviteRecord | null>
  addInvite(invite: InviteRecord, audit: AuditRecord): Promise<void>
  /**
   * Replaces an invite's link, in one transaction: the old invite is revoked (its link stops working), the
   * replacement added, and the members who joined through the old link now count as joined through the
   * replacement — so withdrawing the replacement later removes them too.
   */
  rotateInvite(
    inviteId: string,
    revokedAt: string,
    replacement: InviteRecord,
    audit: readonly AuditRecord[],
  ): Promise<void>
  /**
   * Marks the invite revoked and removes every member who joined through it, in one transaction;
   * resolves with the removed members' ids.
   */
  revokeInviteAndMembers(
    inviteId: string,
    revokedAt: string,
    audit: readonly AuditRecord[],
  ): Promise<string[]>

  listDocuments(workspaceId: string): Promise<DocumentRecord[]>
  getDocument(documentId: string): Promise<DocumentRecord | null>
  addDocument(document: DocumentRecord, audit: AuditRecord): Promise<void>
  /**
   * Freezes a document for signing (or unfreezes it with null) and records who did it; false if it was
   * already in that state (nothing is written then).
   */
  setDocumentFrozen(documentId: string, frozen: DocumentFreeze | null, audit: AuditRecord): Promise<boolean>
  /** Removes the document's record and all of its stored content. */
  removeDocument(documentId: string, audit: AuditRecord): Promise<void>

  /** Newest first; `before` continues from a seq. */
  listAudit(workspaceId: string, options: { limit: number; before?: number }): Promise<AuditEvent[]>

  /**
   * Removes the workspace and everything of it — parties, members, invites, documents with their stored
   * content, audit log — in one transaction, leaving no trace of it in the store's files.
   */
  deleteWorkspace(workspaceId: string): Promise<void>
}

/** A saved version as stored: its summary, the Yjs state and the canonical JSON of its value. */
export interface VersionRecord extends VersionSummary {
  readonly state: Uint8Array
  /** The value's canonical JSON text, exactly the bytes `sha256` was computed over. */
  readonly value: string
}

/**
 * Saved versions: immutable and numbered per document. Nothing changes or deletes one; only deleting the
 * document or its workspace removes them (the workspace store does that, in the same transaction).
 */
export interface VersionStore {
  /** Stores a new version with the next number of its document (no gaps, even under concurrent saves). */
  addVersion(version: Omit<VersionRecord, 'number'>, audit: AuditRecord): Promise<number>
  listVersions(documentId: string): Promise<VersionSummary[]>
  getVersion(documentId: string, number: number): Promise<VersionRecord | null>
  /** Records a party's approval of a version; false if that party had already approved it. */
  addApproval(documentId: string, number: number, approval: Approval, audit: AuditRecord): Promise<boolean>
  /** Records a member's recommendation that their party approve a version; false if they already had. */
  addRecommendation(
    documentId: string,
    number: number,
    recommendation: Approval,
    audit: AuditRecord,
  ): Promise<boolean>
  /** Recommendations on a document's versions, by version number. */
  listRecommendations(documentId: string): Promise<Map<number, Approval[]>>
  /** Records a party's formal decision on a version; false if that party had already recorded one. */
  addDecision(
    documentId: string,
    number: number,
    decision: VersionDecision,
    audit: AuditRecord,
  ): Promise<boolean>
  /** Formal decisions on a document's versions, by version number. */
  listDecisions(documentId: string): Promise<Map<number, VersionDecision[]>>
  /** Approvals of a document's versions, by version number. */
  listApprovals(documentId: string): Promise<Map<number, Approval[]>>
}

/** The adapters a server runs on: one storage backend provides every port. */
export interface Storage {
  readonly documents: DocumentStore
  readonly workspaces: WorkspaceStore
  readonly versions: VersionStore
  /** Resolves if the backend answers; used by `/readyz`. */
  ping(): Promise<void>
  /**
   * Writes a small row and reads it back: rejects when the backend cannot take writes now (a full disk, a
   * read-only or damaged file, a lost connection). Run periodically by StorageHealth.
   */
  probe(): Promise<void>
  /** A check of the stored pages, run once at start: null when sound, else what is wrong. */
  checkIntegrity(): Promise<string | null>
  close(): Promise<void>
}
