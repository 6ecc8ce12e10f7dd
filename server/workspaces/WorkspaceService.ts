import { type Action, can } from '../../shared/access/permissions'
import { defaultVocabulary, type VocabularyTerm } from '../../shared/agreement/vocabulary'
import type { AccountWorkspace } from '../../shared/api/account-routes'
import type {
  AddMemberRequest,
  CreateDocumentRequest,
  CreateWorkspaceRequest,
  CreateWorkspaceResponse,
  InvitePreview,
  JoinRequest,
  JoinResponse,
  WorkspaceView,
} from '../../shared/api/workspace-api'
import type { AuditActor, AuditEvent, AuditEventType, AuditSubject } from '../../shared/schema/audit-event'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { Invite, InviteLink } from '../../shared/schema/invite'
import type { Member } from '../../shared/schema/member'
import { missingPartyKinds, type NewParty, type Party } from '../../shared/schema/party'
import type { RecordReferences, SetRecordReferenceRequest } from '../../shared/schema/record-reference'
import type { Role } from '../../shared/schema/role'
import type { VerifiedIdentity } from '../../shared/schema/verified-identity'
import { hashToken, isWellFormedToken, newId, newToken } from '../access/tokens'
import { ApiError } from '../errors/ApiError'
import type { AuditRecord, InviteRecord, MemberRecord, WorkspaceStore } from '../storage/port'

export interface WorkspaceServiceOptions {
  readonly store: WorkspaceStore
  /** Called after members lost access (removed, their invite revoked, workspace deleted): close their sockets. */
  readonly onAccessRevoked?: (memberIds: readonly string[]) => void
  /**
   * Called before documents' content is deleted: unload them without storing (their sockets are closed) and
   * resolve once nothing more of them will be written.
   */
  readonly onDocumentsRemoved?: (documentIds: readonly string[]) => Promise<void>
  /** Called after a document is registered, before the creator hears of it: write its initial content. */
  readonly onDocumentCreated?: (document: DocumentRecord) => Promise<void>
  /** Called after a document was frozen or unfrozen: apply it to the open room (and other instances). */
  readonly onDocumentFrozen?: (document: DocumentRecord) => void
  readonly now?: () => Date
}

/** What a shared screen is called in the audit log and wherever a name is needed. */
const SCREEN_NAME = 'Storskärm'

/** Where invite links point: `${origin}/join#<token>`. The token is in the fragment, so it never reaches logs. */
const inviteUrl = (origin: string, token: string): string => `${origin}/join#${token}`

const toMember = ({ id, name, partyId, role, joinedAt, decisionMaker }: MemberRecord): Member => ({
  id,
  name,
  partyId,
  role,
  joinedAt,
  decisionMaker: decisionMaker === true,
})

const toInvite = ({ id, role, createdAt, revokedAt }: InviteRecord): Invite => ({
  id,
  role,
  createdAt,
  revokedAt,
})

/**
 * Workspaces, their parties, members, invites and document registry: every rule about who may do what lives
 * here (the routes only translate HTTP). Each change is written together with its audit entry.
 */
export class WorkspaceService {
  private readonly store: WorkspaceStore
  private readonly now: () => Date
  private readonly onAccessRevoked: (memberIds: readonly string[]) => void
  private readonly onDocumentsRemoved: (documentIds: readonly string[]) => Promise<void>
  private readonly onDocumentCreated: (document: DocumentRecord) => Promise<void>
  private readonly onDocumentFrozen: (document: DocumentRecord) => void
  /** Workspaces and documents being deleted: nobody may open them while their content is removed. */
  private readonly deleting = new Set<string>()

  constructor({
    store,
    onAccessRevoked,
    onDocumentsRemoved,
    onDocumentCreated,
    onDocumentFrozen,
    now = () => new Date(),
  }: WorkspaceServiceOptions) {
    this.store = store
    this.now = now
    this.onAccessRevoked = onAccessRevoked ?? (() => {})
    this.onDocumentsRemoved = onDocumentsRemoved ?? (async () => {})
    this.onDocumentCreated = onDocumentCreated ?? (async () => {})
    this.onDocumentFrozen = onDocumentFrozen ?? (() => {})
  }

  private timestamp(): string {
    return this.now().toISOString()
  }

  /** The member a session token belongs to, or null for an unknown, revoked or malformed token. */
  async authenticate(sessionToken: string): Promise<MemberRecord | null> {
    if (!isWellFormedToken(sessionToken)) return null
    const member = await this.store.findMemberBySession(hashToken(sessionToken))
    if (member === null || this.deleting.has(member.workspaceId)) return null
    return member
  }

  /**
   * The member an organisation account is in a workspace (the membership it joined or created while signed
   * in), or null. Looked up on every request, so removing the member ends the account's access as well.
   */
  async authenticateAccount(identity: VerifiedIdentity, workspaceId: string): Promise<MemberRecord | null> {
    if (this.deleting.has(workspaceId)) return null
    return this.store.findMemberByAccount(workspaceId, identity.issuer, identity.subject)
  }

  /** The workspaces an organisation account is a member of, on whichever device it joined them. */
  async workspacesOf(identity: VerifiedIdentity): Promise<AccountWorkspace[]> {
    const members = await this.store.listMembersByAccount(identity.issuer, identity.subject)
    const found: AccountWorkspace[] = []
    for (const member of members) {
      if (this.deleting.has(member.workspaceId)) continue
      const workspace = await this.store.getWorkspace(member.workspaceId)
      if (workspace === null) continue
      found.push({ id: workspace.id, name: workspace.name, memberName: member.name, role: member.role })
    }
    return found
  }

  /** Throws 403 unless `member` belongs to `workspaceId` and its role allows `action`. */
  authorize(member: MemberRecord, workspaceId: string, action: Action): void {
    if (member.workspaceId !== workspaceId) {
      throw new ApiError('forbidden', 'this session belongs to another workspace')
    }
    if (!can(member.role, action)) {
      throw new ApiError('forbidden', `a ${member.role} may not do this (${action})`)
    }
  }

  /** A document's registry entry, unless it is unknown or being deleted. */
  async findDocument(documentId: string): Promise<DocumentRecord | null> {
    if (this.deleting.has(documentId)) return null
    const document = await this.store.getDocument(documentId)
    if (document === null || this.deleting.has(document.workspaceId)) return null
    return document
  }

  private async actor(member: MemberRecord): Promise<AuditActor> {
    const parties = await this.store.listParties(member.workspaceId)
    const party = parties.find((candidate) => candidate.id === member.partyId)
    return {
      memberId: member.id,
      name: member.name,
      partyId: member.partyId,
      partyName: party?.name ?? '',
      role: member.role,
      ...(member.identity === undefined ? {} : { identity: member.identity }),
    }
  }

  private entry(
    workspaceId: string,
    type: AuditEventType,
    actor: AuditActor | null,
    subject: AuditSubject | null,
  ): AuditRecord {
    return { workspaceId, at: this.timestamp(), type, actor, subject }
  }

  /** An audit entry for something `member` did, as they and their party are now. */
  private async entryBy(
    member: MemberRecord,
    type: AuditEventType,
    subject: AuditSubject,
  ): Promise<AuditRecord> {
    return this.entry(member.workspaceId, type, await this.actor(member), subject)
  }

  private newInvite(
    workspaceId: string,
    role: Role,
    origin: string,
  ): { record: InviteRecord; link: InviteLink } {
    const token = newToken()
    const id = newId()
    return {
      record: {
        id,
        workspaceId,
        role,
        tokenHash: hashToken(token),
        createdAt: this.timestamp(),
        revokedAt: null,
      },
      link: { id, role, token, url: inviteUrl(origin, token) },
    }
  }

  /** `account`: the creator is signed in with an organisation account, which the membership is bound to. */
  async createWorkspace(
    request: CreateWorkspaceRequest,
    origin: string,
    account: VerifiedIdentity | null = null,
  ): Promise<CreateWorkspaceResponse> {
    const workspace = {
      id: newId(),
      name: request.name,
      challenge: request.challenge,
      createdAt: this.timestamp(),
      initiativeParty: null,
    }
    const parties: Party[] = request.parties.map((party) => ({
      id: newId(),
      name: party.name,
      kind: party.kind,
      orgNumber: party.orgNumber ?? null,
    }))
    const creatorParty = parties[request.creator.party]!
    const sessionToken = newToken()
    const creator: MemberRecord = {
      id: newId(),
      workspaceId: workspace.id,
      name: request.creator.name,
      partyId: creatorParty.id,
      role: 'facilitator',
      joinedAt: workspace.createdAt,
      // Whoever starts the partnership's workspace speaks for their party until it marks someone else.
      decisionMaker: true,
      sessionHash: hashToken(sessionToken),
      inviteId: null,
      ...(account === null ? {} : { identity: account }),
    }
    const facilitator = this.newInvite(workspace.id, 'facilitator', origin)
    const participant = this.newInvite(workspace.id, 'participant', origin)
    const viewer = this.newInvite(workspace.id, 'viewer', origin)
    const actor: AuditActor = {
      memberId: creator.id,
      name: creator.name,
      partyId: creatorParty.id,
      partyName: creatorParty.name,
      role: 'facilitator',
      ...(account === null ? {} : { identity: account }),
    }
    const inviteEntries = [facilitator, participant, viewer].map(({ link }) =>
      this.entry(workspace.id, 'invite-created', actor, { kind: 'invite', id: link.id, label: link.role }),
    )
    await this.store.createWorkspace({
      workspace,
      parties,
      creator,
      invites: [facilitator.record, participant.record, viewer.record],
      audit: [
        this.entry(workspace.id, 'workspace-created', actor, {
          kind: 'workspace',
          id: workspace.id,
          label: workspace.name,
        }),
        ...inviteEntries,
      ],
    })
    return {
      workspace,
      parties,
      member: toMember(creator),
      session: { token: sessionToken },
      invites: { facilitator: facilitator.link, participant: participant.link, viewer: viewer.link },
    }
  }

  private async usableInvite(token: string): Promise<InviteRecord> {
    const invite = isWellFormedToken(token) ? await this.store.findInviteByToken(hashToken(token)) : null
    if (invite === null || this.deleting.has(invite.workspaceId)) {
      throw new ApiError('not-found', 'this invite link is not valid')
    }
    if (invite.revokedAt !== null) throw new ApiError('not-found', 'this invite link has been withdrawn')
    return invite
  }

  /** What the join page shows: the partnership, its parties, and the role the invite gives. */
  async previewInvite(token: string): Promise<InvitePreview> {
    const invite = await this.usableInvite(token)
    const workspace = await this.store.getWorkspace(invite.workspaceId)
    if (workspace === null) throw new ApiError('not-found', 'this invite link is not valid')
    return { workspace, parties: await this.store.listParties(workspace.id), role: invite.role }
  }

  private async partyOf(workspaceId: string, partyId: string): Promise<Party> {
    const parties = await this.store.listParties(workspaceId)
    const party = parties.find((candidate) => candidate.id === partyId)
    if (party === undefined) {
      throw new ApiError('invalid-request', 'partyId is not a party of this workspace', [
        { code: 'custom', path: ['partyId'], message: 'not a party of this workspace', input: partyId },
      ])
    }
    return party
  }

  /** A new member with a fresh session; `addedBy` is null when they joined themselves through an invite. */
  private async admit(
    workspaceId: string,
    input: {
      name: string
      partyId: string
      role: Role
      inviteId: string | null
      identity?: VerifiedIdentity | undefined
    },
    addedBy: MemberRecord | null,
  ): Promise<{ member: Member; session: { token: string } }> {
    const party = await this.partyOf(workspaceId, input.partyId)
    const sessionToken = newToken()
    const member: MemberRecord = {
      id: newId(),
      workspaceId,
      name: input.name,
      partyId: party.id,
      role: input.role,
      joinedAt: this.timestamp(),
      sessionHash: hashToken(sessionToken),
      inviteId: input.inviteId,
      ...(input.identity === undefined ? {} : { identity: input.identity }),
    }
    const actor: AuditActor =
      addedBy === null
        ? {
            memberId: member.id,
            name: member.name,
            partyId: party.id,
            partyName: party.name,
            role: member.role,
            ...(input.identity === undefined ? {} : { identity: input.identity }),
          }
        : await this.actor(addedBy)
    await this.store.addMember(
      member,
      this.entry(workspaceId, 'member-joined', actor, { kind: 'member', id: member.id, label: member.name }),
    )
    return { member: toMember(member), session: { token: sessionToken } }
  }

  /**
   * Joins through an invite. `account`: the person is signed in with an organisation account, and the
   * membership is bound to it (their other devices need no link) — except through a viewer link, which makes
   * a shared screen, not a person's membership.
   */
  async join(request: JoinRequest, account: VerifiedIdentity | null = null): Promise<JoinResponse> {
    const invite = await this.usableInvite(request.invite)
    const binds = account !== null && invite.role !== 'viewer'
    if (binds) {
      const already = await this.authenticateAccount(account, invite.workspaceId)
      if (already !== null) {
        throw new ApiError(
          'conflict',
          `this account is already a member of the workspace (as ${already.name}); open it from the start page`,
        )
      }
    }
    let { name, partyId } = request
    if (invite.role === 'viewer') {
      // A shared screen is a screen, not a person: it asks nothing, and it is nobody's member in the
      // partnership's lists, counts or café (its party is only where the record must point somewhere).
      name ??= SCREEN_NAME
      partyId ??= (await this.store.listParties(invite.workspaceId))[0]?.id
    }
    if (name === undefined || partyId === undefined) {
      throw new ApiError('invalid-request', 'a person joining gives a name and the party they represent', [
        ...(name === undefined
          ? [{ code: 'custom' as const, path: ['name'], message: 'required', input: undefined }]
          : []),
        ...(partyId === undefined
          ? [{ code: 'custom' as const, path: ['partyId'], message: 'required', input: undefined }]
          : []),
      ])
    }
    const admitted = await this.admit(
      invite.workspaceId,
      { name, partyId, role: invite.role, inviteId: invite.id, identity: binds ? account : undefined },
      null,
    )
    return { ...admitted, workspaceId: invite.workspaceId }
  }

  /** A facilitator adds a member directly (no invite); the caller hands over the returned session. */
  addMember(
    facilitator: MemberRecord,
    request: AddMemberRequest,
  ): Promise<{ member: Member; session: { token: string } }> {
    return this.admit(facilitator.workspaceId, { ...request, inviteId: null }, facilitator)
  }

  async view(member: MemberRecord): Promise<WorkspaceView> {
    const workspace = await this.store.getWorkspace(member.workspaceId)
    if (workspace === null) throw new ApiError('not-found', 'no such workspace')
    const [parties, members, documents] = await Promise.all([
      this.store.listParties(workspace.id),
      this.store.listMembers(workspace.id),
      this.store.listDocuments(workspace.id),
    ])
    // Only the person themselves sees which organisation account their membership is bound to.
    const me = {
      ...toMember(member),
      ...(member.identity === undefined ? {} : { identity: member.identity }),
    }
    return { workspace, parties, members: members.map(toMember), documents, me }
  }

  listParties(member: MemberRecord): Promise<Party[]> {
    return this.store.listParties(member.workspaceId)
  }

  async addParty(member: MemberRecord, input: NewParty): Promise<Party> {
    const party: Party = {
      id: newId(),
      name: input.name,
      kind: input.kind,
      orgNumber: input.orgNumber ?? null,
    }
    const existing = await this.store.listParties(member.workspaceId)
    if (existing.length >= 20) throw new ApiError('conflict', 'a workspace has at most 20 parties')
    await this.store.addParty(
      member.workspaceId,
      party,
      await this.entryBy(member, 'party-added', { kind: 'party', id: party.id, label: party.name }),
    )
    return party
  }

  async removeParty(member: MemberRecord, partyId: string): Promise<void> {
    const parties = await this.store.listParties(member.workspaceId)
    const party = parties.find((candidate) => candidate.id === partyId)
    if (party === undefined) throw new ApiError('not-found', 'no such party in this workspace')
    const members = await this.store.listMembers(member.workspaceId)
    if (members.some((candidate) => candidate.partyId === partyId)) {
      throw new ApiError('conflict', 'members represent this party; remove them first')
    }
    const missing = missingPartyKinds(parties.filter((candidate) => candidate.id !== partyId))
    if (missing.length > 0) {
      throw new ApiError('conflict', `a partnership needs at least one ${missing[0]} party`)
    }
    const actor = await this.actor(member)
    await this.store.removeParty(
      member.workspaceId,
      partyId,
      this.entry(member.workspaceId, 'party-removed', actor, {
        kind: 'party',
        id: partyId,
        label: party.name,
      }),
    )
  }

  async listMembers(member: MemberRecord): Promise<Member[]> {
    return (await this.store.listMembers(member.workspaceId)).map(toMember)
  }

  /** A facilitator removes anyone; anyone may remove themselves (leave). The last facilitator cannot go. */
  async removeMember(member: MemberRecord, memberId: string): Promise<void> {
    const leaving = member.id === memberId
    if (!leaving && !can(member.role, 'member.remove')) {
      throw new ApiError('forbidden', 'only a facilitator may remove other members')
    }
    const members = await this.store.listMembers(member.workspaceId)
    const target = members.find((candidate) => candidate.id === memberId)
    if (target === undefined) throw new ApiError('not-found', 'no such member in this workspace')
    const facilitators = members.filter((candidate) => candidate.role === 'facilitator')
    if (target.role === 'facilitator' && facilitators.length === 1) {
      throw new ApiError(
        'conflict',
        'the last facilitator cannot be removed; invite another facilitator first',
      )
    }
    const actor = await this.actor(member)
    await this.store.removeMember(
      memberId,
      this.entry(member.workspaceId, leaving ? 'member-left' : 'member-removed', actor, {
        kind: 'member',
        id: target.id,
        label: target.name,
      }),
    )
    this.onAccessRevoked([memberId])
  }

  async listInvites(member: MemberRecord): Promise<Invite[]> {
    return (await this.store.listInvites(member.workspaceId)).map(toInvite)
  }

  async createInvite(member: MemberRecord, role: Role, origin: string): Promise<InviteLink> {
    const { record, link } = this.newInvite(member.workspaceId, role, origin)
    await this.store.addInvite(
      record,
      await this.entryBy(member, 'invite-created', { kind: 'invite', id: record.id, label: role }),
    )
    return link
  }

  private async activeInvite(member: MemberRecord, inviteId: string): Promise<InviteRecord> {
    const invites = await this.store.listInvites(member.workspaceId)
    const invite = invites.find((candidate) => candidate.id === inviteId)
    if (invite === undefined) throw new ApiError('not-found', 'no such invite in this workspace')
    if (invite.revokedAt !== null) throw new ApiError('conflict', 'this invite is already withdrawn')
    return invite
  }

  /**
   * Replaces an invite's link with a new one of the same role (for a link that spread too far). The old link
   * stops working; members who already joined through it stay.
   */
  async rotateInvite(member: MemberRecord, inviteId: string, origin: string): Promise<InviteLink> {
    const invite = await this.activeInvite(member, inviteId)
    const actor = await this.actor(member)
    const { record, link } = this.newInvite(member.workspaceId, invite.role, origin)
    // One transaction: never two working links, and never people who joined through no live invite.
    await this.store.rotateInvite(invite.id, this.timestamp(), record, [
      this.entry(member.workspaceId, 'invite-rotated', actor, {
        kind: 'invite',
        id: invite.id,
        label: invite.role,
      }),
      this.entry(member.workspaceId, 'invite-created', actor, {
        kind: 'invite',
        id: record.id,
        label: record.role,
      }),
    ])
    return link
  }

  /** Withdraws an invite and removes every member who joined through it; their sockets close at once. */
  async revokeInvite(member: MemberRecord, inviteId: string): Promise<{ removedMembers: string[] }> {
    const invites = await this.store.listInvites(member.workspaceId)
    const invite = invites.find((candidate) => candidate.id === inviteId)
    if (invite === undefined) throw new ApiError('not-found', 'no such invite in this workspace')
    const actor = await this.actor(member)
    const members = await this.store.listMembers(member.workspaceId)
    const joined = members.filter((candidate) => candidate.inviteId === invite.id)
    // A link already withdrawn, or replaced before replacements took over its members: only its members
    // are left to remove. With none left, there is nothing to withdraw.
    if (invite.revokedAt !== null && joined.length === 0) {
      throw new ApiError('conflict', 'this invite is already withdrawn')
    }
    const remainingFacilitators = members.filter(
      (candidate) => candidate.role === 'facilitator' && candidate.inviteId !== invite.id,
    )
    if (remainingFacilitators.length === 0) {
      throw new ApiError('conflict', 'withdrawing this invite would remove the last facilitator')
    }
    const removed = await this.store.revokeInviteAndMembers(invite.id, this.timestamp(), [
      this.entry(member.workspaceId, 'invite-revoked', actor, {
        kind: 'invite',
        id: invite.id,
        label: invite.role,
      }),
      ...joined.map((gone) =>
        this.entry(member.workspaceId, 'member-removed', actor, {
          kind: 'member',
          id: gone.id,
          label: gone.name,
        }),
      ),
    ])
    this.onAccessRevoked(removed)
    return { removedMembers: removed }
  }

  listDocuments(member: MemberRecord): Promise<DocumentRecord[]> {
    return this.store.listDocuments(member.workspaceId)
  }

  async createDocument(member: MemberRecord, request: CreateDocumentRequest): Promise<DocumentRecord> {
    const document: DocumentRecord = {
      id: newId(),
      workspaceId: member.workspaceId,
      template: request.template,
      title: request.title,
      createdAt: this.timestamp(),
      createdBy: member.id,
      frozen: null,
    }
    await this.store.addDocument(
      document,
      await this.entryBy(member, 'document-created', {
        kind: 'document',
        id: document.id,
        label: document.title,
      }),
    )
    await this.onDocumentCreated(document)
    return document
  }

  /** The workspace's vocabulary guide: its own terms, or SKL's default guide. */
  async vocabulary(workspaceId: string): Promise<{ terms: VocabularyTerm[]; custom: boolean }> {
    const own = await this.store.getVocabulary(workspaceId)
    return own === null ? { terms: [...defaultVocabulary], custom: false } : { terms: own, custom: true }
  }

  /** Replaces the workspace's vocabulary guide; null goes back to SKL's default guide. */
  async setVocabulary(
    member: MemberRecord,
    terms: readonly VocabularyTerm[] | null,
  ): Promise<{ terms: VocabularyTerm[]; custom: boolean }> {
    await this.store.setVocabulary(
      member.workspaceId,
      terms,
      await this.entryBy(member, 'vocabulary-changed', {
        kind: 'workspace',
        id: member.workspaceId,
        label: terms === null ? 'SKL' : `${terms.length}`,
      }),
    )
    return this.vocabulary(member.workspaceId)
  }

  /**
   * A party marks which of its members may take its position on a version (beslutsfattare). Only the party's
   * own members mark its members, as each party decides who signs for it; a shared screen is never one.
   */
  async setDecisionMaker(member: MemberRecord, memberId: string, decisionMaker: boolean): Promise<Member> {
    const target = await this.store.getMember(memberId)
    if (target === null || target.workspaceId !== member.workspaceId) {
      throw new ApiError('not-found', 'no such member in this workspace')
    }
    if (target.partyId !== member.partyId) {
      throw new ApiError('forbidden', "a party marks its own decision-makers, not another party's")
    }
    if (target.role === 'viewer') throw new ApiError('conflict', 'a shared screen cannot take a position')
    if ((target.decisionMaker === true) !== decisionMaker) {
      await this.store.setDecisionMaker(
        memberId,
        decisionMaker,
        await this.entryBy(member, 'decision-maker-changed', {
          kind: 'member',
          id: memberId,
          label: `${target.name}: ${decisionMaker ? 'beslutsfattare' : '—'}`,
        }),
      )
    }
    return toMember({ ...target, decisionMaker })
  }

  /** Every party's diarienummer for the workspace and its documents. */
  async references(workspaceId: string): Promise<RecordReferences> {
    return { references: await this.store.listReferences(workspaceId) }
  }

  /**
   * A party records its own reference (diarienummer) for the workspace or one of its documents: each party
   * registers in its own records, so nobody records another party's.
   */
  async setReference(member: MemberRecord, request: SetRecordReferenceRequest): Promise<RecordReferences> {
    if (request.partyId !== member.partyId) {
      throw new ApiError('forbidden', "a party records its own diarienummer, not another party's")
    }
    let label = 'workspace'
    if (request.documentId !== null) {
      const document = await this.findDocument(request.documentId)
      if (document === null || document.workspaceId !== member.workspaceId) {
        throw new ApiError('not-found', 'no such document in this workspace')
      }
      label = document.title
    }
    await this.store.setReference(
      member.workspaceId,
      request.documentId,
      request.partyId,
      request.reference,
      await this.entryBy(member, 'reference-recorded', {
        kind: request.documentId === null ? 'workspace' : 'document',
        id: request.documentId ?? member.workspaceId,
        label: `${label}: ${request.reference ?? '—'}`,
      }),
    )
    return this.references(member.workspaceId)
  }

  /** Records which party the partnership's initiative came from (one of the procurement indicators). */
  async setInitiativeParty(member: MemberRecord, partyId: string | null): Promise<void> {
    const parties = await this.store.listParties(member.workspaceId)
    const party = parties.find((candidate) => candidate.id === partyId)
    if (partyId !== null && party === undefined) {
      throw new ApiError('not-found', 'no such party in this workspace')
    }
    await this.store.setInitiativeParty(
      member.workspaceId,
      partyId,
      await this.entryBy(member, 'initiative-recorded', {
        kind: party === undefined ? 'workspace' : 'party',
        id: party?.id ?? member.workspaceId,
        label: party?.name ?? '',
      }),
    )
  }

  /**
   * Freezes a document for signing (the server then applies nobody's edits) or unfreezes it. Doing what is
   * already so is answered with the document as it is, without a second audit entry.
   */
  async setFrozen(member: MemberRecord, documentId: string, frozen: boolean): Promise<DocumentRecord> {
    const document = await this.findDocument(documentId)
    if (document === null || document.workspaceId !== member.workspaceId) {
      throw new ApiError('not-found', 'no such document in this workspace')
    }
    const freeze = frozen ? { at: this.timestamp(), by: member.name } : null
    const changed = await this.store.setDocumentFrozen(
      documentId,
      freeze,
      await this.entryBy(member, frozen ? 'document-frozen' : 'document-unfrozen', {
        kind: 'document',
        id: documentId,
        label: document.title,
      }),
    )
    if (!changed) return document
    const updated = { ...document, frozen: freeze }
    this.onDocumentFrozen(updated)
    return updated
  }

  async deleteDocument(member: MemberRecord, documentId: string): Promise<void> {
    const document = await this.findDocument(documentId)
    if (document === null || document.workspaceId !== member.workspaceId) {
      throw new ApiError('not-found', 'no such document in this workspace')
    }
    const actor = await this.actor(member)
    this.deleting.add(documentId)
    try {
      await this.onDocumentsRemoved([documentId])
      await this.store.removeDocument(
        documentId,
        this.entry(member.workspaceId, 'document-deleted', actor, {
          kind: 'document',
          id: documentId,
          label: document.title,
        }),
      )
    } finally {
      this.deleting.delete(documentId)
    }
  }

  audit(member: MemberRecord, query: { limit: number; before?: number | undefined }): Promise<AuditEvent[]> {
    return this.store.listAudit(member.workspaceId, {
      limit: query.limit,
      ...(query.before === undefined ? {} : { before: query.before }),
    })
  }

  /**
   * Removes the workspace and everything in it. Its members' sockets are closed, its documents unloaded
   * without being stored again, and only then is the stored data removed.
   */
  async deleteWorkspace(member: MemberRecord): Promise<void> {
    const workspaceId = member.workspaceId
    this.deleting.add(workspaceId)
    try {
      const [members, documents] = await Promise.all([
        this.store.listMembers(workspaceId),
        this.store.listDocuments(workspaceId),
      ])
      this.onAccessRevoked(members.map((gone) => gone.id))
      await this.onDocumentsRemoved(documents.map((document) => document.id))
      await this.store.deleteWorkspace(workspaceId)
    } finally {
      this.deleting.delete(workspaceId)
    }
  }
}
