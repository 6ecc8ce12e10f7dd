import * as workspaceApi from '../../shared/api/workspace-routes'
import { ApiError } from '../errors/ApiError'
import type { MemberRecord } from '../storage/port'
import type { WorkspaceService } from '../workspaces/WorkspaceService'
import { type ApiRoute, defineRoute, routeDocument } from './ApiRoute'

/** Member routes are only reached with a member (mountApiRoutes authorises first). */
const the = (member: MemberRecord | null): MemberRecord => {
  if (member === null) throw new ApiError('unauthorized', 'no session')
  return member
}

/** The workspace API: workspaces, parties, members, invites, the document registry and the audit log. */
export const workspaceRoutes = (service: WorkspaceService): ApiRoute[] => [
  defineRoute(workspaceApi.createWorkspace, {
    access: 'creator',
    cookie: 'set',
    handle: ({ body, origin, account }) => service.createWorkspace(body, origin, account),
  }),
  defineRoute(workspaceApi.previewInvite, {
    access: 'public',
    handle: ({ params }) => service.previewInvite(params.token),
  }),
  defineRoute(workspaceApi.join, {
    access: 'public',
    cookie: 'set',
    handle: ({ body, account }) => service.join(body, account),
  }),
  defineRoute(workspaceApi.getWorkspace, {
    access: 'workspace.read',
    handle: ({ member }) => service.view(the(member)),
  }),
  defineRoute(workspaceApi.deleteWorkspace, {
    access: 'workspace.delete',
    cookie: 'clear',
    handle: ({ member }) => service.deleteWorkspace(the(member)),
  }),
  defineRoute(workspaceApi.getVocabulary, {
    access: 'workspace.read',
    handle: ({ params }) => service.vocabulary(params.workspaceId),
  }),
  defineRoute(workspaceApi.setVocabulary, {
    access: 'workspace.manage',
    handle: ({ member, body }) => service.setVocabulary(the(member), body.terms),
  }),
  defineRoute(workspaceApi.listReferences, {
    access: 'workspace.read',
    handle: ({ params }) => service.references(params.workspaceId),
  }),
  defineRoute(workspaceApi.setReference, {
    access: 'version.save',
    handle: ({ member, body }) => service.setReference(the(member), body),
  }),
  defineRoute(workspaceApi.setInitiative, {
    access: 'workspace.manage',
    handle: ({ member, body }) => service.setInitiativeParty(the(member), body.partyId),
  }),
  defineRoute(workspaceApi.listParties, {
    access: 'workspace.read',
    handle: async ({ member }) => ({ parties: await service.listParties(the(member)) }),
  }),
  defineRoute(workspaceApi.addParty, {
    access: 'party.manage',
    handle: ({ member, body }) => service.addParty(the(member), body),
  }),
  defineRoute(workspaceApi.removeParty, {
    access: 'party.manage',
    handle: ({ member, params }) => service.removeParty(the(member), params.partyId),
  }),
  defineRoute(workspaceApi.listMembers, {
    access: 'workspace.read',
    handle: async ({ member }) => ({ members: await service.listMembers(the(member)) }),
  }),
  defineRoute(workspaceApi.addMember, {
    access: 'member.add',
    handle: ({ member, body }) => service.addMember(the(member), body),
  }),
  defineRoute(workspaceApi.setDecisionMaker, {
    access: 'version.save',
    handle: ({ member, params, body }) =>
      service.setDecisionMaker(the(member), params.memberId, body.decisionMaker),
  }),
  defineRoute(workspaceApi.removeMember, {
    access: 'workspace.read',
    handle: ({ member, params }) => service.removeMember(the(member), params.memberId),
  }),
  defineRoute(workspaceApi.listInvites, {
    access: 'invite.manage',
    handle: async ({ member }) => ({ invites: await service.listInvites(the(member)) }),
  }),
  defineRoute(workspaceApi.createInvite, {
    access: 'invite.manage',
    handle: ({ member, body, origin }) => service.createInvite(the(member), body.role, origin),
  }),
  defineRoute(workspaceApi.rotateInvite, {
    access: 'invite.manage',
    handle: ({ member, params, origin }) => service.rotateInvite(the(member), params.inviteId, origin),
  }),
  defineRoute(workspaceApi.revokeInvite, {
    access: 'invite.manage',
    handle: ({ member, params }) => service.revokeInvite(the(member), params.inviteId),
  }),
  defineRoute(workspaceApi.listDocuments, {
    access: 'workspace.read',
    handle: async ({ member }) => ({ documents: await service.listDocuments(the(member)) }),
  }),
  defineRoute(workspaceApi.createDocument, {
    access: 'document.create',
    handle: ({ member, body }) => service.createDocument(the(member), body),
  }),
  defineRoute(workspaceApi.deleteDocument, {
    access: 'document.delete',
    handle: ({ member, params }) => service.deleteDocument(the(member), params.documentId),
  }),
  defineRoute(workspaceApi.getDocument, {
    access: 'workspace.read',
    handle: async ({ document }) => routeDocument(document),
  }),
  defineRoute(workspaceApi.freezeDocument, {
    access: 'document.freeze',
    handle: ({ member, params }) => service.setFrozen(the(member), params.documentId, true),
  }),
  defineRoute(workspaceApi.unfreezeDocument, {
    access: 'document.freeze',
    handle: ({ member, params }) => service.setFrozen(the(member), params.documentId, false),
  }),
  defineRoute(workspaceApi.getAudit, {
    access: 'audit.read',
    handle: async ({ member, query }) => ({ events: await service.audit(the(member), query) }),
  }),
]
