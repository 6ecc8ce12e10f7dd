import * as z from 'zod/mini'
import { EntityId } from './entity-id'
import { lazySchema } from './lazy-schema'
import { TemplateId } from './template-id'
import { singleLine, Timestamp } from './text'

export const DocumentTitle = singleLine(200)

/** A document frozen for signing: nobody's edits are applied until a facilitator unfreezes it. */
export const DocumentFreeze = lazySchema(() => z.object({ at: Timestamp, by: z.string() }))
export type DocumentFreeze = z.infer<typeof DocumentFreeze>

/** A document's entry in its workspace's registry; its content syncs at `/sync/:id`. */
export const DocumentRecord = lazySchema(() =>
  z.object({
    id: EntityId,
    workspaceId: EntityId,
    template: TemplateId,
    title: z.string(),
    createdAt: Timestamp,
    createdBy: z.nullable(EntityId),
    frozen: z.nullable(DocumentFreeze),
  }),
)
export type DocumentRecord = z.infer<typeof DocumentRecord>
