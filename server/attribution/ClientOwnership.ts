import * as Y from 'yjs'
import type { Logger } from '../logger'
import type { ClientOwner, DocumentStore } from '../storage/port'
import { soleClientOf } from '../sync/soleClientOf'
import { APPLY, type WriteTarget, type WriteVerdict } from '../sync/WritePolicy'

/**
 * The owner recorded for client ids the server writes under (initial texts, template upgrades, restores,
 * Yjs's own clean-ups): no member, no party. Nobody can claim such an id, and its text counts for no party.
 */
export const SERVER_OWNER: ClientOwner = { memberId: 'server', partyId: 'server' }

export interface ClientOwnershipOptions {
  readonly store: Pick<DocumentStore, 'clientOwners' | 'claimClients'>
  readonly logger: Logger
}

/**
 * Who first wrote with each Yjs client id of each loaded document, so that attribution (Jämlik röst, who
 * wrote a harvest card) does not depend on trusting clients: the first member to add content under a client
 * id owns it, and new content under a client id another member owns is refused. Loaded with its room
 * (`load` from the registry's load hook) and dropped when the room unloads (`forget`).
 */
export class ClientOwnership {
  private readonly loaded = new Map<string, Map<number, ClientOwner>>()

  constructor(private readonly options: ClientOwnershipOptions) {}

  /**
   * Reads a document's recorded owners; runs before any socket of its room may write. `serverClient` is the
   * client id the loaded room itself writes under: the server's from now on, whether or not it writes.
   */
  async load(docId: string, serverClient?: number): Promise<void> {
    const owners = await this.options.store.clientOwners(docId)
    // Claims made while this read was under way (the room's own first write) are kept.
    for (const [client, owner] of this.loaded.get(docId) ?? [])
      if (!owners.has(client)) owners.set(client, owner)
    if (serverClient !== undefined && !owners.has(serverClient)) owners.set(serverClient, SERVER_OWNER)
    this.loaded.set(docId, owners)
  }

  /**
   * Records a client id the server writes under as the server's, in the store (before the content it
   * writes, so a restart cannot leave that content unowned) and in memory if the document is loaded.
   */
  async claimForServer(docId: string, client: number): Promise<void> {
    const claim = new Map([[client, SERVER_OWNER]])
    const owners = this.loaded.get(docId)
    owners?.set(client, SERVER_OWNER)
    const stored = await this.options.store.claimClients(docId, claim)
    for (const [id, owner] of stored) owners?.set(id, owner)
  }

  forget(docId: string): void {
    this.loaded.delete(docId)
  }

  /** The recorded owners, with the newest claims of the document's room if it is loaded here. */
  async ownersOf(docId: string): Promise<Map<number, ClientOwner>> {
    const owners = await this.options.store.clientOwners(docId)
    for (const [client, owner] of this.loaded.get(docId) ?? [])
      if (!owners.has(client)) owners.set(client, owner)
    return owners
  }

  /**
   * Whether `author` may add what `update` adds to the room: content under a client id first used by another
   * member is refused (the socket is closed with 4409), and a client id seen for the first time becomes the
   * author's. Content the room already has passes whoever relays it, so a client may resend what it was sent.
   */
  check(target: WriteTarget, author: ClientOwner, update: Uint8Array): WriteVerdict {
    const owners = this.loaded.get(target.docId)
    // The load hook runs before any socket joins: a room without owners here failed to load them.
    if (owners === undefined) {
      return { kind: 'reject', reason: 'storage-failed', detail: 'client owners are not loaded' }
    }
    // The common case, a member typing under their own client id, needs no parse of the update.
    const sole = soleClientOf(update)
    if (sole !== null && owners.get(sole)?.memberId === author.memberId) return APPLY
    let meta: { to: Map<number, number> }
    try {
      meta = Y.parseUpdateMeta(update)
    } catch (error) {
      return { kind: 'reject', reason: 'invalid-update', detail: String(error) }
    }
    let claims: Map<number, ClientOwner> | null = null
    for (const [client, clock] of meta.to) {
      if (clock <= Y.getState(target.doc.store, client)) continue
      const owner = owners.get(client)
      if (owner === undefined) {
        claims ??= new Map()
        claims.set(client, author)
      } else if (owner.memberId !== author.memberId) {
        return {
          kind: 'reject',
          reason: 'foreign-client-id',
          detail: `client id ${client} belongs to another member`,
        }
      }
    }
    if (claims !== null) this.claim(target.docId, owners, claims)
    return APPLY
  }

  /**
   * Records new owners beside the document's update log, not in it: who wrote with a client id is the
   * server's bookkeeping, never content a client syncs, so it does not go through the persist queue.
   */
  private claim(docId: string, owners: Map<number, ClientOwner>, claims: Map<number, ClientOwner>): void {
    for (const [client, owner] of claims) owners.set(client, owner)
    this.options.store.claimClients(docId, claims).then(
      // Another instance may have claimed one first: the stored owner is the owner.
      (stored) => {
        for (const [client, owner] of stored) owners.set(client, owner)
      },
      (error: unknown) => this.options.logger.error({ docId, err: error }, 'could not record client owners'),
    )
  }
}
