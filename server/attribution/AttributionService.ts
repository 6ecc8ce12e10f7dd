import type { ClientAuthors } from '../../shared/attribution/client-authors'
import {
  type CafeRoundAttribution,
  type DocumentAttribution,
  partyShares,
  sharesOf,
} from '../../shared/attribution/party-shares'
import { textAuthorship } from '../../shared/attribution/text-authorship'
import { readCafeControl } from '../../shared/cafe/cafe-control'
import { roundsBegun } from '../../shared/cafe/cafe-record'
import { controlRoomId, noteRoomId } from '../../shared/cafe/control-room'
import { entryClient, readHarvest } from '../../shared/cafe/harvest'
import type { DocumentRecord } from '../../shared/schema/document-record'
import { fieldsOf } from '../../shared/templates/template'
import type { DocumentService } from '../documents/DocumentService'
import type { LiveDocuments } from '../documents/LiveDocuments'
import type { ClientOwner, WorkspaceStore } from '../storage/port'
import { SERVER_OWNER } from './ClientOwnership'

/**
 * "Equal voice": how much of a document's text each party wrote. Authorship comes from the server's record
 * of which member first wrote with each Yjs client id on an authenticated socket — never from what clients
 * say about themselves.
 */
export class AttributionService {
  constructor(
    private readonly options: {
      readonly documents: DocumentService
      readonly live: LiveDocuments
      readonly workspaces: WorkspaceStore
    },
  ) {}

  /** Each Yjs client id's party, as recorded when its member first wrote with it (the server's have none). */
  async authors(document: DocumentRecord): Promise<ClientAuthors> {
    const owners = await this.options.documents.clientOwners(document)
    return {
      authors: [...owners]
        .filter(([, owner]) => owner.memberId !== SERVER_OWNER.memberId)
        .map(([client, owner]) => ({ client, partyId: owner.partyId }))
        .sort((a, b) => a.client - b.client),
    }
  }

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
    const shares = partyShares(
      authorship,
      parties.map((party) => party.id),
      fieldOf,
    )
    if (document.template !== 'cafe') return shares
    return {
      ...shares,
      cafeRounds: await this.cafeRounds(
        document,
        parties.map((party) => party.id),
        owners,
      ),
    }
  }

  /**
   * Per café round: the parties' shares of all the tables' notes (from each note room's own record of who
   * wrote with which client id) and how many idea cards from that round each party's people wrote (the card's
   * writer, not the name it carries).
   */
  private async cafeRounds(
    document: DocumentRecord,
    parties: readonly string[],
    owners: ReadonlyMap<number, ClientOwner>,
  ): Promise<CafeRoundAttribution[]> {
    const { documents, live } = this.options
    const control = await live.read(controlRoomId(document.id), readCafeControl)
    const members = await this.options.workspaces.listMembers(document.workspaceId)
    const partyOfMember = new Map(members.map((member) => [member.id, member.partyId]))
    const harvest = await documents.readDoc(document, (doc) =>
      readHarvest(doc, (map, key) => {
        const client = entryClient(doc, map, key)
        return client === null ? null : (owners.get(client)?.memberId ?? null)
      }),
    )
    const tables = (control.seating?.rounds ?? []).slice(0, roundsBegun(control))
    return Promise.all(
      tables.map(async (seated, round) => {
        const counts = new Map<string | null, number>()
        for (let table = 0; table < seated.length; table++) {
          const room = noteRoomId(document.id, round, table)
          const noteOwners = await live.clientOwners(room)
          const authorship = await live.read(room, (doc) =>
            textAuthorship(doc, (client) => noteOwners.get(client)?.partyId ?? null),
          )
          for (const byAuthor of authorship.values()) {
            for (const [author, characters] of byAuthor)
              counts.set(author, (counts.get(author) ?? 0) + characters)
          }
        }
        const cards = harvest.cards.filter((card) => card.round === round)
        return {
          round: round + 1,
          notes: sharesOf(counts, parties),
          cards: parties.map((partyId) => ({
            partyId,
            cards: cards.filter((card) => partyOfMember.get(card.memberId) === partyId).length,
          })),
        }
      }),
    )
  }
}
