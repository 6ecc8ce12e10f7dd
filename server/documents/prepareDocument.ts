import { initialDocumentValue } from '../../shared/document/field-value'
import type { DocumentRecord } from '../../shared/schema/document-record'
import type { TemplateRegistry } from '../../shared/templates'
import { type TemplateMigrations, upgradeDocument } from '../../shared/templates/migrations'
import { readMeta, writeDocument } from '../../shared/ydoc/document-ydoc'
import type { Logger } from '../logger'
import type { WorkspaceStore } from '../storage/port'
import type { Room } from '../sync/Room'

export interface DocumentPreparerOptions {
  readonly workspaces: Pick<WorkspaceStore, 'getDocument'>
  readonly templates: TemplateRegistry
  readonly migrations: TemplateMigrations
  readonly logger: Logger
}

/** Runs when a room has been read from storage, before any socket sees it. */
export type DocumentPreparer = (room: Room) => Promise<DocumentRecord | null>

/**
 * The room load hook for documents: one opened for the first time gets its template's initial content; one
 * written with an older template version is upgraded. Both happen as server changes, stored before anyone
 * sees them. Resolves with the document's record (null for a room that is no document's content, e.g. a
 * café's control room), so the caller need not read it again.
 */
export const makeDocumentPreparer = ({
  workspaces,
  templates,
  migrations,
  logger,
}: DocumentPreparerOptions): DocumentPreparer =>
  async function prepareDocument(room) {
    const document = await workspaces.getDocument(room.docId)
    if (document === null) return null
    const template = templates[document.template]
    if (template === undefined) return document
    await room.applyServerChange((doc) => {
      if (readMeta(doc) === null) {
        writeDocument(doc, template, initialDocumentValue(template))
        return
      }
      const result = upgradeDocument(doc, template, migrations)
      if (result.kind === 'refused') {
        logger.error({ docId: room.docId, reason: result.reason }, 'document not upgraded')
      } else if (result.kind === 'upgraded') {
        logger.info({ docId: room.docId, from: result.from, to: result.to }, 'document upgraded')
      }
    })
    return document
  }
