import { type Accessor, createSignal, onCleanup } from 'solid-js'
import {
  makeRoomConnection,
  type RoomConnection,
  type RoomConnectionOptions,
  type SyncStatus,
} from './makeRoomConnection'

/** `makeRoomConnection` owned by the current component: its status as a signal, destroyed on cleanup. */
export const createRoomConnection = (
  options: RoomConnectionOptions,
): RoomConnection & { readonly statusSignal: Accessor<SyncStatus> } => {
  const connection = makeRoomConnection(options)
  const [status, setStatus] = createSignal<SyncStatus>(connection.status())
  const stop = connection.onStatus(setStatus)
  onCleanup(() => {
    stop()
    connection.destroy()
  })
  return { ...connection, statusSignal: status }
}
