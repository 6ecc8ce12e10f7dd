import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { TemplateId } from './template-id'
import { multiLine, singleLine, Timestamp } from './text'
import { VerifiedIdentity } from './verified-identity'

/** Who saved a version, as they were then. */
export const VersionAuthor = lazySchema(() =>
  z.object({
    memberId: EntityId,
    name: z.string(),
    partyId: EntityId,
    partyName: z.string(),
  }),
)
export type VersionAuthor = z.infer<typeof VersionAuthor>

export const Sha256 = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hexadecimal characters'))

/** A party's position on a version (ställningstagande), given by one of its members. */
export const Approval = lazySchema(() =>
  z.object({
    partyId: EntityId,
    partyName: z.string(),
    memberId: EntityId,
    name: z.string(),
    at: Timestamp,
    /** The organisation account the member was signed in with, when they were. */
    identity: z.optional(VerifiedIdentity),
  }),
)
export type Approval = z.infer<typeof Approval>

/**
 * A party's formal decision on a version: the body that decided, when, and under which paragraph of its
 * minutes ("Stadsdelsnämnden 2027-03-14 § 12"), recorded by one of the party's decision-makers.
 */
export const VersionDecision = lazySchema(() =>
  z.object({
    partyId: EntityId,
    partyName: z.string(),
    body: z.string().check(z.trim(), z.minLength(1, 'say which body decided'), z.maxLength(120)),
    date: z.iso.date(),
    paragraph: z.string().check(z.trim(), z.maxLength(20)),
    recordedBy: z.string(),
    at: Timestamp,
    /** The organisation account of the member who recorded it, when they were signed in with one. */
    identity: z.optional(VerifiedIdentity),
  }),
)
export type VersionDecision = z.infer<typeof VersionDecision>

/** `POST /api/documents/:id/versions/:n/decisions`: one's own party's decision on a version. */
export const RecordDecisionRequest = lazySchema(() =>
  z.pick(VersionDecision.unwrap(), { partyId: true, body: true, date: true, paragraph: true }),
)
export type RecordDecisionRequest = z.infer<typeof RecordDecisionRequest>

/** A decision as one line: "Stadsdelsnämnden 2027-03-14 § 12". */
export const decisionLine = (decision: Pick<VersionDecision, 'body' | 'date' | 'paragraph'>): string =>
  [decision.body, decision.date, decision.paragraph].filter((part) => part !== '').join(' ')

/** A saved version as listed: immutable, numbered 1, 2, 3… per document. */
export const VersionSummary = lazySchema(() =>
  z.object({
    documentId: EntityId,
    number: z.number().check(z.int(), z.positive()),
    label: z.string(),
    note: z.string(),
    createdAt: Timestamp,
    createdBy: VersionAuthor,
    /** SHA-256 of the canonical JSON of the document's value (shared/document/canonical-json.ts). */
    sha256: Sha256,
    template: TemplateId,
    templateVersion: z.number().check(z.int(), z.positive()),
  }),
)
export type VersionSummary = z.infer<typeof VersionSummary>

/** A version with its approvals, and whether every party of the partnership has approved it. */
export const VersionView = lazySchema(() =>
  z.extend(VersionSummary.unwrap(), {
    approvals: z.array(Approval),
    /** Each party's formal decision on the version, once recorded. */
    decisions: z.array(VersionDecision),
    /** Members who are not their party's decision-makers recommend that it approve (as many as want to). */
    recommendations: z.array(Approval),
    agreedByAllParties: z.boolean(),
    /** The stored value still matches `sha256` (false: changed after it was saved; it will not be served). */
    intact: z.boolean(),
  }),
)
export type VersionView = z.infer<typeof VersionView>

/** `POST /api/documents/:id/versions`. */
export const SaveVersionRequest = lazySchema(() =>
  z.object({
    label: singleLine(200),
    note: z.optional(multiLine(2_000)),
  }),
)
export type SaveVersionRequest = z.infer<typeof SaveVersionRequest>

export const VersionList = lazySchema(() => z.object({ versions: z.array(VersionView) }))

/** \`POST /api/documents/:id/versions/:n/approvals\`: always for the member's own party (partyId only confirms it). */
export const ApproveVersionRequest = lazySchema(() => z.object({ partyId: z.optional(EntityId) }))
