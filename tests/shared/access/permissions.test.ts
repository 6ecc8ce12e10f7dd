import { describe, expect, it } from 'vitest'
import { type Action, can } from '../../../shared/access/permissions'

describe('can(role, action)', () => {
  it('a viewer may only read', () => {
    const actions: Action[] = [
      'document.edit',
      'document.create',
      'invite.manage',
      'party.manage',
      'workspace.delete',
    ]
    for (const action of actions) expect(can('viewer', action), action).toBe(false)
    expect(can('viewer', 'workspace.read')).toBe(true)
  })

  it('a participant co-edits and creates documents but does not run the workspace', () => {
    expect(can('participant', 'document.edit')).toBe(true)
    expect(can('participant', 'document.create')).toBe(true)
    for (const action of [
      'invite.manage',
      'party.manage',
      'member.remove',
      'document.delete',
      'workspace.delete',
    ] as const) {
      expect(can('participant', action), action).toBe(false)
    }
  })

  it('a facilitator may do everything', () => {
    for (const action of [
      'invite.manage',
      'party.manage',
      'member.remove',
      'document.delete',
      'workspace.delete',
    ] as const) {
      expect(can('facilitator', action), action).toBe(true)
    }
  })
})
