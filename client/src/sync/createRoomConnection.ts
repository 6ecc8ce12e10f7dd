import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type { DocumentFreeze } from '../../../shared/schema/document-record'
import {
  makeRoomConnection,
  type RoomConnection,
  type RoomConnectionOptions,
  type SyncStatus,
} from './makeRoomConnection'

/** `makeRoomConnection` owned by the current component: its status and freeze as signals, destroyed on cleanup. */
export const createRoomConnection = (
  options: RoomConnectionOptions,
): RoomConnection & {
  readonly statusSignal: Accessor<SyncStatus>
  readonly frozenSignal: Accessor<DocumentFreeze | null>
} => {
  const connection = makeRoomConnection(options)
  const [status, setStatus] = createSignal<SyncStatus>(connection.status())
  const [frozen, setFrozen] = createSignal<DocumentFreeze | null>(connection.frozen())
  const stopStatus = connection.onStatus(setStatus)
  const stopFrozen = connection.onFrozen(setFrozen)
  onCleanup(() => {
    stopStatus()
    stopFrozen()
    connection.destroy()
  })
  return { ...connection, statusSignal: status, frozenSignal: frozen }
}
