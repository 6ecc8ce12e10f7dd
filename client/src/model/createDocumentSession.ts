import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocumentValue, FieldValue } from '../../../shared/document/field-value'
import type { DocumentFreeze } from '../../../shared/schema/document-record'
import type { Template } from '../../../shared/templates/template'
import { createRoomConnection } from '../sync/createRoomConnection'
import type { SyncStatus } from '../sync/makeRoomConnection'
import { createDocumentValue } from './createDocumentValue'
import { membersOnline, type Peer, type PresenceUser, peersOf } from './presence'

export interface DocumentSessionOptions {
  readonly documentId: string
  readonly template: Template
  /** Who this device announces; null for a device that only watches (a shared screen, a viewer). */
  readonly user: PresenceUser | null
  /** What the document record said when the page loaded; the server's word takes over from there. */
  readonly frozen?: DocumentFreeze | null
}

/**
 * One open document as a page sees it: its Y.Doc, its value as a store, the connection's honest status,
 * whether it is frozen for signing, and who is here. A watching device keeps nothing on the device and
 * announces nobody. Everything is closed when the owning component is cleaned up.
 */
export interface DocumentSession {
  readonly doc: Y.Doc
  /** The whole document as a store (every field read). */
  readonly value: DocumentValue
  /** One field's value from the same store, without reading the others. */
  fieldValue(fieldId: string): FieldValue | undefined
  readonly awareness: Awareness
  readonly status: Accessor<SyncStatus>
  readonly frozen: Accessor<DocumentFreeze | null>
  /** Everyone else who announced themselves, by name. */
  readonly peers: Accessor<Peer[]>
  /** Members who have the document open now (this device's member included). */
  readonly online: Accessor<ReadonlySet<string>>
  /** This device never writes (a viewer or a shared screen). */
  readonly watchOnly: boolean
  /** Watch-only, or frozen for signing (the server would drop the edits). */
  readonly readOnly: Accessor<boolean>
  /** Tells the others which field this person is in. */
  focus(fieldId: string | null): void
  /** Calls `listener` whenever the server says a version was saved or approved; returns the unsubscribe. */
  onVersionsChanged(listener: () => void): () => void
}

export const createDocumentSession = ({
  documentId,
  template,
  user,
  frozen = null,
}: DocumentSessionOptions): DocumentSession => {
  const watchOnly = user === null
  const doc = new Y.Doc()
  onCleanup(() => doc.destroy())
  const connection = createRoomConnection({ docId: documentId, doc, persist: !watchOnly, frozen })
  const awareness = connection.provider.awareness
  if (user === null) awareness.setLocalState(null)
  else awareness.setLocalStateField('user', user)
  const [peers, setPeers] = createSignal<Peer[]>(peersOf(awareness))
  const [online, setOnline] = createSignal<ReadonlySet<string>>(membersOnline(awareness))
  const onPresence = () => {
    setPeers(peersOf(awareness))
    setOnline(membersOnline(awareness))
  }
  awareness.on('change', onPresence)
  onCleanup(() => awareness.off('change', onPresence))
  // Made at once but empty: it reads each field the first time something asks for it.
  const value = createDocumentValue(doc, template)
  return {
    doc,
    get value() {
      return value.whole()
    },
    fieldValue: value.field,
    awareness,
    status: connection.statusSignal,
    frozen: connection.frozenSignal,
    peers,
    online,
    watchOnly,
    readOnly: () => watchOnly || connection.frozenSignal() !== null,
    focus: (fieldId) => {
      if (!watchOnly) awareness.setLocalStateField('focus', fieldId)
    },
    onVersionsChanged: (listener) => connection.onVersionsChanged(listener),
  }
}
