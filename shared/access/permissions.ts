import type { Role } from '../schema/role'

/** Everything the server authorises, by name. Routes and sockets ask `can(role, action)`. */
export type Action =
  | 'workspace.read'
  | 'workspace.manage'
  | 'workspace.delete'
  | 'party.manage'
  | 'member.add'
  | 'member.remove'
  | 'invite.manage'
  | 'document.create'
  | 'document.delete'
  | 'document.edit'
  | 'audit.read'
  | 'screen.control'
  | 'version.save'
  | 'version.approve'
  | 'document.freeze'
  | 'cafe.facilitate'

const facilitator: ReadonlySet<Action> = new Set<Action>([
  'workspace.read',
  'workspace.manage',
  'workspace.delete',
  'party.manage',
  'member.add',
  'member.remove',
  'invite.manage',
  'document.create',
  'document.delete',
  'document.edit',
  'audit.read',
  'screen.control',
  'version.save',
  'version.approve',
  'document.freeze',
  'cafe.facilitate',
])
const participant: ReadonlySet<Action> = new Set<Action>([
  'workspace.read',
  'version.save',
  'version.approve',
  'document.create',
  'document.edit',
  'audit.read',
])
const viewer: ReadonlySet<Action> = new Set<Action>(['workspace.read', 'audit.read'])

const grants: Readonly<Record<Role, ReadonlySet<Action>>> = { facilitator, participant, viewer }

/**
 * Whether a member with `role` may perform `action`. The server decides with this; the client uses the
 * same function only to hide controls that would be refused.
 *
 * @example
 * can('viewer', 'document.edit') // false
 */
export const can = (role: Role, action: Action): boolean => grants[role].has(action)
