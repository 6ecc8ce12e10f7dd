import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { Role } from './role'
import { Timestamp } from './text'
import { VerifiedIdentity } from './verified-identity'

/** What the audit log records. Append new types at the end; stored rows keep their type names. */
export const AuditEventType = z.enum([
  'workspace-created',
  'member-joined',
  'member-removed',
  'member-left',
  'party-added',
  'party-removed',
  'invite-created',
  'invite-rotated',
  'invite-revoked',
  'document-created',
  'document-deleted',
  'version-saved',
  'version-approved',
  'document-frozen',
  'document-unfrozen',
  'initiative-recorded',
  'vocabulary-changed',
  'reference-recorded',
  'decision-maker-changed',
  'decision-recorded',
  'version-recommended',
])
export type AuditEventType = z.infer<typeof AuditEventType>

/** Who did it, as they were at the time (a later removal does not rewrite history). */
export const AuditActor = lazySchema(() =>
  z.object({
    memberId: EntityId,
    name: z.string(),
    partyId: EntityId,
    partyName: z.string(),
    role: Role,
    /** The organisation account the member is signed in with, when they are. */
    identity: z.optional(VerifiedIdentity),
  }),
)
export type AuditActor = z.infer<typeof AuditActor>

/** What it was done to: a member, party, invite or document, with a readable label. */
export const AuditSubject = lazySchema(() =>
  z.object({
    kind: z.enum(['workspace', 'member', 'party', 'invite', 'document', 'version']),
    id: EntityId,
    label: z.string(),
  }),
)
export type AuditSubject = z.infer<typeof AuditSubject>

/** One entry of a workspace's append-only audit log. */
export const AuditEvent = lazySchema(() =>
  z.object({
    seq: z.number().check(z.int(), z.positive()),
    at: Timestamp,
    type: AuditEventType,
    actor: z.nullable(AuditActor),
    subject: z.nullable(AuditSubject),
  }),
)
export type AuditEvent = z.infer<typeof AuditEvent>
