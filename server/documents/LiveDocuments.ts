import * as Y from 'yjs'
import type { ClientOwnership } from '../attribution/ClientOwnership'
import type { ClientOwner, DocumentStore } from '../storage/port'
import type { RoomRegistry } from '../sync/RoomRegistry'

export interface LiveDocumentsOptions {
  readonly rooms: Pick<RoomRegistry, 'peek' | 'withRoom'>
  readonly store: Pick<DocumentStore, 'load'>
  readonly ownership: Pick<ClientOwnership, 'ownersOf'>
}

/**
 * The freshest content of any sync room (a document, a café's control room, a table's note): its loaded room's
 * Y.Doc when it is open here, else one built from storage for one read. The services read documents through
 * this and change them only as server changes of their room, so everyone connected sees each change.
 */
export class LiveDocuments {
  constructor(private readonly options: LiveDocumentsOptions) {}

  /** A room's Y.Doc if it is loaded here (read it synchronously; never keep it). */
  liveDoc(roomId: string): Y.Doc | null {
    const room = this.options.rooms.peek(roomId)
    return room === undefined || room.isDestroyed ? null : room.doc
  }

  /** Reads a room's Y.Doc: the loaded one, else one built from storage for this read only. */
  async read<T>(roomId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.liveDoc(roomId)
    if (live !== null) return read(live)
    const stored = await this.options.store.load(roomId)
    const doc = new Y.Doc()
    try {
      if (stored.state !== null) Y.applyUpdate(doc, stored.state)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Changes a room's document on the server's behalf, loading the room if nobody has it open: one forward
   * transaction, stored and relayed like any edit. Resolves once it is durable.
   */
  async change(roomId: string, change: (doc: Y.Doc) => void): Promise<void> {
    await this.options.rooms.withRoom(roomId, (room) => room.applyServerChange(change))
  }

  /** Who first wrote with each Yjs client id of a room: the stored record, with the open room's newest claims. */
  clientOwners(roomId: string): Promise<Map<number, ClientOwner>> {
    return this.options.ownership.ownersOf(roomId)
  }
}
