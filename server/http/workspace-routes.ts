import { z } from 'zod'
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
  WorkspaceView,
} from '../../shared/api/workspace-api'
import { DocumentRecord } from '../../shared/schema/document-record'
import { EntityId } from '../../shared/schema/entity-id'
import { InviteLink } from '../../shared/schema/invite'
import { Party } from '../../shared/schema/party'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord } from '../storage/port'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute } from './api-route'

const WorkspaceParams = z.object({ workspaceId: EntityId })
const PartyParams = WorkspaceParams.extend({ partyId: EntityId })
const MemberParams = WorkspaceParams.extend({ memberId: EntityId })
const InviteParams = WorkspaceParams.extend({ inviteId: EntityId })
const DocumentParams = z.object({ documentId: EntityId })
const WorkspaceDocumentParams = WorkspaceParams.extend({ documentId: EntityId })
const InviteTokenParams = z.object({ token: z.string().min(1).max(200) })

/** Member routes are only reached with a member (mountApiRoutes authorises first). */
const the = (member: MemberRecord | null): MemberRecord => {
  if (member === null) throw new ApiError('unauthorized', 'no session')
  return member
}

/** The workspace API: workspaces, parties, members, invites, the document registry and the audit log. */
export const workspaceRoutes = (service: WorkspaceService): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/workspaces',
    summary: 'Create a workspace for a partnership; the creator becomes its first facilitator',
    access: 'creator',
    body: CreateWorkspaceRequest,
    status: 201,
    response: CreateWorkspaceResponse,
    cookie: 'set',
    handle: ({ body, origin }) => service.createWorkspace(body, origin),
  }),
  defineRoute({
    method: 'get',
    path: '/api/invites/:token',
    summary: 'What an invite link leads to: the partnership, its parties and the role it gives',
    access: 'public',
    params: InviteTokenParams,
    status: 200,
    response: InvitePreview,
    handle: ({ params }) => service.previewInvite(params.token),
  }),
  defineRoute({
    method: 'post',
    path: '/api/join',
    summary: 'Join a workspace through an invite: display name and the party you represent',
    access: 'public',
    body: JoinRequest,
    status: 201,
    response: JoinResponse,
    cookie: 'set',
    handle: ({ body }) => service.join(body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId',
    summary: 'The workspace with its parties, members and documents',
    access: 'workspace.read',
    params: WorkspaceParams,
    status: 200,
    response: WorkspaceView,
    handle: ({ member }) => service.view(the(member)),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/workspaces/:workspaceId',
    summary: 'Delete the workspace and everything in it: documents, versions, members, audit log',
    access: 'workspace.delete',
    params: WorkspaceParams,
    status: 204,
    cookie: 'clear',
    handle: ({ member }) => service.deleteWorkspace(the(member)),
  }),
  defineRoute({
    method: 'put',
    path: '/api/workspaces/:workspaceId/initiative',
    summary: 'Record which party the initiative came from (a procurement indicator)',
    access: 'workspace.manage',
    params: WorkspaceParams,
    body: SetInitiativeRequest,
    status: 204,
    handle: ({ member, body }) => service.setInitiativeParty(the(member), body.partyId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/parties',
    summary: 'The parties of the partnership',
    access: 'workspace.read',
    params: WorkspaceParams,
    status: 200,
    response: PartyList,
    handle: async ({ member }) => ({ parties: await service.listParties(the(member)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/parties',
    summary: 'Add a party',
    access: 'party.manage',
    params: WorkspaceParams,
    body: AddPartyRequest,
    status: 201,
    response: Party,
    handle: ({ member, body }) => service.addParty(the(member), body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/workspaces/:workspaceId/parties/:partyId',
    summary: 'Remove a party no member represents (a partnership keeps one public and one non-profit party)',
    access: 'party.manage',
    params: PartyParams,
    status: 204,
    handle: ({ member, params }) => service.removeParty(the(member), params.partyId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/members',
    summary: 'The members, their parties and roles',
    access: 'workspace.read',
    params: WorkspaceParams,
    status: 200,
    response: MemberList,
    handle: async ({ member }) => ({ members: await service.listMembers(the(member)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/members',
    summary:
      'Add a member directly (a shared-screen device, someone without the link); answers with their session',
    access: 'member.add',
    params: WorkspaceParams,
    body: AddMemberRequest,
    status: 201,
    response: AddMemberResponse,
    handle: ({ member, body }) => service.addMember(the(member), body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/workspaces/:workspaceId/members/:memberId',
    summary: 'Remove a member (facilitators), or leave (your own id); their open connections close',
    access: 'workspace.read',
    params: MemberParams,
    status: 204,
    handle: ({ member, params }) => service.removeMember(the(member), params.memberId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/invites',
    summary: 'The invites, active and withdrawn (their links are shown only when created)',
    access: 'invite.manage',
    params: WorkspaceParams,
    status: 200,
    response: InviteList,
    handle: async ({ member }) => ({ invites: await service.listInvites(the(member)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/invites',
    summary: 'Create an invite link for a role',
    access: 'invite.manage',
    params: WorkspaceParams,
    body: CreateInviteRequest,
    status: 201,
    response: InviteLink,
    handle: ({ member, body, origin }) => service.createInvite(the(member), body.role, origin),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/invites/:inviteId/rotate',
    summary: 'Replace an invite link with a new one; members who joined through it stay',
    access: 'invite.manage',
    params: InviteParams,
    status: 201,
    response: InviteLink,
    handle: ({ member, params, origin }) => service.rotateInvite(the(member), params.inviteId, origin),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/workspaces/:workspaceId/invites/:inviteId',
    summary: 'Withdraw an invite: its link stops working and everyone who joined through it is removed',
    access: 'invite.manage',
    params: InviteParams,
    status: 200,
    response: z.object({ removedMembers: z.array(EntityId) }),
    handle: ({ member, params }) => service.revokeInvite(the(member), params.inviteId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/documents',
    summary: "The workspace's documents",
    access: 'workspace.read',
    params: WorkspaceParams,
    status: 200,
    response: DocumentList,
    handle: async ({ member }) => ({ documents: await service.listDocuments(the(member)) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/workspaces/:workspaceId/documents',
    summary: 'Create a document from a template; it syncs at /sync/:id',
    access: 'document.create',
    params: WorkspaceParams,
    body: CreateDocumentRequest,
    status: 201,
    response: DocumentRecord,
    handle: ({ member, body }) => service.createDocument(the(member), body),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/workspaces/:workspaceId/documents/:documentId',
    summary: 'Delete a document and its content',
    access: 'document.delete',
    params: WorkspaceDocumentParams,
    status: 204,
    handle: ({ member, params }) => service.deleteDocument(the(member), params.documentId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/documents/:documentId',
    summary: "A document's registry entry",
    access: 'workspace.read',
    params: DocumentParams,
    status: 200,
    response: DocumentRecord,
    handle: async ({ params }) => {
      const document = await service.findDocument(params.documentId)
      if (document === null) throw new ApiError('not-found', 'no such document')
      return document
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/documents/:documentId/freeze',
    summary: 'Freeze a document for signing: nobody’s edits are applied until it is unfrozen',
    access: 'document.freeze',
    params: DocumentParams,
    status: 200,
    response: DocumentRecord,
    handle: ({ member, params }) => service.setFrozen(the(member), params.documentId, true),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/documents/:documentId/freeze',
    summary: 'Unfreeze a document: edits are applied again',
    access: 'document.freeze',
    params: DocumentParams,
    status: 200,
    response: DocumentRecord,
    handle: ({ member, params }) => service.setFrozen(the(member), params.documentId, false),
  }),
  defineRoute({
    method: 'get',
    path: '/api/workspaces/:workspaceId/audit',
    summary: 'The audit log, newest first',
    access: 'audit.read',
    params: WorkspaceParams,
    query: AuditQuery,
    status: 200,
    response: AuditLog,
    handle: async ({ member, query }) => ({ events: await service.audit(the(member), query) }),
  }),
]
