import * as z from 'zod/mini'
import { lazySchema } from './lazy-schema'

/** A run of text in a diff: unchanged, inserted or deleted. */
export const DiffTextPart = lazySchema(() =>
  z.object({ type: z.enum(['same', 'added', 'removed']), text: z.string() }),
)

/** A revision to compare: a version number, or the document as it is now. */
export const Revision = lazySchema(() =>
  z.union([z.coerce.number().check(z.int(), z.positive()), z.literal('live')]),
)
export type Revision = z.infer<typeof Revision>

/** `GET /api/documents/:id/diff`: what changed, field by field (only changed fields are listed). */
export const DiffResponse = lazySchema(() =>
  z.object({
    from: Revision,
    to: Revision,
    fields: z.array(
      z.object({
        fieldId: z.string(),
        kind: z.string(),
        /** Text fields: word-level parts. */
        text: z.optional(z.array(DiffTextPart)),
        /** Lists, tables, checklists and budgets: the rows that were added, removed or changed. */
        rows: z.optional(
          z.array(
            z.object({
              id: z.string(),
              type: z.enum(['added', 'removed', 'changed']),
              parts: z.array(DiffTextPart),
            }),
          ),
        ),
      }),
    ),
  }),
)
export type DiffResponse = z.infer<typeof DiffResponse>
