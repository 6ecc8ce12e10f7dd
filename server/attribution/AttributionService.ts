import { type DocumentAttribution, partyShares } from '../../shared/attribution/party-shares'
import { textAuthorship } from '../../shared/attribution/text-authorship'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { fieldsOf } from '../../shared/templates/template'
import type { DocumentService } from '../documents/DocumentService'
import type { WorkspaceStore } from '../storage/port'

/**
 * "Equal voice": how much of a document's text each party wrote. Authorship comes from the server's record
 * of which member first wrote with each Yjs client id on an authenticated socket — never from what clients
 * say about themselves.
 */
export class AttributionService {
  constructor(
    private readonly options: { readonly documents: DocumentService; readonly workspaces: WorkspaceStore },
  ) {}

  async ofDocument(document: DocumentRecord): Promise<DocumentAttribution> {
    const [parties, owners] = await Promise.all([
      this.options.workspaces.listParties(document.workspaceId),
      this.options.documents.clientOwners(document),
    ])
    const fieldIds = new Set(fieldsOf(this.options.documents.templateOf(document)).map((field) => field.id))
    // One top-level type per field ("f:<id>"), plus "f:<id>:<part>" for the parts of checklists and budgets.
    const fieldOf = (typeName: string): string | null => {
      const id = typeName.startsWith('f:') ? typeName.slice(2).split(':')[0] : undefined
      return id !== undefined && fieldIds.has(id) ? id : null
    }
    const authorship = await this.options.documents.readDoc(document, (doc) =>
      textAuthorship(doc, (client) => owners.get(client)?.partyId ?? null),
    )
    return partyShares(
      authorship,
      parties.map((party) => party.id),
      fieldOf,
    )
  }
}
