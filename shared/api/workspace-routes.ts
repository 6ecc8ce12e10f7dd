import * as z from 'zod/mini'
import { DocumentRecord } from '../schema/document-record'
import { EntityId } from '../schema/entity-id'
import { InviteLink } from '../schema/invite'
import { lazySchema } from '../schema/lazy-schema'
import { Member } from '../schema/member'
import { Party } from '../schema/party'
import { RecordReferences, SetRecordReferenceRequest } from '../schema/record-reference'
import { defineContract } from './route-contract'
import {
  AddMemberRequest,
  AddMemberResponse,
  AddPartyRequest,
  AuditLog,
  AuditQuery,
  CreateDocumentRequest,
  CreateInviteRequest,
  CreateWorkspaceRequest,
  CreateWorkspaceResponse,
  DocumentList,
  InviteList,
  InvitePreview,
  JoinRequest,
  JoinResponse,
  MemberList,
  PartyList,
  SetInitiativeRequest,
  SetVocabularyRequest,
  VocabularyState,
  WorkspaceView,
} from './workspace-api'

/*
 * The workspace API's routes: workspaces, parties, members, invites, the document registry and the audit log.
 * Import the module as a namespace (workspaceApi.getWorkspace, …).
 */

export const WorkspaceParams = lazySchema(() => z.object({ workspaceId: EntityId }))
export const DocumentParams = lazySchema(() => z.object({ documentId: EntityId }))
const PartyParams = lazySchema(() => z.extend(WorkspaceParams.unwrap(), { partyId: EntityId }))
const MemberParams = lazySchema(() => z.extend(WorkspaceParams.unwrap(), { memberId: EntityId }))
const InviteParams = lazySchema(() => z.extend(WorkspaceParams.unwrap(), { inviteId: EntityId }))
const WorkspaceDocumentParams = lazySchema(() => z.extend(WorkspaceParams.unwrap(), { documentId: EntityId }))
const InviteTokenParams = lazySchema(() =>
  z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) }),
)

export const createWorkspace = defineContract({
  method: 'post',
  path: '/api/workspaces',
  summary: 'Create a workspace for a partnership; the creator becomes its first facilitator',
  body: CreateWorkspaceRequest,
  status: 201,
  response: CreateWorkspaceResponse,
})

export const previewInvite = defineContract({
  method: 'get',
  path: '/api/invites/:token',
  summary: 'What an invite link leads to: the partnership, its parties and the role it gives',
  params: InviteTokenParams,
  status: 200,
  response: InvitePreview,
})

export const join = defineContract({
  method: 'post',
  path: '/api/join',
  summary: 'Join a workspace through an invite: display name and the party you represent',
  body: JoinRequest,
  status: 201,
  response: JoinResponse,
})

export const getWorkspace = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId',
  summary: 'The workspace with its parties, members and documents',
  params: WorkspaceParams,
  status: 200,
  response: WorkspaceView,
})

export const deleteWorkspace = defineContract({
  method: 'delete',
  path: '/api/workspaces/:workspaceId',
  summary: 'Delete the workspace and everything in it: documents, versions, members, audit log',
  params: WorkspaceParams,
  status: 204,
})

export const getVocabulary = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/vocabulary',
  summary: "The workspace's vocabulary guide (purchase words and the partnership words to use instead)",
  params: WorkspaceParams,
  status: 200,
  response: VocabularyState,
})

export const setVocabulary = defineContract({
  method: 'put',
  path: '/api/workspaces/:workspaceId/vocabulary',
  summary: "Replace the workspace's vocabulary guide (terms: null goes back to SKL's guide)",
  params: WorkspaceParams,
  body: SetVocabularyRequest,
  status: 200,
  response: VocabularyState,
})

export const listReferences = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/references',
  summary: "Each party's diarienummer for the workspace and its documents",
  params: WorkspaceParams,
  status: 200,
  response: RecordReferences,
})

export const setReference = defineContract({
  method: 'put',
  path: '/api/workspaces/:workspaceId/references',
  summary: "Record one's own party's diarienummer for the workspace or a document (null removes it)",
  params: WorkspaceParams,
  body: SetRecordReferenceRequest,
  status: 200,
  response: RecordReferences,
})

export const setInitiative = defineContract({
  method: 'put',
  path: '/api/workspaces/:workspaceId/initiative',
  summary: 'Record which party the initiative came from (a procurement indicator)',
  params: WorkspaceParams,
  body: SetInitiativeRequest,
  status: 204,
})

export const listParties = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/parties',
  summary: 'The parties of the partnership',
  params: WorkspaceParams,
  status: 200,
  response: PartyList,
})

export const addParty = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/parties',
  summary: 'Add a party',
  params: WorkspaceParams,
  body: AddPartyRequest,
  status: 201,
  response: Party,
})

export const removeParty = defineContract({
  method: 'delete',
  path: '/api/workspaces/:workspaceId/parties/:partyId',
  summary: 'Remove a party no member represents (a partnership keeps one public and one non-profit party)',
  params: PartyParams,
  status: 204,
})

export const listMembers = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/members',
  summary: 'The members, their parties and roles',
  params: WorkspaceParams,
  status: 200,
  response: MemberList,
})

export const addMember = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/members',
  summary:
    'Add a member directly (a shared-screen device, someone without the link); answers with their session',
  params: WorkspaceParams,
  body: AddMemberRequest,
  status: 201,
  response: AddMemberResponse,
})

export const removeMember = defineContract({
  method: 'delete',
  path: '/api/workspaces/:workspaceId/members/:memberId',
  summary: 'Remove a member (facilitators), or leave (your own id); their open connections close',
  params: MemberParams,
  status: 204,
})

export const setDecisionMaker = defineContract({
  method: 'put',
  path: '/api/workspaces/:workspaceId/members/:memberId/decision-maker',
  summary: "Mark (or unmark) a member of one's own party as its decision-maker (beslutsfattare)",
  params: MemberParams,
  body: lazySchema(() => z.object({ decisionMaker: z.boolean() })),
  status: 200,
  response: Member,
})

export const listInvites = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/invites',
  summary: 'The invites, active and withdrawn (their links are shown only when created)',
  params: WorkspaceParams,
  status: 200,
  response: InviteList,
})

export const createInvite = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/invites',
  summary: 'Create an invite link for a role',
  params: WorkspaceParams,
  body: CreateInviteRequest,
  status: 201,
  response: InviteLink,
})

export const rotateInvite = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/invites/:inviteId/rotate',
  summary: 'Replace an invite link with a new one; members who joined through it stay',
  params: InviteParams,
  status: 201,
  response: InviteLink,
})

export const revokeInvite = defineContract({
  method: 'delete',
  path: '/api/workspaces/:workspaceId/invites/:inviteId',
  summary: 'Withdraw an invite: its link stops working and everyone who joined through it is removed',
  params: InviteParams,
  status: 200,
  response: lazySchema(() => z.object({ removedMembers: z.array(EntityId) })),
})

export const listDocuments = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/documents',
  summary: "The workspace's documents",
  params: WorkspaceParams,
  status: 200,
  response: DocumentList,
})

export const createDocument = defineContract({
  method: 'post',
  path: '/api/workspaces/:workspaceId/documents',
  summary: 'Create a document from a template; it syncs at /sync/:id',
  params: WorkspaceParams,
  body: CreateDocumentRequest,
  status: 201,
  response: DocumentRecord,
})

export const deleteDocument = defineContract({
  method: 'delete',
  path: '/api/workspaces/:workspaceId/documents/:documentId',
  summary: 'Delete a document and its content',
  params: WorkspaceDocumentParams,
  status: 204,
})

export const getDocument = defineContract({
  method: 'get',
  path: '/api/documents/:documentId',
  summary: "A document's registry entry",
  params: DocumentParams,
  status: 200,
  response: DocumentRecord,
})

export const freezeDocument = defineContract({
  method: 'put',
  path: '/api/documents/:documentId/freeze',
  summary: 'Freeze a document for signing: nobody’s edits are applied until it is unfrozen',
  params: DocumentParams,
  status: 200,
  response: DocumentRecord,
})

export const unfreezeDocument = defineContract({
  method: 'delete',
  path: '/api/documents/:documentId/freeze',
  summary: 'Unfreeze a document: edits are applied again',
  params: DocumentParams,
  status: 200,
  response: DocumentRecord,
})

export const getAudit = defineContract({
  method: 'get',
  path: '/api/workspaces/:workspaceId/audit',
  summary: 'The audit log, newest first',
  params: WorkspaceParams,
  query: AuditQuery,
  status: 200,
  response: AuditLog,
})
