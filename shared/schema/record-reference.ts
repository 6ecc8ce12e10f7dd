import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'

/**
 * A party's own reference for the partnership or one of its documents (*diarienummer*: the municipality's
 * dnr, the association's own reference), printed in every export's records header and the filing bundle.
 * `documentId` null: the reference for the whole workspace.
 */
export const RecordReference = lazySchema(() =>
  z.object({
    documentId: z.nullable(EntityId),
    partyId: EntityId,
    reference: z.string().check(z.minLength(1), z.maxLength(60)),
  }),
)
export type RecordReference = z.infer<typeof RecordReference>

/** A party records (or, with `reference: null` or blank, removes) its reference. */
export const SetRecordReferenceRequest = lazySchema(() =>
  z.object({
    documentId: z.nullable(EntityId),
    partyId: EntityId,
    reference: z.pipe(
      z.nullable(z.string().check(z.trim(), z.maxLength(60, 'a diarienummer is at most 60 characters'))),
      z.transform((value) => (value === '' ? null : value)),
    ),
  }),
)
export type SetRecordReferenceRequest = z.infer<typeof SetRecordReferenceRequest>

export const RecordReferences = lazySchema(() => z.object({ references: z.array(RecordReference) }))
export type RecordReferences = z.infer<typeof RecordReferences>

/** A party's reference for a document: its own for the document, else its own for the workspace. */
export const referenceFor = (
  references: readonly RecordReference[],
  partyId: string,
  documentId: string,
): string | null =>
  references.find((entry) => entry.partyId === partyId && entry.documentId === documentId)?.reference ??
  references.find((entry) => entry.partyId === partyId && entry.documentId === null)?.reference ??
  null
