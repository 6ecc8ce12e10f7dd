import { z } from 'zod'
import { EntityId } from './entity-id'
import { TemplateId } from './template-id'
import { singleLine, Timestamp } from './text'

export const DocumentTitle = singleLine(200)

/** A document's entry in its workspace's registry; its content syncs at `/sync/:id`. */
export const DocumentRecord = z.object({
  id: EntityId,
  workspaceId: EntityId,
  template: TemplateId,
  title: z.string(),
  createdAt: Timestamp,
  createdBy: EntityId.nullable(),
})
export type DocumentRecord = z.infer<typeof DocumentRecord>
