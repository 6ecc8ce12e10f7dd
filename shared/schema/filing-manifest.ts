import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { Party } from './party'
import { TemplateId } from './template-id'
import { Timestamp } from './text'
import { VerifiedIdentity } from './verified-identity'
import { Sha256 } from './version'

/** One file of a filing bundle, with the SHA-256 of its bytes so a registrar can check it later. */
export const FiledFile = lazySchema(() =>
  z.object({
    name: z.string(),
    contentType: z.string(),
    bytes: z.number().check(z.int(), z.nonnegative()),
    sha256: Sha256,
  }),
)
export type FiledFile = z.infer<typeof FiledFile>

/**
 * `manifest.json` of a filing bundle: everything a registrar needs to diarieföra a saved version — whose
 * partnership, which document and version, who saved and who approved it, and a hash of every file.
 */
export const FilingManifest = lazySchema(() =>
  z.object({
    format: z.literal('samverkstad-filing/1'),
    bundledAt: Timestamp,
    workspace: z.object({ id: EntityId, name: z.string() }),
    parties: z.array(Party),
    /** Each party's diarienummer: for this document, and for the partnership as a whole (null: none given). */
    references: z.array(
      z.object({
        partyId: EntityId,
        party: z.string(),
        document: z.nullable(z.string()),
        workspace: z.nullable(z.string()),
      }),
    ),
    document: z.object({ id: EntityId, title: z.string() }),
    template: z.object({
      id: TemplateId,
      version: z.number().check(z.int(), z.positive()),
      title: z.string(),
    }),
    version: z.object({
      number: z.number().check(z.int(), z.positive()),
      label: z.string(),
      note: z.string(),
      createdAt: Timestamp,
      createdBy: z.object({ name: z.string(), party: z.string() }),
      /** SHA-256 of the canonical JSON of the version's value, as recorded when it was saved. */
      valueSha256: Sha256,
    }),
    approvals: z.array(
      z.object({
        party: z.string(),
        name: z.string(),
        at: Timestamp,
        identity: z.optional(VerifiedIdentity),
      }),
    ),
    agreedByAllParties: z.boolean(),
    /** Each party's formal decision on the version, as recorded by its decision-maker. */
    decisions: z.array(
      z.object({
        party: z.string(),
        body: z.string(),
        date: z.string(),
        paragraph: z.string(),
        recordedBy: z.string(),
        identity: z.optional(VerifiedIdentity),
      }),
    ),
    files: z.array(FiledFile),
  }),
)
export type FilingManifest = z.infer<typeof FilingManifest>
